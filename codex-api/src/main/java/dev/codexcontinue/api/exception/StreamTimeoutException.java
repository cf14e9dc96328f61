package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/**
 * No byte arrived within the stream's idle timeout, or the stream ran past its maximum duration.
 */
public class StreamTimeoutException extends StreamException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StreamException#StreamException}. */
  public StreamTimeoutException(
      String message,
      long eventsDelivered,
      @Nullable ErrorDetails details,
      @Nullable Throwable cause) {
    super(message, eventsDelivered, details, cause);
  }
}
