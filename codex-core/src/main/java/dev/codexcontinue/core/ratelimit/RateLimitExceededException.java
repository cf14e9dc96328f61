package dev.codexcontinue.core.ratelimit;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.RateLimitException;
import java.time.Duration;
import javax.annotation.Nullable;

/**
 * A client-side rate limit refused a call before it was sent: the limiter fails fast, or the wait
 * would exceed its maximum. {@link #retryAfter()} says when the call would be allowed (absent when
 * it never would: more tokens than a bucket holds). Retryable.
 */
public class RateLimitExceededException extends RateLimitException {
  private static final long serialVersionUID = 1L;

  private final String scope;

  /**
   * Creates the exception for provider {@code provider}; {@code scope} names the limit, e.g. {@code
   * user alice tokens/min}, and {@code retryAfter} is null when the call can never pass.
   */
  public RateLimitExceededException(String provider, String scope, @Nullable Duration retryAfter) {
    super(
        "client-side rate limit reached: "
            + scope
            + (retryAfter == null
                ? ", the call asks for more than the limit allows at once"
                : ", next call allowed in " + retryAfter.toMillis() + " ms"),
        ErrorDetails.builder(provider)
            .errorCode("client_rate_limit")
            .retryAfter(retryAfter)
            .build(),
        retryAfter != null,
        null);
    this.scope = scope;
  }

  /** Returns the limit that refused the call, e.g. {@code provider openai requests/min}. */
  public String scope() {
    return scope;
  }
}
