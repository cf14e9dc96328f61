package dev.codexcontinue.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class TokenBucketTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void tryAcquire_burstThenRate_grantsExactlyCapacityPlusRateTimesElapsed() {
    TokenBucket bucket = new TokenBucket(10, 5, now::get);
    int granted = 0;
    for (int step = 0; step < 1000; step++) {
      if (bucket.tryAcquire().isZero()) {
        granted++;
      }
      now.addAndGet(1_000_000); // 1 ms per attempt, one second in all
    }
    // 5 at once, then one at each 100 ms mark within the 999 ms: 5 + floor(10 * 0.999).
    assertThat(granted).isEqualTo(14);
  }

  @Test
  void tryAcquire_empty_returnsTheWaitUntilTheNextToken() {
    TokenBucket bucket = new TokenBucket(2, 1, now::get);
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(500));
    now.addAndGet(200_000_000);
    assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(300));
    now.addAndGet(300_000_000);
    assertThat(bucket.tryAcquire()).isZero();
  }

  @Test
  void tryAcquire_afterLongIdle_grantsOnlyTheBurst() {
    TokenBucket bucket = new TokenBucket(1000, 3, now::get);
    now.addAndGet(Long.MAX_VALUE / 2);
    int granted = 0;
    for (int i = 0; i < 10; i++) {
      if (bucket.tryAcquire().isZero()) {
        granted++;
      }
    }
    assertThat(granted).isEqualTo(3);
  }
}
