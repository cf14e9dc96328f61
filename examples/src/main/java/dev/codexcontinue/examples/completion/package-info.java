/** Code completion for editors through codex-core's editor helper and a completing provider. */
@NonNullByDefault
package dev.codexcontinue.examples.completion;

import dev.codexcontinue.api.annotation.NonNullByDefault;
