/** Implementation details of codex-core. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.core.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
