package dev.codexcontinue.core.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket with exact integer arithmetic: it holds up to {@code capacity} tokens and gains
 * {@code permits} tokens per {@code period}, continuously. Over any window of length Δ it grants at
 * most {@code capacity + floor(permits · Δ / period)} tokens, with no rounding drift, no lost or
 * extra grant under contention, and no overflow after any idle time. Thread-safe.
 *
 * <p>The level is kept in units of {@code 1 / (period / g)} token, where g is the greatest common
 * divisor of {@code permits} and the period in nanoseconds: a nanosecond adds {@code permits / g}
 * units and a token costs {@code period / g} units, both whole numbers, so refilling is exact.
 *
 * <p>The level may drop below zero: {@link #reserve} takes tokens ahead of time (the caller waits
 * the returned delay before using them) and {@link #charge} takes tokens that were used without
 * asking, such as the output tokens of a model call, known only afterwards. A debt deeper than
 * 2<sup>62</sup> units saturates there.
 *
 * <pre>{@code
 * TokenBucket bucket = TokenBucket.builder().capacity(10).refill(5, Duration.ofSeconds(1)).build();
 * if (bucket.tryAcquire()) { send(); }
 * }</pre>
 */
public final class TokenBucket {
  /** The most units a full bucket may hold, so that sums of levels never overflow. */
  private static final long MAX_UNITS = Long.MAX_VALUE / 4;

  /** The most units one change may move the level by. */
  private static final long MAX_CHANGE = Long.MAX_VALUE / 2;

  /** The deepest debt, in units: a charge beyond it saturates there. */
  private static final long MIN_UNITS = Long.MIN_VALUE / 2;

  private final long capacity;
  private final long permits;
  private final Duration period;
  private final long unitsPerToken;
  private final long unitsPerNano;
  private final long maxUnits;
  private final Ticker ticker;
  private final ReentrantLock lock = new ReentrantLock();
  private long units;
  private long lastNanos;
  private long notBeforeNanos;
  private boolean blocked;

  private TokenBucket(Builder b) {
    this.capacity = b.capacity;
    this.permits = b.permits;
    this.period = b.period;
    long periodNanos = b.period.toNanos();
    long g = gcd(b.permits, periodNanos);
    this.unitsPerToken = periodNanos / g;
    this.unitsPerNano = b.permits / g;
    if (capacity > MAX_UNITS / unitsPerToken) {
      throw new IllegalArgumentException(
          "capacity "
              + capacity
              + " at "
              + permits
              + " per "
              + period
              + " is too fine-grained to count exactly; use a rate with a rounder ratio");
    }
    this.maxUnits = capacity * unitsPerToken;
    this.ticker = b.ticker;
    long initial = b.initialTokens < 0 ? capacity : b.initialTokens;
    this.units = initial * unitsPerToken;
    this.lastNanos = ticker.nanos();
  }

  /** Returns a builder; capacity and refill rate are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the most tokens the bucket holds. */
  public long capacity() {
    return capacity;
  }

  /** Returns how many tokens are added per {@link #period()}. */
  public long permits() {
    return permits;
  }

  /** Returns the period over which {@link #permits()} tokens are added. */
  public Duration period() {
    return period;
  }

  /** Takes one token if one is there now; returns whether it did. */
  public boolean tryAcquire() {
    return tryAcquire(1);
  }

  /**
   * Takes {@code tokens} tokens if they are all there now; returns whether it did. Asking for more
   * than the capacity always fails.
   *
   * @throws IllegalArgumentException when {@code tokens < 1}
   */
  public boolean tryAcquire(long tokens) {
    positive(tokens);
    lock.lock();
    try {
      if (nanosUntil(tokens) != 0) {
        return false;
      }
      take(tokens);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes {@code tokens} tokens now, ahead of time if need be, when they will all be there within
   * {@code maxWait}. Returns how long the caller must wait before using them (zero when they are
   * there now), or empty, taking nothing, when the wait would be longer than {@code maxWait} or
   * {@code tokens} exceeds the capacity. Later callers queue behind this reservation.
   *
   * @throws IllegalArgumentException when {@code tokens < 1} or {@code maxWait} is negative
   */
  public Optional<Duration> reserve(long tokens, Duration maxWait) {
    positive(tokens);
    Objects.requireNonNull(maxWait, "maxWait == null");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait is negative");
    }
    lock.lock();
    try {
      long wait = nanosUntil(tokens);
      if (wait > saturatedNanos(maxWait)) {
        return Optional.empty();
      }
      take(tokens);
      return Optional.of(Duration.ofNanos(wait));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Gives back tokens taken but not used (a reservation given up), up to the capacity.
   *
   * @throws IllegalArgumentException when {@code tokens < 1}
   */
  public void refund(long tokens) {
    positive(tokens);
    lock.lock();
    try {
      refill();
      units = Math.min(maxUnits, units + Math.min(MAX_CHANGE, multiply(tokens, unitsPerToken)));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes {@code tokens} tokens that were used without asking, even below zero: later callers wait
   * until the debt is refilled.
   *
   * @throws IllegalArgumentException when {@code tokens < 1}
   */
  public void charge(long tokens) {
    positive(tokens);
    lock.lock();
    try {
      refill();
      take(tokens);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lowers the level to what a server says it will still accept: at most {@code remaining} tokens,
   * and none before {@code resetIn} has passed when {@code remaining} is zero. A level already
   * lower is kept.
   *
   * @throws IllegalArgumentException when {@code remaining} or {@code resetIn} is negative
   */
  public void limitTo(long remaining, Duration resetIn) {
    if (remaining < 0) {
      throw new IllegalArgumentException("remaining < 0");
    }
    Objects.requireNonNull(resetIn, "resetIn == null");
    if (resetIn.isNegative()) {
      throw new IllegalArgumentException("resetIn is negative");
    }
    lock.lock();
    try {
      refill();
      units = Math.min(units, Math.min(MAX_CHANGE, multiply(remaining, unitsPerToken)));
      if (remaining == 0 && !resetIn.isZero()) {
        long until = lastNanos + saturatedNanos(resetIn);
        if (!blocked || until - notBeforeNanos > 0) {
          notBeforeNanos = until;
          blocked = true;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the whole tokens there now; negative while later callers wait for a debt (reservations
   * ahead of time, or charges) to be refilled.
   */
  public long availableTokens() {
    lock.lock();
    try {
      refill();
      return Math.floorDiv(units, unitsPerToken);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the nanoseconds until {@code tokens} tokens are there, 0 when they are there now, or
   * {@code Long.MAX_VALUE} when they never will be (more than the capacity). Refills first. Callers
   * that combine several buckets hold their own lock around this and {@link #take}.
   */
  long nanosUntil(long tokens) {
    if (tokens > capacity) {
      return Long.MAX_VALUE;
    }
    lock.lock();
    try {
      long now = refill();
      long need = tokens * unitsPerToken;
      long wait = units >= need ? 0 : ceilDiv(need - units, unitsPerNano);
      if (blocked) {
        long left = notBeforeNanos - now;
        if (left > 0) {
          wait = Math.max(wait, left);
        } else {
          blocked = false;
        }
      }
      return wait;
    } finally {
      lock.unlock();
    }
  }

  /** Takes {@code tokens} tokens whatever the level; the level never drops below a safe bound. */
  void take(long tokens) {
    lock.lock();
    try {
      units = Math.max(MIN_UNITS, units - Math.min(MAX_CHANGE, multiply(tokens, unitsPerToken)));
    } finally {
      lock.unlock();
    }
  }

  /** Returns whether the bucket is full and unblocked: indistinguishable from a new one. */
  boolean isIdle() {
    lock.lock();
    try {
      refill();
      return units >= maxUnits && (!blocked || notBeforeNanos - lastNanos <= 0);
    } finally {
      lock.unlock();
    }
  }

  /** Adds the units earned since the last refill; returns the time it refilled at. */
  private long refill() {
    long now = ticker.nanos();
    long elapsed = now - lastNanos;
    if (elapsed <= 0) {
      // A frozen clock earns nothing; one that went back keeps its last reading, so the same
      // interval is never counted twice.
      return lastNanos;
    }
    lastNanos = now;
    if (units < maxUnits) {
      long room = maxUnits - units;
      units = elapsed >= ceilDiv(room, unitsPerNano) ? maxUnits : units + elapsed * unitsPerNano;
    }
    return now;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** Returns {@code a · b} for non-negative values, or {@code Long.MAX_VALUE} on overflow. */
  private static long multiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high != 0 || low < 0 ? Long.MAX_VALUE : low;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private static void positive(long tokens) {
    if (tokens < 1) {
      throw new IllegalArgumentException("tokens must be >= 1, was " + tokens);
    }
  }

  @Override
  public String toString() {
    return "TokenBucket[" + capacity + ", " + permits + " per " + period + "]";
  }

  /** Builds a {@link TokenBucket}. Not thread-safe. */
  public static final class Builder {
    private long capacity;
    private long permits;
    private Duration period = Duration.ZERO;
    private long initialTokens = -1;
    private Ticker ticker = Ticker.SYSTEM;

    private Builder() {}

    /** Sets the most tokens the bucket holds (at least 1). Required. */
    public Builder capacity(long capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
      }
      this.capacity = capacity;
      return this;
    }

    /** Sets the refill rate: {@code permits} tokens per {@code period}. Required. */
    public Builder refill(long permits, Duration period) {
      Objects.requireNonNull(period, "period == null");
      if (permits < 1 || permits > MAX_UNITS) {
        throw new IllegalArgumentException("permits must be in [1, 2^61), was " + permits);
      }
      if (period.isNegative() || period.isZero() || period.compareTo(Duration.ofDays(365)) > 0) {
        throw new IllegalArgumentException("period must be positive and at most a year");
      }
      this.permits = permits;
      this.period = period;
      return this;
    }

    /** Sets how many tokens the bucket starts with; full by default. */
    public Builder initialTokens(long tokens) {
      if (tokens < 0) {
        throw new IllegalArgumentException("initialTokens < 0");
      }
      this.initialTokens = tokens;
      return this;
    }

    /** Sets the source of time; {@link Ticker#SYSTEM} by default. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker == null");
      return this;
    }

    /**
     * Returns the bucket.
     *
     * @throws IllegalStateException when capacity or refill rate is missing, or the initial level
     *     exceeds the capacity
     * @throws IllegalArgumentException when the capacity at this rate cannot be counted exactly
     */
    public TokenBucket build() {
      if (capacity == 0 || permits == 0) {
        throw new IllegalStateException("a token bucket needs a capacity and a refill rate");
      }
      if (initialTokens > capacity) {
        throw new IllegalStateException("initialTokens exceeds the capacity");
      }
      return new TokenBucket(this);
    }
  }
}
