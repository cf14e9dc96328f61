package dev.codexcontinue.core.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class CompletionCacheTest {
  private static final CompletionResponse ANSWER = FakeCompletionProvider.response("x + 1");

  private static CompletionRequest request(String prefix, String suffix) {
    return CompletionRequest.builder(prefix, suffix).language("java").filePath("A.java").build();
  }

  @Test
  void get_sameWindows_returnsTheStoredAnswer() {
    CompletionCache cache = CompletionCache.builder().build();
    cache.put(request("int y = ", ";"), ANSWER);

    assertThat(cache.get(request("int y = ", ";"))).contains(ANSWER);
    assertThat(cache.get(request("int y = ", ");"))).isEmpty();
    assertThat(cache.get(CompletionRequest.builder("int y = ", ";").language("java").build()))
        .isEmpty();
  }

  @Test
  void put_pastCapacity_evictsTheLeastRecentlyUsed() {
    CompletionCache cache = CompletionCache.builder().capacity(2).build();
    cache.put(request("a", ""), ANSWER);
    cache.put(request("b", ""), ANSWER);
    cache.get(request("a", ""));
    cache.put(request("c", ""), ANSWER);

    assertThat(cache.get(request("a", ""))).isPresent();
    assertThat(cache.get(request("b", ""))).isEmpty();
    assertThat(cache.get(request("c", ""))).isPresent();
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void get_afterTheTimeToLive_forgetsTheAnswer() {
    MutableClock clock = new MutableClock();
    CompletionCache cache =
        CompletionCache.builder().ttl(Duration.ofSeconds(30)).clock(clock).build();
    cache.put(request("a", ""), ANSWER);

    clock.now = clock.now.plusSeconds(30);
    assertThat(cache.get(request("a", ""))).isPresent();
    clock.now = clock.now.plusMillis(1);
    assertThat(cache.get(request("a", ""))).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void clear_forgetsEverything() {
    CompletionCache cache = CompletionCache.builder().build();
    cache.put(request("a", ""), ANSWER);
    cache.clear();
    assertThat(cache.get(request("a", ""))).isEmpty();
  }

  @Test
  void builder_rejectsBadSettings() {
    assertThatThrownBy(() -> CompletionCache.builder().capacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompletionCache.builder().ttl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompletionCache.builder().clock(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CompletionCache.builder().build().put(request("a", ""), null))
        .isInstanceOf(NullPointerException.class);
  }

  /** A clock the test sets. */
  static final class MutableClock extends Clock {
    volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
