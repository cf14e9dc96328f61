package dev.codexcontinue.core.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of an {@link AgentMetrics} at one moment: counters since it was created and latency
 * histograms. Immutable. Counters of one snapshot are read one after the other while turns run, so
 * two counters may be off by the events that happened in between.
 */
public final class MetricsSnapshot {
  private final Map<String, Long> counters;
  private final Map<String, Long> errorsByType;
  private final Map<String, Long> modelErrorsByType;
  private final Map<String, Long> modelCallsByProvider;
  private final Duration rateLimitWaitTime;
  private final Histogram turnLatency;
  private final Histogram modelCallLatency;
  private final Histogram timeToFirstToken;
  private final Histogram toolLatency;

  MetricsSnapshot(
      Map<String, Long> counters,
      Map<String, Long> errorsByType,
      Map<String, Long> modelErrorsByType,
      Map<String, Long> modelCallsByProvider,
      Duration rateLimitWaitTime,
      Histogram turnLatency,
      Histogram modelCallLatency,
      Histogram timeToFirstToken,
      Histogram toolLatency) {
    this.counters = Map.copyOf(counters);
    this.errorsByType = Collections.unmodifiableMap(new TreeMap<>(errorsByType));
    this.modelErrorsByType = Collections.unmodifiableMap(new TreeMap<>(modelErrorsByType));
    this.modelCallsByProvider = Collections.unmodifiableMap(new TreeMap<>(modelCallsByProvider));
    this.rateLimitWaitTime = rateLimitWaitTime;
    this.turnLatency = turnLatency;
    this.modelCallLatency = modelCallLatency;
    this.timeToFirstToken = timeToFirstToken;
    this.toolLatency = toolLatency;
  }

  private long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** Returns how many turns ended, successfully or not. */
  public long turns() {
    return counter("turns");
  }

  /** Returns how many turns failed (threw or were cancelled). */
  public long turnErrors() {
    return counter("turnErrors");
  }

  /** Returns the failed turns by the simple name of their exception type. */
  public Map<String, Long> errorsByType() {
    return errorsByType;
  }

  /** Returns how many model calls (requests to providers) ended. */
  public long modelCalls() {
    return counter("modelCalls");
  }

  /** Returns the model calls by provider id. */
  public Map<String, Long> modelCallsByProvider() {
    return modelCallsByProvider;
  }

  /** Returns how many model calls failed. */
  public long modelCallErrors() {
    return counter("modelCallErrors");
  }

  /** Returns the failed model calls by the simple name of their exception type. */
  public Map<String, Long> modelCallErrorsByType() {
    return modelErrorsByType;
  }

  /** Returns the input (prompt) tokens of every model call. */
  public long inputTokens() {
    return counter("inputTokens");
  }

  /** Returns the output tokens of every model call. */
  public long outputTokens() {
    return counter("outputTokens");
  }

  /** Returns how many tool calls ended. */
  public long toolCalls() {
    return counter("toolCalls");
  }

  /** Returns how many tool calls did not run to a result (failed, denied, invalid, timed out). */
  public long toolErrors() {
    return counter("toolErrors");
  }

  /** Returns how many times a transport retried a failed attempt. */
  public long retries() {
    return counter("retries");
  }

  /** Returns how many model calls waited for the rate limiter. */
  public long rateLimitWaits() {
    return counter("rateLimitWaits");
  }

  /** Returns the total time model calls waited for the rate limiter. */
  public Duration rateLimitWaitTime() {
    return rateLimitWaitTime;
  }

  /** Returns the latencies of turns. */
  public Histogram turnLatency() {
    return turnLatency;
  }

  /** Returns the latencies of model calls (rate-limit waits included). */
  public Histogram modelCallLatency() {
    return modelCallLatency;
  }

  /** Returns the times from sending a streamed model call to its first chunk. */
  public Histogram timeToFirstToken() {
    return timeToFirstToken;
  }

  /** Returns the latencies of tool calls. */
  public Histogram toolLatency() {
    return toolLatency;
  }

  @Override
  public String toString() {
    return "MetricsSnapshot[turns="
        + turns()
        + ", turnErrors="
        + turnErrors()
        + ", modelCalls="
        + modelCalls()
        + ", tokens="
        + inputTokens()
        + "/"
        + outputTokens()
        + ", toolCalls="
        + toolCalls()
        + ", retries="
        + retries()
        + ", rateLimitWaits="
        + rateLimitWaits()
        + "]";
  }

  /**
   * Durations counted in fixed buckets. Bucket {@code i} holds durations up to {@code
   * bounds().get(i)} (and above the previous bound); the last bucket, one past the bounds, holds
   * the longer ones. Immutable.
   */
  public static final class Histogram {
    private final List<Duration> bounds;
    private final long[] counts;
    private final long count;
    private final Duration sum;
    private final Duration max;

    Histogram(List<Duration> bounds, long[] counts, Duration sum, Duration max) {
      this.bounds = bounds;
      this.counts = counts.clone();
      long n = 0;
      for (long c : counts) {
        n += c;
      }
      this.count = n;
      this.sum = sum;
      this.max = max;
    }

    /** Returns the upper bounds of the buckets, shortest first. */
    public List<Duration> bounds() {
      return bounds;
    }

    /** Returns the count of each bucket; one more than there are bounds. */
    public List<Long> counts() {
      List<Long> list = new ArrayList<>(counts.length);
      for (long c : counts) {
        list.add(c);
      }
      return Collections.unmodifiableList(list);
    }

    /** Returns how many durations were recorded. */
    public long count() {
      return count;
    }

    /** Returns their sum. */
    public Duration sum() {
      return sum;
    }

    /** Returns the longest. */
    public Duration max() {
      return max;
    }

    /** Returns the mean; zero when nothing was recorded. */
    public Duration mean() {
      return count == 0 ? Duration.ZERO : sum.dividedBy(count);
    }

    /**
     * Returns an upper estimate of the {@code q} quantile: the bound of the bucket holding it (the
     * maximum for the last bucket); zero when nothing was recorded.
     *
     * @throws IllegalArgumentException when {@code q} is not in [0, 1]
     */
    public Duration percentile(double q) {
      if (!(q >= 0 && q <= 1)) {
        throw new IllegalArgumentException("q must be in [0, 1], was " + q);
      }
      if (count == 0) {
        return Duration.ZERO;
      }
      long rank = Math.max(1, (long) Math.ceil(q * count));
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= rank) {
          return i < bounds.size() ? min(bounds.get(i), max) : max;
        }
      }
      return max;
    }

    private static Duration min(Duration a, Duration b) {
      return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
      return "Histogram[count=" + count + ", mean=" + mean() + ", max=" + max + "]";
    }
  }
}
