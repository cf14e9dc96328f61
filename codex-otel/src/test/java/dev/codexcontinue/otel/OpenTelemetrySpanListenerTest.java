package dev.codexcontinue.otel;

import static dev.codexcontinue.otel.GenAiAttributes.AGENT_NAME;
import static dev.codexcontinue.otel.GenAiAttributes.CONVERSATION_ID;
import static dev.codexcontinue.otel.GenAiAttributes.ERROR_TYPE;
import static dev.codexcontinue.otel.GenAiAttributes.OPERATION_NAME;
import static dev.codexcontinue.otel.GenAiAttributes.PIPELINE_STEP;
import static dev.codexcontinue.otel.GenAiAttributes.PROVIDER_NAME;
import static dev.codexcontinue.otel.GenAiAttributes.REQUEST_MODEL;
import static dev.codexcontinue.otel.GenAiAttributes.RESPONSE_FINISH_REASONS;
import static dev.codexcontinue.otel.GenAiAttributes.RESPONSE_ID;
import static dev.codexcontinue.otel.GenAiAttributes.RESPONSE_MODEL;
import static dev.codexcontinue.otel.GenAiAttributes.STOP_REASON;
import static dev.codexcontinue.otel.GenAiAttributes.SYSTEM;
import static dev.codexcontinue.otel.GenAiAttributes.TIME_TO_FIRST_TOKEN;
import static dev.codexcontinue.otel.GenAiAttributes.TOOL_CALL_ID;
import static dev.codexcontinue.otel.GenAiAttributes.TOOL_NAME;
import static dev.codexcontinue.otel.GenAiAttributes.USAGE_INPUT_TOKENS;
import static dev.codexcontinue.otel.GenAiAttributes.USAGE_OUTPUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.RateLimitException;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.ChatStream;
import dev.codexcontinue.core.tool.Tools;
import dev.codexcontinue.test.ScriptedProvider;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Agent turns reach an OpenTelemetry SDK as spans with the GenAI semantic conventions, checked with
 * the SDK's in-memory exporter.
 */
@Timeout(30)
final class OpenTelemetrySpanListenerTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracing =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final Tracer tracer = tracing.get("test");

  @AfterEach
  void close() {
    tracing.close();
  }

  private Agent agent(ScriptedProvider model, OpenTelemetrySpanListener listener) {
    return Agent.builder()
        .provider(model)
        .options(AgentOptions.builder().model("gpt-test").build())
        .addTool(
            Tools.builder("lookup")
                .description("Looks a word up")
                .parameters("{\"type\":\"object\"}")
                .handler((args, ctx) -> "found")
                .build())
        .addSpanListener(listener)
        .build();
  }

  private static ChatResponse response(String id, ChatMessage message, FinishReason reason) {
    return ChatResponse.builder()
        .id(id)
        .model("gpt-test-2026")
        .message(message)
        .finishReason(reason)
        .usage(new TokenUsage(30, 7))
        .build();
  }

  @Test
  void turnWithATool_becomesInvokeAgentChatAndExecuteToolSpans() {
    ToolCall call = ToolCall.of("call_7", "lookup", "{\"q\":\"a\"}");
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .id("azure-openai")
                .reply(
                    response(
                        "resp-1",
                        ChatMessage.builder(dev.codexcontinue.api.Role.ASSISTANT)
                            .addToolCall(call)
                            .build(),
                        FinishReason.TOOL_CALLS))
                .reply(response("resp-2", ChatMessage.assistant("done"), FinishReason.STOP))
                .build();
        Agent agent =
            agent(model, OpenTelemetrySpanListener.builder(tracer).agentName("helper").build())) {
      AgentReply reply = agent.chat(AgentRequest.of("session-9", "find a"));

      List<SpanData> spans = exporter.getFinishedSpanItems();
      Map<String, List<SpanData>> byOperation =
          spans.stream()
              .collect(
                  Collectors.groupingBy(
                      s -> String.valueOf(s.getAttributes().get(OPERATION_NAME))));
      SpanData turn = byOperation.get("invoke_agent").get(0);
      assertThat(turn.getName()).isEqualTo("invoke_agent helper");
      assertThat(turn.getParentSpanContext().isValid()).isFalse();
      assertThat(turn.getAttributes().get(AGENT_NAME)).isEqualTo("helper");
      assertThat(turn.getAttributes().get(CONVERSATION_ID)).isEqualTo("session-9");
      assertThat(turn.getAttributes().get(STOP_REASON)).isEqualTo("COMPLETED");
      assertThat(turn.getAttributes().get(USAGE_INPUT_TOKENS)).isEqualTo(60L);

      List<SpanData> steps =
          spans.stream().filter(s -> s.getAttributes().get(PIPELINE_STEP) != null).toList();
      assertThat(steps).hasSize(7);
      assertThat(steps)
          .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(turn.getSpanId()));
      SpanData callLlm =
          steps.stream()
              .filter(s -> "call_llm".equals(s.getAttributes().get(PIPELINE_STEP)))
              .findFirst()
              .orElseThrow();

      List<SpanData> chats = byOperation.get("chat");
      assertThat(chats).hasSize(2);
      SpanData first =
          chats.stream()
              .filter(s -> "resp-1".equals(s.getAttributes().get(RESPONSE_ID)))
              .findFirst()
              .orElseThrow();
      assertThat(first.getName()).isEqualTo("chat gpt-test");
      assertThat(first.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(first.getParentSpanId()).isEqualTo(callLlm.getSpanId());
      assertThat(first.getAttributes().get(PROVIDER_NAME)).isEqualTo("azure.ai.openai");
      assertThat(first.getAttributes().get(SYSTEM)).isEqualTo("azure.ai.openai");
      assertThat(first.getAttributes().get(REQUEST_MODEL)).isEqualTo("gpt-test");
      assertThat(first.getAttributes().get(RESPONSE_MODEL)).isEqualTo("gpt-test-2026");
      assertThat(first.getAttributes().get(USAGE_INPUT_TOKENS)).isEqualTo(30L);
      assertThat(first.getAttributes().get(USAGE_OUTPUT_TOKENS)).isEqualTo(7L);
      assertThat(first.getAttributes().get(RESPONSE_FINISH_REASONS)).containsExactly("tool_calls");
      assertThat(first.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

      SpanData tool = byOperation.get("execute_tool").get(0);
      assertThat(tool.getName()).isEqualTo("execute_tool lookup");
      assertThat(tool.getAttributes().get(TOOL_NAME)).isEqualTo("lookup");
      assertThat(tool.getAttributes().get(TOOL_CALL_ID)).isEqualTo("call_7");
      assertThat(tool.getParentSpanId()).isEqualTo(callLlm.getSpanId());

      assertThat(spans).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(turn.getTraceId()));
      assertThat(spans)
          .allSatisfy(
              s -> assertThat(s.getEndEpochNanos()).isGreaterThanOrEqualTo(s.getStartEpochNanos()));
      assertThat(spans.toString()).doesNotContain("find a").doesNotContain("{\"q\"");
      assertThat(reply.text()).isEqualTo("done");
    }
  }

  @Test
  void turn_joinsTheCallersTraceAndStepsCanBeLeftOut() {
    try (ScriptedProvider model = ScriptedProvider.builder().reply("hi").build();
        Agent agent =
            agent(model, OpenTelemetrySpanListener.builder(tracer).recordSteps(false).build())) {
      io.opentelemetry.api.trace.Span outer = tracer.spanBuilder("http request").startSpan();
      try (Scope ignored = outer.makeCurrent()) {
        agent.chat(AgentRequest.of("s", "hello"));
      } finally {
        outer.end();
      }

      Map<String, SpanData> byName =
          exporter.getFinishedSpanItems().stream()
              .collect(Collectors.toMap(SpanData::getName, Function.identity()));
      assertThat(byName)
          .containsOnlyKeys("http request", "invoke_agent codex-agent", "chat gpt-test");
      assertThat(byName.get("invoke_agent codex-agent").getParentSpanId())
          .isEqualTo(outer.getSpanContext().getSpanId());
      assertThat(byName.get("chat gpt-test").getParentSpanId())
          .isEqualTo(byName.get("invoke_agent codex-agent").getSpanId());
    }
  }

  @Test
  void failedCall_hasErrorStatusAndType() {
    RateLimitException limited =
        new RateLimitException("slow down", ErrorDetails.of("openai"), false, null);
    try (ScriptedProvider model = ScriptedProvider.builder().id("openai").fail(limited).build();
        Agent agent = agent(model, OpenTelemetrySpanListener.builder(tracer).build())) {
      assertThatThrownBy(() -> agent.chat(AgentRequest.of("s", "go"))).isSameAs(limited);

      List<SpanData> failed =
          exporter.getFinishedSpanItems().stream()
              .filter(s -> s.getStatus().getStatusCode() == StatusCode.ERROR)
              .toList();
      assertThat(failed)
          .extracting(SpanData::getName)
          .containsExactlyInAnyOrder(
              "chat gpt-test", "codex.step call_llm", "invoke_agent codex-agent");
      assertThat(failed)
          .allSatisfy(
              s ->
                  assertThat(s.getAttributes().get(ERROR_TYPE))
                      .isEqualTo(RateLimitException.class.getName()));
      assertThat(failed.get(0).getEvents())
          .anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
    }
  }

  @Test
  void streamedCall_recordsTimeToFirstToken() {
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .id("openai")
                .reply("streamed in pieces")
                .pieceSize(3)
                .build();
        Agent agent = agent(model, OpenTelemetrySpanListener.builder(tracer).build())) {
      try (ChatStream<AgentReply> stream = agent.stream(AgentRequest.of("s", "go"))) {
        stream.forEach(chunk -> {});
      }

      SpanData chat =
          exporter.getFinishedSpanItems().stream()
              .filter(s -> "chat".equals(s.getAttributes().get(OPERATION_NAME)))
              .findFirst()
              .orElseThrow();
      assertThat(chat.getAttributes().get(TIME_TO_FIRST_TOKEN))
          .isNotNull()
          .isGreaterThanOrEqualTo(0.0);
      assertThat(chat.getAttributes().get(PROVIDER_NAME)).isEqualTo("openai");
    }
  }
}
