package dev.codexcontinue.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.ChatStream;
import dev.codexcontinue.core.ratelimit.RateLimiter;
import dev.codexcontinue.core.tool.Tools;
import dev.codexcontinue.test.ScriptedProvider;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Agent turns, model calls, tokens, tools, errors, retries and rate-limit waits as meters. */
@Timeout(30)
final class MicrometerAgentMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerAgentMetrics metrics =
      MicrometerAgentMetrics.builder(registry).tag("agent", "helper").build();

  private Agent agent(ScriptedProvider model) {
    return Agent.builder()
        .provider(model)
        .addTool(
            Tools.builder("lookup")
                .description("Looks a word up")
                .parameters("{\"type\":\"object\"}")
                .handler((args, ctx) -> "found")
                .build())
        .addSpanListener(metrics)
        .build();
  }

  @Test
  void turnWithATool_recordsTurnCallsTokensStepsAndTool() {
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .id("openai")
                .toolCall("lookup", "{\"q\":\"a\"}")
                .reply("done")
                .build();
        Agent agent = agent(model)) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "find a"));

      Timer turns =
          registry
              .get("codex.agent.turn.duration")
              .tags("agent", "helper", "outcome", "ok", "stop_reason", "completed")
              .timer();
      assertThat(turns.count()).isEqualTo(1);
      Timer calls =
          registry
              .get("gen_ai.client.operation.duration")
              .tags("gen_ai.provider.name", "openai", "error.type", "none")
              .timer();
      assertThat(calls.count()).isEqualTo(2);
      DistributionSummary input =
          registry.get("gen_ai.client.token.usage").tags("gen_ai.token.type", "input").summary();
      DistributionSummary output =
          registry.get("gen_ai.client.token.usage").tags("gen_ai.token.type", "output").summary();
      assertThat(input.totalAmount()).isEqualTo(reply.usage().inputTokens());
      assertThat(output.totalAmount()).isEqualTo(reply.usage().outputTokens());
      assertThat(registry.get("codex.pipeline.step.duration").timers()).hasSize(7);
      assertThat(
              registry
                  .get("codex.tool.duration")
                  .tags("gen_ai.tool.name", "lookup", "outcome", "executed")
                  .timer()
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void failedTurn_countsTheErrorByType() {
    ProviderUnavailableException down =
        new ProviderUnavailableException("down", ErrorDetails.of("openai"), null);
    try (ScriptedProvider model = ScriptedProvider.builder().id("openai").fail(down).build();
        Agent agent = agent(model)) {
      assertThatThrownBy(() -> agent.chat(AgentRequest.of("s", "go"))).isSameAs(down);

      assertThat(
              registry
                  .get("codex.agent.errors")
                  .tags("error.type", "ProviderUnavailableException")
                  .counter()
                  .count())
          .isEqualTo(1.0);
      assertThat(
              registry
                  .get("gen_ai.client.operation.duration")
                  .tags("error.type", "ProviderUnavailableException")
                  .timer()
                  .count())
          .isEqualTo(1);
      assertThat(registry.get("codex.agent.turn.duration").tags("outcome", "error").timer().count())
          .isEqualTo(1);
    }
  }

  @Test
  void streamedTurn_recordsTimeToFirstToken() {
    try (ScriptedProvider model =
            ScriptedProvider.builder().id("openai").reply("in pieces").pieceSize(2).build();
        Agent agent = agent(model)) {
      try (ChatStream<AgentReply> stream = agent.stream(AgentRequest.of("s", "go"))) {
        stream.forEach(chunk -> {});
      }

      assertThat(registry.get("codex.model.time_to_first_token").timer().count()).isEqualTo(1);
    }
  }

  @Test
  void retriesAndRateLimitWaits_areCounted() {
    metrics.onRetry(
        new ProviderObserver.Retry(
            "openai",
            "chat",
            1,
            Duration.ofMillis(400),
            new ProviderUnavailableException("503", ErrorDetails.of("openai"), null)));
    RateLimiter limiter = RateLimiter.builder().requestsPerMinute(600).ticker(() -> 0L).build();
    try (ScriptedProvider model =
            ScriptedProvider.builder().id("openai").reply("a").repeatLast().build();
        Agent agent =
            Agent.builder().provider(model).rateLimiter(limiter).addSpanListener(metrics).build()) {
      for (int i = 0; i < 600; i++) {
        limiter.reserve("openai", "u", 0);
      }
      agent.chat(AgentRequest.of("s", "go"));
    }

    assertThat(
            registry
                .get("codex.provider.retries")
                .tags("gen_ai.provider.name", "openai", "operation", "chat")
                .counter()
                .count())
        .isEqualTo(1.0);
    Timer waits = registry.get("codex.ratelimit.wait").timer();
    assertThat(waits.count()).isEqualTo(1);
    assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100.0);
  }
}
