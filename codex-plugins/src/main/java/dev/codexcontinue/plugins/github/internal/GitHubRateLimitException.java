package dev.codexcontinue.plugins.github.internal;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.RateLimitException;
import java.time.Duration;

/**
 * GitHub said to slow down (primary or secondary rate limit). Not retryable by the transport: the
 * GitHub client waits as GitHub's rules say, and only for reads.
 */
final class GitHubRateLimitException extends RateLimitException {
  private static final long serialVersionUID = 1L;

  private final Duration wait;
  private final boolean guessed;

  GitHubRateLimitException(String message, ErrorDetails details, Duration wait, boolean guessed) {
    super(message, details, false, null);
    this.wait = wait;
    this.guessed = guessed;
  }

  /** Returns how long to wait before the next attempt. */
  Duration waitTime() {
    return wait;
  }

  /**
   * Returns whether GitHub named no time, so the wait is the documented minute and grows with each
   * repeated refusal.
   */
  boolean isGuessed() {
    return guessed;
  }
}
