/** The web tools' implementation; no compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.plugins.web.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
