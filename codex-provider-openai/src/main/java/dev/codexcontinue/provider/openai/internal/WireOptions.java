package dev.codexcontinue.provider.openai.internal;

/**
 * How the provider writes requests: the field that carries the output-token limit, whether streams
 * ask for a final usage chunk, and the embedding encoding.
 *
 * @param maxTokensField {@code max_completion_tokens} (OpenAI) or {@code max_tokens} (older and
 *     compatible servers)
 * @param includeUsage whether streams send {@code stream_options.include_usage}
 * @param base64Embeddings whether embeddings are asked for as base64
 */
public record WireOptions(String maxTokensField, boolean includeUsage, boolean base64Embeddings) {}
