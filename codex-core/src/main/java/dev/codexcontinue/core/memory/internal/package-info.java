/** Implementation details of codex-core memory. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
