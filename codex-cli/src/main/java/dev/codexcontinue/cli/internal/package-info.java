/** The commands of {@code codexctl} and their plumbing; no compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
