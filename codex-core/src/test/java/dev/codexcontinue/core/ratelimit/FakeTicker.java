package dev.codexcontinue.core.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that moves only when a test advances it. */
final class FakeTicker implements Ticker {
  private final AtomicLong now = new AtomicLong(123_456_789L);

  void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  void advanceNanos(long nanos) {
    now.addAndGet(nanos);
  }

  @Override
  public long nanos() {
    return now.get();
  }
}
