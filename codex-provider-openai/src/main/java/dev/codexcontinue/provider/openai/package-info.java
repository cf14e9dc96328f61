/**
 * OpenAI, Azure OpenAI and any OpenAI-compatible server (vLLM, LM Studio, llama.cpp server, Groq,
 * DeepSeek...) as {@link dev.codexcontinue.api.Provider}s: chat completions blocking, asynchronous
 * and streamed, tools, structured output, images, embeddings and model listing. Start at {@link
 * dev.codexcontinue.provider.openai.OpenAiProvider#builder()} or {@link
 * dev.codexcontinue.provider.openai.AzureOpenAiProvider#builder()}.
 *
 * <p>Providers are thread-safe and own their transport; callbacks of asynchronous and streaming
 * calls run on OkHttp dispatcher threads.
 */
@NonNullByDefault
package dev.codexcontinue.provider.openai;

import dev.codexcontinue.api.annotation.NonNullByDefault;
