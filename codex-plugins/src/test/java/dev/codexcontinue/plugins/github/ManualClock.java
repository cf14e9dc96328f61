package dev.codexcontinue.plugins.github;

import dev.codexcontinue.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when its sleeper sleeps: every wait is recorded and advances the time by
 * exactly that much, so tests see GitHub's waits without waiting.
 */
final class ManualClock extends Clock {
  private volatile Instant now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  ManualClock(Instant start) {
    this.now = start;
  }

  /** Returns the sleeper that records and advances this clock. */
  Sleeper sleeper() {
    return new Sleeper() {
      @Override
      public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
      }

      @Override
      public CompletableFuture<Void> delay(Duration duration) {
        sleep(duration);
        return CompletableFuture.completedFuture(null);
      }
    };
  }

  /** Returns every wait so far, in order. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
