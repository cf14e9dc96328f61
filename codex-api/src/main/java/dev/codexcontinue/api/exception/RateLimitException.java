package dev.codexcontinue.api.exception;

import java.time.Duration;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The provider asked us to slow down (HTTP 429). Retryable unless the provider says otherwise (an
 * exhausted quota is not, nor is a wait longer than the configured cap); {@link #retryAfter()}
 * gives the delay the provider asked for.
 */
public class RateLimitException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /** Creates a retryable rate-limit exception. */
  public RateLimitException(String message, ErrorDetails details, @Nullable Throwable cause) {
    this(message, details, true, cause);
  }

  /** Creates a rate-limit exception that is retryable only if {@code retryable}. */
  public RateLimitException(
      String message, ErrorDetails details, boolean retryable, @Nullable Throwable cause) {
    super(message, details, cause);
    this.retryable = retryable;
  }

  /** Returns the delay the provider asked for, if it sent one. */
  public Optional<Duration> retryAfter() {
    return details().retryAfter();
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
