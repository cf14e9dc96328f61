package dev.codexcontinue.http;

import dev.codexcontinue.http.internal.Durations;
import java.time.Duration;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * When and how long to wait before repeating a failed call. Defaults follow openai-python: two
 * retries; connection failures and HTTP 408, 409, 429 and 5xx are retried; {@code x-should-retry}
 * overrides the status; the delay before retry <i>n</i> is {@code min(0.5 s * 2^(n-1), 8 s)} times
 * a jitter factor in [0.75, 1.0], unless the server asked for a delay with {@code retry-after-ms}
 * or {@code retry-after} of at most {@link #maxRetryAfter()}, which is then used as it is. A server
 * asking for more than that cap is not retried at all. Streams are retried only before their first
 * event, and calls with non-repeatable bodies never. Immutable.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double jitter;
  private final Duration maxRetryAfter;
  @Nullable private final String retryCountHeader;
  @Nullable private final String idempotencyHeader;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.retryCountHeader = b.retryCountHeader;
    this.idempotencyHeader = b.idempotencyHeader;
  }

  /** Returns the default policy. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a policy that never retries. */
  public static RetryPolicy none() {
    return builder().maxRetries(0).build();
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns how many times a call may be repeated after its first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  /** Returns the longest server-directed delay that is honoured. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** Returns the header that carries the attempt number (0 first), if any. */
  public Optional<String> retryCountHeader() {
    return Optional.ofNullable(retryCountHeader);
  }

  /** Returns the header that carries one idempotency key per logical call, if any. */
  public Optional<String> idempotencyHeader() {
    return Optional.ofNullable(idempotencyHeader);
  }

  /** Returns whether a response with {@code status} is worth repeating, absent other signals. */
  public boolean isRetryableStatus(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /**
   * Returns the exponential delay before retry number {@code retry} (1 for the first), given a
   * uniform random number in [0, 1).
   */
  public Duration backoff(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1");
    }
    double base = initialDelay.toNanos() * Math.pow(2, Math.min(retry - 1, 30));
    double capped = Math.min(base, maxDelay.toNanos());
    return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
  }

  /** Returns a builder pre-filled with this policy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxRetries = maxRetries;
    b.initialDelay = initialDelay;
    b.maxDelay = maxDelay;
    b.jitter = jitter;
    b.maxRetryAfter = maxRetryAfter;
    b.retryCountHeader = retryCountHeader;
    b.idempotencyHeader = idempotencyHeader;
    return b;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxRetries=" + maxRetries + ", maxRetryAfter=" + maxRetryAfter + "]";
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxRetries = 2;
    private Duration initialDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(8);
    private double jitter = 0.25;
    private Duration maxRetryAfter = Duration.ofSeconds(120);
    @Nullable private String retryCountHeader = "X-Retry-Count";
    @Nullable private String idempotencyHeader;

    private Builder() {}

    /** Sets how many retries follow the first attempt; 2 by default, 0 disables retries. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** Sets the delay before the first retry; 500 ms by default. */
    public Builder initialDelay(Duration delay) {
      this.initialDelay = Durations.positive(delay, "initialDelay");
      return this;
    }

    /** Sets the longest exponential delay; 8 s by default. */
    public Builder maxDelay(Duration delay) {
      this.maxDelay = Durations.positive(delay, "maxDelay");
      return this;
    }

    /** Sets the jitter: each delay is cut by up to this fraction at random; 0.25 by default. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter < 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1)");
      }
      this.jitter = jitter;
      return this;
    }

    /** Sets the longest server-directed delay honoured; 120 s by default. */
    public Builder maxRetryAfter(Duration cap) {
      this.maxRetryAfter = Durations.positive(cap, "maxRetryAfter");
      return this;
    }

    /**
     * Sets the header that carries the attempt number; {@code X-Retry-Count} by default, {@code
     * null} sends none. A value the caller set on the call is never replaced.
     */
    public Builder retryCountHeader(@Nullable String name) {
      this.retryCountHeader = name;
      return this;
    }

    /**
     * Sets the header that carries one random idempotency key per logical call, the same on every
     * attempt; none by default. A key the caller set on the call is never replaced.
     */
    public Builder idempotencyHeader(@Nullable String name) {
      this.idempotencyHeader = name;
      return this;
    }

    /** Returns the policy. */
    public RetryPolicy build() {
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalStateException("maxDelay < initialDelay");
      }
      return new RetryPolicy(this);
    }
  }
}
