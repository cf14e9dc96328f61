package dev.codexcontinue.plugins.github.internal;

import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.annotation.Nullable;

/**
 * Spaces mutating requests: GitHub asks integrations to wait at least a second between POST, PATCH,
 * PUT and DELETE requests, and enforces it with its secondary rate limit. Thread-safe: concurrent
 * mutations take their turns.
 */
final class MutationPacer {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;
  @Nullable private Instant last;

  MutationPacer(Clock clock, Sleeper sleeper, Duration interval) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.interval = interval;
  }

  /** Waits until the interval since the previous mutation has passed, then takes the turn. */
  synchronized void awaitTurn() {
    Instant previous = last;
    if (previous != null) {
      Duration since = Duration.between(previous, clock.instant());
      if (since.compareTo(interval) < 0) {
        try {
          sleeper.sleep(interval.minus(since));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancelledException("interrupted while spacing GitHub mutations");
        }
      }
    }
    last = clock.instant();
  }
}
