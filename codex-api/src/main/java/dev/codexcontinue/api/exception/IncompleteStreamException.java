package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/**
 * The stream ended (EOF) without the protocol's terminator: SSE without {@code [DONE]}, NDJSON
 * without {@code done: true}. A truncated answer is never reported as a success.
 */
public class IncompleteStreamException extends StreamException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StreamException#StreamException}. */
  public IncompleteStreamException(
      String message,
      long eventsDelivered,
      @Nullable ErrorDetails details,
      @Nullable Throwable cause) {
    super(message, eventsDelivered, details, cause);
  }
}
