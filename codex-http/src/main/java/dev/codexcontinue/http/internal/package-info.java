/** Implementation details of codex-http. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.http.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
