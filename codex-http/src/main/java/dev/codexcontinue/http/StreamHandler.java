package dev.codexcontinue.http;

import dev.codexcontinue.api.exception.CodexException;

/**
 * Receives a streamed response: {@link #onEvent} for each decoded event, then exactly one of {@link
 * #onComplete} or {@link #onError}. Calls are serial, come from an OkHttp dispatcher thread (or
 * from the thread that cancels), and nothing follows the terminal call.
 *
 * <p>The transport guarantees the terminal call: it completes when {@link #onEvent} reports the
 * protocol's terminator (such as SSE {@code [DONE]}); it fails with {@code
 * IncompleteStreamException} at end of input without one (unless {@link #completesAtEndOfInput()}),
 * with {@code StreamInterruptedException} when the connection breaks, {@code
 * StreamTimeoutException} on idle or duration timeouts, {@code StreamProtocolException} on bad
 * framing, {@code CancelledException} on cancellation, and with whatever {@link #onEvent} throws.
 */
public interface StreamHandler {
  /**
   * Handles one event and returns whether it ended the stream (the protocol's terminator).
   *
   * @param event the event
   * @param sequence the event's number, 1 for the first
   * @throws CodexException to fail the stream, for example with a {@code ProviderStreamException}
   *     for an in-band error; any other exception fails it too, as a failing consumer
   */
  boolean onEvent(StreamEvent event, long sequence);

  /** Returns whether end of input without a terminator is a normal end (Tabby's chat stream). */
  default boolean completesAtEndOfInput() {
    return false;
  }

  /** Receives the normal end of the stream. Terminal. */
  void onComplete();

  /** Receives the failure that ended the stream. Terminal. */
  void onError(CodexException error);
}
