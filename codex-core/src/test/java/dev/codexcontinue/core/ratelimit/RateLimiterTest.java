package dev.codexcontinue.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.api.exception.RateLimitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests and tokens per minute, per provider and per user, waiting or failing fast. */
final class RateLimiterTest {
  private final FakeTicker ticker = new FakeTicker();

  private RateLimiter.Builder limiter() {
    return RateLimiter.builder().ticker(ticker);
  }

  @Test
  void reserve_failFast_refusesTheFourthRequestWithItsRetryAfter() {
    RateLimiter limits =
        limiter().requestsPerMinute(3).onLimit(RateLimiter.OnLimit.FAIL_FAST).build();
    for (int i = 0; i < 3; i++) {
      assertThat(limits.reserve("openai", "alice", 10).delay()).isZero();
    }

    assertThatThrownBy(() -> limits.reserve("openai", "alice", 10))
        .isInstanceOfSatisfying(
            RateLimitExceededException.class,
            e -> {
              assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(20));
              assertThat(e.scope()).isEqualTo("provider openai requests/min");
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.provider()).isEqualTo("openai");
            })
        .isInstanceOf(RateLimitException.class);
  }

  @Test
  void reserve_wait_queuesCallsUpToTheMaximumWait() {
    RateLimiter limits = limiter().requestsPerMinute(3).maxWait(Duration.ofSeconds(30)).build();
    for (int i = 0; i < 3; i++) {
      limits.reserve("openai", "alice", 0);
    }

    assertThat(limits.reserve("openai", "alice", 0).delay()).isEqualTo(Duration.ofSeconds(20));
    assertThatThrownBy(() -> limits.reserve("openai", "alice", 0))
        .isInstanceOfSatisfying(
            RateLimitExceededException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(40)));
  }

  @Test
  void reserve_perUserLimit_leavesOtherUsersAlone() {
    RateLimiter limits =
        limiter().userRequestsPerMinute(2).onLimit(RateLimiter.OnLimit.FAIL_FAST).build();
    limits.reserve("openai", "alice", 0);
    limits.reserve("ollama", "alice", 0);

    assertThatThrownBy(() -> limits.reserve("openai", "alice", 0))
        .isInstanceOfSatisfying(
            RateLimitExceededException.class,
            e -> assertThat(e.scope()).isEqualTo("user alice requests/min"));
    assertThat(limits.reserve("openai", "bob", 0).delay()).isZero();
  }

  @Test
  void reserve_providerOverride_appliesToThatProviderOnly() {
    RateLimiter limits =
        limiter()
            .requestsPerMinute(100)
            .provider("azure-openai", 1, 0)
            .onLimit(RateLimiter.OnLimit.FAIL_FAST)
            .build();
    limits.reserve("azure-openai", "u", 0);
    assertThatThrownBy(() -> limits.reserve("azure-openai", "u", 0))
        .isInstanceOf(RateLimitExceededException.class);
    assertThat(limits.reserve("openai", "u", 0).delay()).isZero();
  }

  @Test
  void settle_refundsUnusedTokensAndChargesOverruns() {
    RateLimiter limits =
        limiter().tokensPerMinute(1_000).onLimit(RateLimiter.OnLimit.FAIL_FAST).build();
    RateLimiter.Reservation first = limits.reserve("openai", "u", 600);
    assertThatThrownBy(() -> limits.reserve("openai", "u", 600))
        .isInstanceOf(RateLimitExceededException.class);

    first.settle(200);
    assertThat(limits.available("openai", null, "tokens")).isEqualTo(800);

    RateLimiter.Reservation second = limits.reserve("openai", "u", 600);
    second.settle(900);
    assertThat(limits.available("openai", null, "tokens")).isEqualTo(-100);
  }

  @Test
  void cancel_givesTheWholeReservationBack_once() {
    RateLimiter limits = limiter().requestsPerMinute(1).tokensPerMinute(100).build();
    RateLimiter.Reservation r = limits.reserve("openai", "u", 100);
    r.cancel();
    r.cancel();
    r.settle(50);

    assertThat(limits.available("openai", null, "requests")).isEqualTo(1);
    assertThat(limits.available("openai", null, "tokens")).isEqualTo(100);
  }

  @Test
  void reserve_moreTokensThanAMinuteHolds_failsWithoutRetryAfter() {
    RateLimiter limits = limiter().tokensPerMinute(100).build();

    assertThatThrownBy(() -> limits.reserve("openai", "u", 101))
        .isInstanceOfSatisfying(
            RateLimitExceededException.class,
            e -> {
              assertThat(e.retryAfter()).isEmpty();
              assertThat(e.isRetryable()).isFalse();
            });
  }

  @Test
  void reserve_noLimits_isNeverLimited() {
    RateLimiter.Reservation r = limiter().build().reserve("openai", "u", 1_000_000);
    assertThat(r.isLimited()).isFalse();
    assertThat(r.delay()).isZero();
  }

  @Test
  void onRateLimits_zeroRemaining_closesTheProviderUntilReset() {
    RateLimiter limits = limiter().requestsPerMinute(100).build();

    limits.onRateLimits(
        headers(
            "openai",
            Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "2s")));

    assertThat(limits.reserve("openai", "u", 0).delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(limits.reserve("other", "u", 0).delay()).isZero();
  }

  @Test
  void onRateLimits_unconfiguredProvider_learnsTheAnnouncedLimit() {
    RateLimiter limits = limiter().onLimit(RateLimiter.OnLimit.FAIL_FAST).build();

    limits.onRateLimits(
        headers(
            "openai",
            Map.of(
                "x-ratelimit-limit-tokens", "1000",
                "x-ratelimit-remaining-tokens", "300",
                "x-ratelimit-reset-tokens", "42s")));

    assertThat(limits.reserve("openai", "u", 300).delay()).isZero();
    assertThatThrownBy(() -> limits.reserve("openai", "u", 1))
        .isInstanceOf(RateLimitExceededException.class);
  }

  @Test
  void onRateLimits_adaptationOff_ignoresHeaders() {
    RateLimiter limits = limiter().requestsPerMinute(10).adaptToServer(false).build();
    limits.onRateLimits(headers("openai", Map.of("x-ratelimit-remaining-requests", "0")));
    assertThat(limits.reserve("openai", "u", 0).delay()).isZero();
  }

  @Test
  void onRateLimits_garbage_isIgnored() {
    RateLimiter limits = limiter().requestsPerMinute(10).build();
    limits.reserve("openai", "u", 0).cancel();
    limits.onRateLimits(
        headers(
            "openai",
            Map.of(
                "x-ratelimit-remaining-requests", "lots",
                "x-ratelimit-reset-requests", "soon")));
    assertThat(limits.available("openai", null, "requests")).isEqualTo(10);
  }

  @ParameterizedTest
  @CsvSource({
    "1s, 1000",
    "6m0s, 360000",
    "20ms, 20",
    "1h2m3.5s, 3723500",
    "0.5, 500",
    "250us, 0.25",
  })
  void duration_goStyleAndPlainSeconds_parse(String text, double millis) {
    assertThat(ServerLimits.duration(text))
        .hasValue(Duration.ofNanos(Math.round(millis * 1_000_000)));
  }

  @ParameterizedTest
  @CsvSource({"soon", "5x", "-1s", "s", "1.2.3s", "''"})
  void duration_garbage_isEmpty(String text) {
    assertThat(ServerLimits.duration(text)).isEmpty();
  }

  @Test
  @Timeout(60)
  void reserve_contention_grantsExactlyTheLimit() throws Exception {
    RateLimiter limits =
        limiter()
            .requestsPerMinute(50)
            .userRequestsPerMinute(1_000)
            .onLimit(RateLimiter.OnLimit.FAIL_FAST)
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      String user = "user" + (t % 4);
      results.add(
          pool.submit(
              () -> {
                start.await();
                int ok = 0;
                for (int i = 0; i < 1_000; i++) {
                  try {
                    limits.reserve("openai", user, 0);
                    ok++;
                  } catch (RateLimitExceededException e) {
                    // counted by its absence
                  }
                }
                return ok;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> f : results) {
      total += f.get(50, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(total).isEqualTo(50);
    assertThat(limits.available("openai", null, "requests")).isZero();
  }

  @Test
  void builder_invalidArguments_throw() {
    assertThatThrownBy(() -> RateLimiter.builder().requestsPerMinute(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiter.builder().maxWait(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiter.builder().onLimit(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RateLimiter.builder().provider(null, 1, 1))
        .isInstanceOf(NullPointerException.class);
    RateLimiter limits = RateLimiter.builder().build();
    assertThatThrownBy(() -> limits.reserve(null, "u", 0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> limits.reserve("p", null, 0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> limits.reserve("p", "u", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ProviderObserver.RateLimits headers(String provider, Map<String, String> h) {
    return new ProviderObserver.RateLimits(provider, "chat", h);
  }
}
