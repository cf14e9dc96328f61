/** Runnable examples of the SDK, each with a test that runs it. */
@NonNullByDefault
package dev.codexcontinue.examples;

import dev.codexcontinue.api.annotation.NonNullByDefault;
