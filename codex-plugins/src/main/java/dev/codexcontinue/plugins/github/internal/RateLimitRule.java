package dev.codexcontinue.plugins.github.internal;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises GitHub's rate-limit answers and says how long to wait, by GitHub's documented rules:
 * {@code retry-after} when present; else, when {@code x-ratelimit-remaining} is 0, until {@code
 * x-ratelimit-reset} (epoch seconds); else at least one minute. A 429 is always a rate limit; a 403
 * only with one of those headers or a message that says so (a plain 403 is a permission error).
 */
final class RateLimitRule implements ErrorMapper.Rule {
  /** What GitHub asks for when it names no time. */
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

  private final Clock clock;

  RateLimitRule(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<ProviderException> map(HttpError error, ErrorDetails details, String message) {
    int status = error.status();
    if (status != 403 && status != 429) {
      return Optional.empty();
    }
    boolean exhausted =
        error.header("x-ratelimit-remaining").map(v -> v.strip().equals("0")).orElse(false);
    boolean says = error.errorBody().message().toLowerCase(Locale.ROOT).contains("rate limit");
    if (status == 403 && error.retryAfter().isEmpty() && !exhausted && !says) {
      return Optional.empty();
    }
    Duration wait;
    boolean guessed = false;
    Optional<Duration> untilReset = exhausted ? untilReset(error) : Optional.empty();
    if (error.retryAfter().isPresent()) {
      wait = error.retryAfter().get();
    } else if (untilReset.isPresent()) {
      wait = untilReset.get();
    } else {
      wait = DEFAULT_WAIT;
      guessed = true;
    }
    ErrorDetails withWait = details.toBuilder().retryAfter(wait).build();
    return Optional.of(new GitHubRateLimitException(message, withWait, wait, guessed));
  }

  private Optional<Duration> untilReset(HttpError error) {
    Optional<String> reset = error.header("x-ratelimit-reset");
    if (reset.isEmpty()) {
      return Optional.empty();
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
      Duration d = Duration.between(clock.instant(), at);
      return Optional.of(d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
