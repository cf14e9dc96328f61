/** Benchmarks and side-by-side comparison harnesses. Not published. */
@NonNullByDefault
package dev.codexcontinue.benchmarks;

import dev.codexcontinue.api.annotation.NonNullByDefault;
