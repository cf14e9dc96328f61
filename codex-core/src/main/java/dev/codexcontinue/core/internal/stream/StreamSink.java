package dev.codexcontinue.core.internal.stream;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.exception.CodexException;

/**
 * The receiving end of any chat stream, whatever its final result type: chunks, then exactly one of
 * {@link #onComplete} or {@link #onError}.
 *
 * @param <R> the final result: a provider's {@code ChatResponse} or an agent's {@code AgentReply}
 */
public interface StreamSink<R> {
  /** Receives the next chunk. */
  void onChunk(ChatChunk chunk);

  /** Receives the result. Terminal. */
  void onComplete(R result);

  /** Receives the failure. Terminal. */
  void onError(CodexException error);
}
