/** Implementation details of the Tabby provider: wire formats and error rules. No promise. */
@NonNullByDefault
package dev.codexcontinue.provider.tabby.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
