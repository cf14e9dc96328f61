/** Stream plumbing shared by providers' and agents' streams. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.core.internal.stream;

import dev.codexcontinue.api.annotation.NonNullByDefault;
