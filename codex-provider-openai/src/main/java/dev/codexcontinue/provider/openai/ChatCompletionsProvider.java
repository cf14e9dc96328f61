package dev.codexcontinue.provider.openai;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.EmbeddingResponse;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.provider.openai.internal.OpenAiClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The operations OpenAI and Azure OpenAI share, over one chat completions client. */
abstract class ChatCompletionsProvider implements Provider {
  private final OpenAiClient client;

  ChatCompletionsProvider(OpenAiClient client) {
    this.client = client;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return client.chat(request);
  }

  /** {@inheritDoc} The future completes on an OkHttp dispatcher thread. */
  @Override
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    return client.chatAsync(request);
  }

  @Override
  public Cancellable stream(ChatRequest request, StreamListener listener) {
    return client.stream(request, listener);
  }

  @Override
  public EmbeddingResponse embed(EmbeddingRequest request) {
    return client.embed(request);
  }

  @Override
  public List<ModelInfo> models() {
    return client.models();
  }

  /** Returns the HTTP transport, for diagnostics such as the open-response count. */
  public HttpTransport transport() {
    return client.transport();
  }

  /** Closes the transport and, unless it was borrowed, its OkHttp client. Idempotent. */
  @Override
  public void close() {
    client.close();
  }
}
