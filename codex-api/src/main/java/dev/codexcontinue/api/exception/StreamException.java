package dev.codexcontinue.api.exception;

import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A stream failed after it started. Streams are never retried once an event has reached the
 * consumer, so {@link #eventsDelivered()} tells how much the consumer already has.
 */
public class StreamException extends CodexException {
  private static final long serialVersionUID = 1L;

  private final long eventsDelivered;
  @Nullable private final ErrorDetails details;

  /** Creates a stream exception. */
  public StreamException(
      String message,
      long eventsDelivered,
      @Nullable ErrorDetails details,
      @Nullable Throwable cause) {
    super(details == null ? message : message + " (" + details + ")", cause);
    if (eventsDelivered < 0) {
      throw new IllegalArgumentException("eventsDelivered < 0");
    }
    this.eventsDelivered = eventsDelivered;
    this.details = details;
  }

  /** Returns how many events reached the consumer before the failure. */
  public long eventsDelivered() {
    return eventsDelivered;
  }

  /** Returns what the provider said, when the failure came from it. */
  public Optional<ErrorDetails> details() {
    return Optional.ofNullable(details);
  }
}
