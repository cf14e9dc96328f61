package dev.codexcontinue.server.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket in integer nanoseconds (the generic cell rate algorithm): {@code burst} requests
 * at once, then one per {@code 1/ratePerSecond}. Over any window Δ it grants at most {@code burst +
 * ⌊rate·Δ⌋}. Thread-safe.
 */
public final class TokenBucket {
  private final long intervalNanos;
  private final long toleranceNanos;
  private final LongSupplier nanoTime;
  private long theoreticalArrival;

  /** Creates a bucket refilling {@code ratePerSecond} tokens a second up to {@code burst}. */
  public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoTime) {
    if (!(ratePerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be positive");
    }
    this.intervalNanos = Math.max(1, (long) Math.ceil(1_000_000_000d / ratePerSecond));
    this.toleranceNanos = intervalNanos * (burst - 1L);
    this.nanoTime = nanoTime;
    this.theoreticalArrival = nanoTime.getAsLong();
  }

  /** Takes a token; returns zero when granted, or how long to wait before one is free. */
  public synchronized Duration tryAcquire() {
    long now = nanoTime.getAsLong();
    long earliest = theoreticalArrival - toleranceNanos;
    if (now - earliest < 0) {
      return Duration.ofNanos(earliest - now);
    }
    theoreticalArrival = Math.max(now, theoreticalArrival) + intervalNanos;
    return Duration.ZERO;
  }
}
