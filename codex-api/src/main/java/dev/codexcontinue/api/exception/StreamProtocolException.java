package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/**
 * The stream broke its protocol: malformed framing or JSON, or an event larger than the configured
 * limit.
 */
public class StreamProtocolException extends StreamException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StreamException#StreamException}. */
  public StreamProtocolException(
      String message,
      long eventsDelivered,
      @Nullable ErrorDetails details,
      @Nullable Throwable cause) {
    super(message, eventsDelivered, details, cause);
  }
}
