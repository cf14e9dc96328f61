package dev.codexcontinue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.core.metrics.AgentMetrics;
import dev.codexcontinue.core.ratelimit.RateLimitExceededException;
import dev.codexcontinue.core.ratelimit.RateLimiter;
import dev.codexcontinue.core.trace.SpanKind;
import dev.codexcontinue.test.ScriptedProvider;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The agent asks its rate limiter before every model call; waiting or failing is the caller's. */
@Timeout(30)
final class AgentRateLimitTest {
  private final RecordingSpans spans = new RecordingSpans();
  private final AgentMetrics metrics = AgentMetrics.create();

  private Agent agent(ScriptedProvider model, RateLimiter limiter, AgentOptions options) {
    return Agent.builder()
        .provider(model)
        .rateLimiter(limiter)
        .options(options)
        .addSpanListener(spans)
        .addSpanListener(metrics)
        .build();
  }

  @Test
  void failFast_secondTurnIsRefusedBeforeTheProvider() {
    RateLimiter limiter =
        RateLimiter.builder().requestsPerMinute(1).onLimit(RateLimiter.OnLimit.FAIL_FAST).build();
    try (ScriptedProvider model = ScriptedProvider.builder().reply("a").repeatLast().build();
        Agent agent = agent(model, limiter, AgentOptions.defaults())) {
      agent.chat(AgentRequest.of("s", "one"));

      assertThatThrownBy(() -> agent.chat(AgentRequest.of("s", "two")))
          .isInstanceOfSatisfying(
              RateLimitExceededException.class, e -> assertThat(e.retryAfter()).isPresent());
      assertThat(model.requests()).hasSize(1);
      assertThat(metrics.snapshot().modelCallErrorsByType())
          .containsEntry("RateLimitExceededException", 1L);
    }
  }

  @Test
  void perUserLimit_oneUserWaitsAnotherDoesNot() {
    RateLimiter limiter =
        RateLimiter.builder()
            .userRequestsPerMinute(600)
            .ticker(() -> 0L)
            .maxWait(Duration.ofSeconds(5))
            .build();
    try (ScriptedProvider model = ScriptedProvider.builder().reply("a").repeatLast().build();
        Agent agent = agent(model, limiter, AgentOptions.defaults())) {
      for (int i = 0; i < 600; i++) {
        limiter.reserve(model.id(), "alice", 0);
      }
      agent.chat(AgentRequest.builder("s").userId("bob").text("hi").build());
      agent.chat(AgentRequest.builder("s").userId("alice").text("hi").build());

      var calls = spans.ofKind(SpanKind.MODEL_CALL);
      assertThat(spans.end(calls.get(0)).rateLimitWait()).isZero();
      assertThat(spans.end(calls.get(1)).rateLimitWait()).isEqualTo(Duration.ofMillis(100));
      assertThat(metrics.snapshot().rateLimitWaits()).isEqualTo(1);
      assertThat(metrics.snapshot().rateLimitWaitTime()).isEqualTo(Duration.ofMillis(100));
    }
  }

  @Test
  void cancelWhileWaiting_givesTheReservationBack() throws Exception {
    RateLimiter limiter =
        RateLimiter.builder().requestsPerMinute(1).maxWait(Duration.ofMinutes(5)).build();
    try (ScriptedProvider model = ScriptedProvider.builder().reply("a").repeatLast().build();
        Agent agent = agent(model, limiter, AgentOptions.defaults())) {
      agent.chat(AgentRequest.of("s1", "one"));
      CompletableFuture<AgentReply> waiting = agent.chatAsync(AgentRequest.of("s2", "two"));
      awaitModelCallStarted(2);

      waiting.cancel(true);

      assertThat(waiting).isCancelled();
      awaitEnded(2);
      // The cancelled wait gave its slot back: the next call waits one refill, not two.
      Duration next = limiter.reserve(model.id(), "u", 0).delay();
      assertThat(next)
          .isLessThanOrEqualTo(Duration.ofMinutes(1))
          .isGreaterThan(Duration.ofSeconds(30));
      assertThat(spans.end(spans.ofKind(SpanKind.MODEL_CALL).get(1)).error())
          .containsInstanceOf(CancelledException.class);
      assertThat(model.requests()).hasSize(1);
    }
  }

  @Test
  void waitLongerThanTheWallClock_stopsTheTurnWithWallClock() {
    RateLimiter limiter =
        RateLimiter.builder().requestsPerMinute(1).maxWait(Duration.ofMinutes(5)).build();
    AgentOptions options = AgentOptions.builder().maxWallClock(Duration.ofSeconds(2)).build();
    try (ScriptedProvider model = ScriptedProvider.builder().reply("a").repeatLast().build();
        Agent agent = agent(model, limiter, options)) {
      agent.chat(AgentRequest.of("s1", "one"));

      AgentReply reply = agent.chat(AgentRequest.of("s2", "two"));

      assertThat(reply.stopReason()).isEqualTo(StopReason.WALL_CLOCK);
      assertThat(model.requests()).hasSize(1);
    }
  }

  private void awaitModelCallStarted(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (spans.ofKind(SpanKind.MODEL_CALL).size() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(spans.ofKind(SpanKind.MODEL_CALL)).hasSize(n);
  }

  private void awaitEnded(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (spans.ofKind(SpanKind.MODEL_CALL).stream()
                .filter(s -> spans.ends.containsKey(s.spanId()))
                .count()
            < n
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }
}
