/** Implementation details of codex-core code completion. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.core.completion.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
