package dev.codexcontinue.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY 39: 10,000 random operation sequences on random buckets give exactly what a {@link
 * BigInteger} model of the ideal bucket gives, and no window of time sees more grants than the
 * capacity plus what the rate earns in it.
 */
final class TokenBucketModelTest {
  private static final long[] PERIODS = {
    1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L, 7_919L
  };

  @Test
  void randomSequences_matchTheBigIntegerModel() {
    SplittableRandom random = new SplittableRandom(39);
    for (int sequence = 0; sequence < 10_000; sequence++) {
      long capacity = 1 + random.nextInt(random.nextBoolean() ? 20 : 100_000);
      long permits = 1 + random.nextInt(random.nextBoolean() ? 10 : 1_000_000);
      long periodNanos = PERIODS[random.nextInt(PERIODS.length)];
      FakeTicker ticker = new FakeTicker();
      TokenBucket bucket =
          TokenBucket.builder()
              .capacity(capacity)
              .refill(permits, Duration.ofNanos(periodNanos))
              .ticker(ticker)
              .build();
      Model model = new Model(capacity, permits, periodNanos);
      long now = 0;
      long granted = 0;
      long refunded = 0;
      for (int op = 0; op < 40; op++) {
        int kind = random.nextInt(7);
        String where = "sequence " + sequence + " op " + op;
        switch (kind) {
          case 0 -> {
            long step = advance(random, periodNanos);
            ticker.advanceNanos(step);
            now += step;
            model.advance(step);
          }
          case 1, 2 -> {
            long n = 1 + random.nextLong(capacity + 2);
            boolean got = bucket.tryAcquire(n);
            assertThat(got).as(where).isEqualTo(model.tryAcquire(n));
            granted += got ? n : 0;
          }
          case 3 -> {
            long n = 1 + random.nextLong(capacity);
            long maxWait = random.nextLong(4 * periodNanos);
            Optional<Duration> got = bucket.reserve(n, Duration.ofNanos(maxWait));
            assertThat(got.map(Duration::toNanos)).as(where).isEqualTo(model.reserve(n, maxWait));
          }
          case 4 -> {
            long n = 1 + random.nextLong(capacity);
            bucket.refund(n);
            model.refund(n);
            refunded += n;
          }
          case 5 -> {
            long n = 1 + random.nextLong(2 * capacity);
            bucket.charge(n);
            model.charge(n);
          }
          default ->
              assertThat(bucket.availableTokens()).as(where).isEqualTo(model.availableTokens());
        }
      }
      assertThat(bucket.availableTokens()).isEqualTo(model.availableTokens());
      // Immediate grants never exceed the capacity plus what the rate earned meanwhile plus what
      // was given back; reservations and charges only lower the level.
      BigInteger earned =
          BigInteger.valueOf(now)
              .multiply(BigInteger.valueOf(permits))
              .divide(BigInteger.valueOf(periodNanos));
      assertThat(BigInteger.valueOf(granted))
          .isLessThanOrEqualTo(earned.add(BigInteger.valueOf(capacity + refunded)));
    }
  }

  private static long advance(SplittableRandom random, long periodNanos) {
    return switch (random.nextInt(5)) {
      case 0 -> 0;
      case 1 -> random.nextLong(1, 1_000);
      case 2 -> random.nextLong(1, periodNanos + 1);
      case 3 -> random.nextLong(1, 10 * periodNanos);
      default -> random.nextLong(1, 400L * 24 * 3600 * 1_000_000_000L);
    };
  }

  /**
   * The ideal bucket in exact arithmetic: the level counted in tokens · period-nanoseconds, each
   * nanosecond adding {@code permits}, capped at the capacity, allowed below zero by reservations
   * and charges.
   */
  private static final class Model {
    private final BigInteger capacityUnits;
    private final BigInteger permits;
    private final BigInteger period;
    private final BigInteger floor;
    private BigInteger level;

    Model(long capacity, long permits, long periodNanos) {
      this.permits = BigInteger.valueOf(permits);
      this.period = BigInteger.valueOf(periodNanos);
      this.capacityUnits = BigInteger.valueOf(capacity).multiply(period);
      this.level = capacityUnits;
      // The bucket counts in units reduced by gcd(permits, period) and saturates a debt at
      // Long.MIN_VALUE / 2 of them.
      BigInteger g = this.permits.gcd(period);
      this.floor = BigInteger.valueOf(Long.MIN_VALUE / 2).multiply(g);
    }

    void advance(long nanos) {
      level = level.add(BigInteger.valueOf(nanos).multiply(permits)).min(capacityUnits);
    }

    private BigInteger units(long tokens) {
      return BigInteger.valueOf(tokens).multiply(period);
    }

    boolean tryAcquire(long n) {
      if (units(n).compareTo(capacityUnits) > 0 || level.compareTo(units(n)) < 0) {
        return false;
      }
      level = level.subtract(units(n));
      return true;
    }

    Optional<Long> reserve(long n, long maxWait) {
      BigInteger deficit = units(n).subtract(level);
      BigInteger wait =
          deficit.signum() <= 0
              ? BigInteger.ZERO
              : deficit.add(permits).subtract(BigInteger.ONE).divide(permits);
      if (wait.compareTo(BigInteger.valueOf(maxWait)) > 0) {
        return Optional.empty();
      }
      level = level.subtract(units(n)).max(floor);
      return Optional.of(wait.longValueExact());
    }

    void refund(long n) {
      level = level.add(units(n)).min(capacityUnits);
    }

    void charge(long n) {
      level = level.subtract(units(n)).max(floor);
    }

    long availableTokens() {
      BigInteger[] qr = level.divideAndRemainder(period);
      BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
      return floor.longValueExact();
    }
  }
}
