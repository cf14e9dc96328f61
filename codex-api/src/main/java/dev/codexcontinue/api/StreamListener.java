package dev.codexcontinue.api;

import dev.codexcontinue.api.exception.CodexException;

/**
 * Receives a chat stream: {@link #onChunk} zero or more times, then exactly one of {@link
 * #onComplete} or {@link #onError}. Calls are serial and nothing follows the terminal call.
 * Implementations must be fast and must not throw; if one throws, the stream is cancelled and the
 * failure goes to {@link #onError}.
 *
 * <p>Calls arrive on the transport's thread (for HTTP providers, an OkHttp dispatcher thread); hand
 * heavy work to an executor of your own.
 */
public interface StreamListener {
  /** Receives the next chunk. */
  void onChunk(ChatChunk chunk);

  /** Receives the assembled response after the last chunk. Terminal. */
  void onComplete(ChatResponse response);

  /**
   * Receives the failure that ended the stream. Terminal. A cancelled stream ends here with a
   * {@link dev.codexcontinue.api.exception.CancelledException}.
   */
  void onError(CodexException error);
}
