package dev.codexcontinue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.core.metrics.AgentMetrics;
import dev.codexcontinue.core.metrics.MetricsSnapshot;
import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.core.trace.Span;
import dev.codexcontinue.core.trace.SpanEnd;
import dev.codexcontinue.core.trace.SpanKind;
import dev.codexcontinue.core.trace.SpanListener;
import dev.codexcontinue.test.ScriptedProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every turn, step, model call and tool call is a span; the metrics count them. */
@Timeout(30)
final class AgentTracingTest {
  private final RecordingSpans spans = new RecordingSpans();
  private final AgentMetrics metrics = AgentMetrics.create();

  private Agent agent(ScriptedProvider model, TestTools.Recording tool) {
    return Agent.builder()
        .provider(model)
        .addTool(tool.tool)
        .addSpanListener(spans)
        .addSpanListener(
            new SpanListener() {
              @Override
              public void onStart(Span span) {
                if (span.kind() == SpanKind.TURN) {
                  throw new IllegalStateException("a broken listener must not break turns");
                }
              }
            })
        .addSpanListener(metrics)
        .build();
  }

  @Test
  void turnWithATool_reportsTheSpanTree() {
    TestTools.Recording lookup = TestTools.recording("lookup", "found");
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .id("scripted")
                .toolCall("lookup", "{\"q\":\"a\"}")
                .reply("done")
                .build();
        Agent agent = agent(model, lookup)) {
      AgentReply reply = agent.chat(AgentRequest.of("s", "find a"));

      Span turn = spans.ofKind(SpanKind.TURN).get(0);
      assertThat(spans.ofKind(SpanKind.TURN)).hasSize(1);
      assertThat(turn.traceId()).isEqualTo(reply.turnId());
      assertThat(turn.parentSpanId()).isEmpty();
      assertThat(spans.end(turn).stopReason()).hasValue(StopReason.COMPLETED);
      assertThat(spans.end(turn).usage()).isEqualTo(reply.usage());

      List<Span> steps = spans.ofKind(SpanKind.STEP);
      assertThat(steps)
          .extracting(s -> s.step().orElseThrow())
          .containsExactly(PipelineStep.values());
      assertThat(steps).allSatisfy(s -> assertThat(s.parentSpanId()).hasValue(turn.spanId()));
      Span callLlm = steps.get(PipelineStep.CALL_LLM.ordinal());
      assertThat(spans.end(callLlm).detail()).contains("modelCalls=2");

      List<Span> calls = spans.ofKind(SpanKind.MODEL_CALL);
      assertThat(calls).hasSize(2);
      assertThat(calls).allSatisfy(c -> assertThat(c.parentSpanId()).hasValue(callLlm.spanId()));
      assertThat(calls).allSatisfy(c -> assertThat(c.provider()).hasValue("scripted"));
      SpanEnd first = spans.end(calls.get(0));
      assertThat(first.finishReason()).hasValue(FinishReason.TOOL_CALLS);
      assertThat(first.usage().inputTokens()).isPositive();
      assertThat(spans.end(calls.get(1)).finishReason()).hasValue(FinishReason.STOP);

      Span tool = spans.ofKind(SpanKind.TOOL_CALL).get(0);
      assertThat(tool.toolCall().orElseThrow().name()).isEqualTo("lookup");
      assertThat(tool.parentSpanId()).hasValue(callLlm.spanId());
      assertThat(spans.end(tool).toolOutcome()).hasValue(ToolExecution.Outcome.EXECUTED);

      assertThat(spans.events.get(0)).isEqualTo("start turn");
      assertThat(spans.events.get(spans.events.size() - 1)).isEqualTo("end turn");
      assertThat(spans.ends).hasSize(spans.started.size());
    }
  }

  @Test
  void streamedTurn_reportsTimeToFirstToken() throws Exception {
    TestTools.Recording lookup = TestTools.recording("lookup", "found");
    try (ScriptedProvider model =
            ScriptedProvider.builder().reply("a streamed answer in pieces").pieceSize(4).build();
        Agent agent = agent(model, lookup)) {
      try (ChatStream<AgentReply> stream = agent.stream(AgentRequest.of("s", "go"))) {
        stream.forEach(chunk -> {});
      }

      Span call = spans.ofKind(SpanKind.MODEL_CALL).get(0);
      assertThat(call.streaming()).isTrue();
      assertThat(spans.end(call).timeToFirstToken()).isPresent();
      assertThat(spans.end(call).timeToFirstToken().orElseThrow())
          .isLessThanOrEqualTo(spans.end(call).duration());
      assertThat(metrics.snapshot().timeToFirstToken().count()).isEqualTo(1);
    }
  }

  @Test
  void failingProvider_endsCallAndTurnWithTheError() {
    TestTools.Recording lookup = TestTools.recording("lookup", "found");
    ProviderUnavailableException down =
        new ProviderUnavailableException("down", ErrorDetails.of("scripted"), null);
    try (ScriptedProvider model = ScriptedProvider.builder().fail(down).build();
        Agent agent = agent(model, lookup)) {
      assertThatThrownBy(() -> agent.chat(AgentRequest.of("s", "go"))).isSameAs(down);

      assertThat(spans.end(spans.ofKind(SpanKind.MODEL_CALL).get(0)).error()).containsSame(down);
      assertThat(spans.end(spans.ofKind(SpanKind.TURN).get(0)).error()).containsSame(down);
      assertThat(spans.ends).hasSize(spans.started.size());
      MetricsSnapshot m = metrics.snapshot();
      assertThat(m.turnErrors()).isEqualTo(1);
      assertThat(m.errorsByType()).containsEntry("ProviderUnavailableException", 1L);
      assertThat(m.modelCallErrorsByType()).containsEntry("ProviderUnavailableException", 1L);
    }
  }

  @Test
  void metrics_countTurnsCallsTokensAndTools() throws Exception {
    TestTools.Recording lookup = TestTools.recording("lookup", "found");
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .id("scripted")
                .toolCall("lookup", "{\"q\":\"a\"}")
                .reply("done")
                .reply("again")
                .build();
        Agent agent = agent(model, lookup)) {
      AgentReply one = agent.chat(AgentRequest.of("s", "find a"));
      AgentReply two = agent.chatAsync(AgentRequest.of("s", "more")).get(10, TimeUnit.SECONDS);

      MetricsSnapshot m = metrics.snapshot();
      assertThat(m.turns()).isEqualTo(2);
      assertThat(m.turnErrors()).isZero();
      assertThat(m.modelCalls()).isEqualTo(3);
      assertThat(m.modelCallsByProvider()).containsEntry("scripted", 3L);
      assertThat(m.inputTokens()).isEqualTo(one.usage().inputTokens() + two.usage().inputTokens());
      assertThat(m.outputTokens())
          .isEqualTo(one.usage().outputTokens() + two.usage().outputTokens());
      assertThat(m.toolCalls()).isEqualTo(1);
      assertThat(m.toolErrors()).isZero();
      assertThat(m.turnLatency().count()).isEqualTo(2);
      assertThat(m.modelCallLatency().count()).isEqualTo(3);
      assertThat(m.toolLatency().count()).isEqualTo(1);
      assertThat(m.turnLatency().percentile(1.0))
          .isLessThanOrEqualTo(m.turnLatency().max().plus(Duration.ofMillis(1)));
      assertThat(m.rateLimitWaits()).isZero();
    }
  }
}
