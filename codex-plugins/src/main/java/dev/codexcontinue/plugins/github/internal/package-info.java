/** The GitHub tools' implementation; no compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.plugins.github.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
