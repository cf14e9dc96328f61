package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/** The connection broke in the middle of a stream. */
public class StreamInterruptedException extends StreamException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StreamException#StreamException}. */
  public StreamInterruptedException(
      String message,
      long eventsDelivered,
      @Nullable ErrorDetails details,
      @Nullable Throwable cause) {
    super(message, eventsDelivered, details, cause);
  }
}
