/** Implementation details of the OpenAI provider. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.provider.openai.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
