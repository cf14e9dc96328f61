package dev.codexcontinue.api;

import dev.codexcontinue.api.exception.UnsupportedCapabilityException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to an LLM service: chat (blocking, asynchronous, streaming), and where the service
 * offers them, embeddings, code completion and model listing. {@link #capabilities()} says which; a
 * capability the provider lacks throws {@link UnsupportedCapabilityException}, never a silent empty
 * answer.
 *
 * <p>Implementations are thread-safe, own their connections, and release them in {@link #close()}.
 * Failures are reported as {@link dev.codexcontinue.api.exception.CodexException} subclasses,
 * mapped once at the transport boundary. Retries, tool loops and memory are not a provider's
 * business: codex-core does them.
 */
public interface Provider extends AutoCloseable {
  /** Returns the provider id, for example {@code openai}, {@code ollama}, {@code tabby}. */
  String id();

  /** Returns what this provider can do. */
  Set<Capability> capabilities();

  /** Returns whether this provider can do {@code capability}. */
  default boolean supports(Capability capability) {
    return capabilities().contains(capability);
  }

  /**
   * Sends a chat request and waits for the whole answer.
   *
   * @throws dev.codexcontinue.api.exception.ProviderException when the provider fails the call
   */
  ChatResponse chat(ChatRequest request);

  /**
   * Sends a chat request without blocking. {@code cancel(true)} on the future cancels the HTTP
   * call. The future completes on a transport thread; use {@code thenApplyAsync} with your own
   * executor for heavy work.
   */
  CompletableFuture<ChatResponse> chatAsync(ChatRequest request);

  /**
   * Streams a chat answer to {@code listener} and returns at once. The listener receives chunks and
   * then exactly one terminal call; see {@link StreamListener}. Cancelling the returned handle
   * closes the connection.
   */
  Cancellable stream(ChatRequest request, StreamListener listener);

  /**
   * Embeds texts.
   *
   * @throws UnsupportedCapabilityException when the provider has no embeddings
   */
  default EmbeddingResponse embed(EmbeddingRequest request) {
    throw new UnsupportedCapabilityException(id(), Capability.EMBEDDINGS.name());
  }

  /**
   * Completes code at a cursor (fill-in-the-middle) and waits for the answer.
   *
   * @throws UnsupportedCapabilityException when the provider cannot complete code
   */
  default CompletionResponse complete(CompletionRequest request) {
    throw new UnsupportedCapabilityException(id(), Capability.CODE_COMPLETION.name());
  }

  /**
   * Completes code without blocking; {@code cancel(true)} on the future releases the HTTP call at
   * once (editors cancel superseded completions on every keystroke).
   */
  default CompletableFuture<CompletionResponse> completeAsync(CompletionRequest request) {
    return CompletableFuture.failedFuture(
        new UnsupportedCapabilityException(id(), Capability.CODE_COMPLETION.name()));
  }

  /**
   * Lists the models the provider offers.
   *
   * @throws UnsupportedCapabilityException when the provider cannot list them
   */
  default List<ModelInfo> models() {
    throw new UnsupportedCapabilityException(id(), Capability.MODEL_LISTING.name());
  }

  /** Releases connections and threads this provider created. Idempotent. */
  @Override
  void close();
}
