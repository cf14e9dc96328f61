package dev.codexcontinue.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RELIABILITY 39: the token bucket is exact, under contention and after any idle time. */
final class TokenBucketTest {
  private final FakeTicker ticker = new FakeTicker();

  private TokenBucket tenAtFivePerSecond() {
    return TokenBucket.builder()
        .capacity(10)
        .refill(5, Duration.ofSeconds(1))
        .ticker(ticker)
        .build();
  }

  @Test
  void tryAcquire_fullBucket_grantsCapacityThenDenies() {
    TokenBucket bucket = tenAtFivePerSecond();
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryAcquire()).as("grant %d", i + 1).isTrue();
    }
    assertThat(bucket.tryAcquire()).isFalse();
  }

  @Test
  void tryAcquire_after200ms_grantsExactlyOne() {
    TokenBucket bucket = tenAtFivePerSecond();
    assertThat(bucket.tryAcquire(10)).isTrue();

    ticker.advance(Duration.ofMillis(199));
    assertThat(bucket.tryAcquire()).isFalse();
    ticker.advance(Duration.ofMillis(1));
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isFalse();
  }

  @Test
  @Timeout(60)
  void tryAcquire_64ThreadsFrozenClock_grantsExactlyCapacity() throws Exception {
    TokenBucket bucket = tenAtFivePerSecond();
    ExecutorService pool = Executors.newFixedThreadPool(64);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> grants = new ArrayList<>();
    for (int t = 0; t < 64; t++) {
      grants.add(
          pool.submit(
              () -> {
                start.await();
                int granted = 0;
                for (int i = 0; i < 10_000; i++) {
                  if (bucket.tryAcquire()) {
                    granted++;
                  }
                }
                return granted;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> f : grants) {
      total += f.get(50, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(total).isEqualTo(10);
  }

  @Test
  void availableTokens_afterTenYearsIdle_isCapacityWithoutOverflow() {
    TokenBucket bucket = tenAtFivePerSecond();
    bucket.tryAcquire(10);
    bucket.charge(1_000);

    ticker.advance(Duration.ofDays(3653));

    assertThat(bucket.availableTokens()).isEqualTo(10);
    assertThat(bucket.tryAcquire(10)).isTrue();
    assertThat(bucket.tryAcquire()).isFalse();
  }

  @Test
  void tryAcquire_clockGoingBack_earnsNothingTwice() {
    TokenBucket bucket = tenAtFivePerSecond();
    bucket.tryAcquire(10);
    ticker.advance(Duration.ofMillis(200));
    assertThat(bucket.availableTokens()).isEqualTo(1);
    ticker.advance(Duration.ofMillis(-1_000));
    assertThat(bucket.tryAcquire()).isTrue();
    ticker.advance(Duration.ofMillis(1_000));
    assertThat(bucket.tryAcquire()).isFalse();
    ticker.advance(Duration.ofMillis(200));
    assertThat(bucket.tryAcquire()).isTrue();
  }

  @Test
  void reserve_empty_takesAheadAndQueuesLaterCallers() {
    TokenBucket bucket = tenAtFivePerSecond();
    bucket.tryAcquire(10);

    assertThat(bucket.reserve(1, Duration.ofSeconds(1))).hasValue(Duration.ofMillis(200));
    assertThat(bucket.reserve(1, Duration.ofSeconds(1))).hasValue(Duration.ofMillis(400));
    assertThat(bucket.reserve(5, Duration.ofSeconds(1))).isEmpty();
    assertThat(bucket.availableTokens()).isEqualTo(-2);

    ticker.advance(Duration.ofMillis(400));
    assertThat(bucket.availableTokens()).isZero();
    assertThat(bucket.tryAcquire()).isFalse();
  }

  @Test
  void reserve_moreThanCapacity_isRefused() {
    assertThat(tenAtFivePerSecond().reserve(11, Duration.ofDays(1))).isEmpty();
    assertThat(tenAtFivePerSecond().tryAcquire(11)).isFalse();
  }

  @Test
  void refund_givesBackUpToCapacity() {
    TokenBucket bucket = tenAtFivePerSecond();
    bucket.tryAcquire(4);
    bucket.refund(100);
    assertThat(bucket.availableTokens()).isEqualTo(10);
  }

  @Test
  void charge_goesIntoDebtThatLaterCallersWaitFor() {
    TokenBucket bucket = tenAtFivePerSecond();
    bucket.charge(15);
    assertThat(bucket.availableTokens()).isEqualTo(-5);
    assertThat(bucket.reserve(1, Duration.ofSeconds(5))).hasValue(Duration.ofMillis(1_200));
  }

  @Test
  void limitTo_zeroRemaining_blocksUntilReset() {
    TokenBucket bucket = tenAtFivePerSecond();
    bucket.limitTo(0, Duration.ofSeconds(3));

    assertThat(bucket.reserve(1, Duration.ofSeconds(10))).hasValue(Duration.ofSeconds(3));
    ticker.advance(Duration.ofSeconds(3));
    assertThat(bucket.tryAcquire(10)).isTrue();
  }

  @Test
  void limitTo_lowerRemaining_lowersButNeverRaises() {
    TokenBucket bucket = tenAtFivePerSecond();
    bucket.limitTo(3, Duration.ZERO);
    assertThat(bucket.availableTokens()).isEqualTo(3);
    bucket.limitTo(8, Duration.ZERO);
    assertThat(bucket.availableTokens()).isEqualTo(3);
  }

  @Test
  void build_highRateLongPeriod_countsExactly() {
    TokenBucket tpm =
        TokenBucket.builder()
            .capacity(150_000_000)
            .refill(150_000_000, Duration.ofMinutes(1))
            .ticker(ticker)
            .build();
    assertThat(tpm.tryAcquire(150_000_000)).isTrue();
    ticker.advance(Duration.ofNanos(400));
    assertThat(tpm.tryAcquire()).isTrue();
    assertThat(tpm.tryAcquire()).isFalse();
  }

  @Test
  void builder_invalidArguments_throw() {
    assertThatThrownBy(() -> TokenBucket.builder().capacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenBucket.builder().refill(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenBucket.builder().refill(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenBucket.builder().refill(1, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TokenBucket.builder().ticker(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TokenBucket.builder().capacity(1).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                TokenBucket.builder()
                    .capacity(Long.MAX_VALUE / 8)
                    .refill(7, Duration.ofDays(300))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly");
    assertThatThrownBy(() -> tenAtFivePerSecond().tryAcquire(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
