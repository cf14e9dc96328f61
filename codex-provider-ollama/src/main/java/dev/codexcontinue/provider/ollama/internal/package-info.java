/** Implementation details of the Ollama provider. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.provider.ollama.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
