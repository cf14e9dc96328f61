/** Implementation details of codex-api. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.api.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
