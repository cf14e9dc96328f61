/** Implementation of the default template engine. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.core.prompt.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
