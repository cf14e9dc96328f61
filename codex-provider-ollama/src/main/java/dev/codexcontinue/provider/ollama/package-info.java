/**
 * Ollama's native API as a {@link dev.codexcontinue.api.Provider}: chat blocking, asynchronous and
 * streamed (tools, thinking, images, structured output), context-window sizing with truncation
 * detection, fill-in-the-middle code completion, embeddings, and model management ({@code
 * /api/tags}, {@code /api/show}, {@code /api/ps}, {@code /api/version}, load and unload). Start at
 * {@link dev.codexcontinue.provider.ollama.OllamaProvider#builder()}.
 *
 * <p>Providers are thread-safe and own their transport; callbacks of asynchronous and streaming
 * calls run on OkHttp dispatcher threads.
 */
@NonNullByDefault
package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.api.annotation.NonNullByDefault;
