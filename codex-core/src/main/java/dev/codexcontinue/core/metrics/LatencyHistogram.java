package dev.codexcontinue.core.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations counted in fixed buckets (1 ms to 2 min, roughly 1-2.5-5 per decade, then overflow),
 * with their count, sum and maximum. Lock-free and thread-safe; {@link #snapshot()} copies it.
 */
final class LatencyHistogram {
  /** Upper bounds of the buckets, in milliseconds; one more bucket holds everything longer. */
  static final long[] BOUNDS_MS = {
    1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000
  };

  private static final List<Duration> BOUNDS;

  static {
    List<Duration> bounds = new ArrayList<>();
    for (long ms : BOUNDS_MS) {
      bounds.add(Duration.ofMillis(ms));
    }
    BOUNDS = Collections.unmodifiableList(bounds);
  }

  private final AtomicLongArray counts = new AtomicLongArray(BOUNDS_MS.length + 1);
  private final LongAdder sumNanos = new LongAdder();
  private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

  void record(Duration d) {
    long nanos = Math.max(0, d.toNanos());
    int bucket = BOUNDS_MS.length;
    for (int i = 0; i < BOUNDS_MS.length; i++) {
      if (nanos <= BOUNDS_MS[i] * 1_000_000L) {
        bucket = i;
        break;
      }
    }
    counts.incrementAndGet(bucket);
    sumNanos.add(nanos);
    maxNanos.accumulate(nanos);
  }

  MetricsSnapshot.Histogram snapshot() {
    long[] copy = new long[counts.length()];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = counts.get(i);
    }
    return new MetricsSnapshot.Histogram(
        BOUNDS, copy, Duration.ofNanos(sumNanos.sum()), Duration.ofNanos(maxNanos.get()));
  }
}
