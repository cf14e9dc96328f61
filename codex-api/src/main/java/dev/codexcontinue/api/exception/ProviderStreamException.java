package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/**
 * The provider reported an error inside the stream (an SSE {@code error} payload, an NDJSON {@code
 * {"error": ...}} line), even under HTTP 200.
 */
public class ProviderStreamException extends StreamException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StreamException#StreamException}. */
  public ProviderStreamException(
      String message,
      long eventsDelivered,
      @Nullable ErrorDetails details,
      @Nullable Throwable cause) {
    super(message, eventsDelivered, details, cause);
  }
}
