/** The OpenAPI tools' implementation; no compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.plugins.openapi.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
