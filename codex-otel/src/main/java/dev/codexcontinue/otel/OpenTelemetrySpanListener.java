package dev.codexcontinue.otel;

import static dev.codexcontinue.otel.GenAiAttributes.AGENT_NAME;
import static dev.codexcontinue.otel.GenAiAttributes.CONVERSATION_ID;
import static dev.codexcontinue.otel.GenAiAttributes.ERROR_TYPE;
import static dev.codexcontinue.otel.GenAiAttributes.OPERATION_NAME;
import static dev.codexcontinue.otel.GenAiAttributes.PIPELINE_STEP;
import static dev.codexcontinue.otel.GenAiAttributes.PROVIDER_NAME;
import static dev.codexcontinue.otel.GenAiAttributes.RATE_LIMIT_WAIT;
import static dev.codexcontinue.otel.GenAiAttributes.REQUEST_MODEL;
import static dev.codexcontinue.otel.GenAiAttributes.RESPONSE_FINISH_REASONS;
import static dev.codexcontinue.otel.GenAiAttributes.RESPONSE_ID;
import static dev.codexcontinue.otel.GenAiAttributes.RESPONSE_MODEL;
import static dev.codexcontinue.otel.GenAiAttributes.STEP_DETAIL;
import static dev.codexcontinue.otel.GenAiAttributes.STOP_REASON;
import static dev.codexcontinue.otel.GenAiAttributes.STREAMING;
import static dev.codexcontinue.otel.GenAiAttributes.SYSTEM;
import static dev.codexcontinue.otel.GenAiAttributes.TIME_TO_FIRST_TOKEN;
import static dev.codexcontinue.otel.GenAiAttributes.TOOL_CALL_ID;
import static dev.codexcontinue.otel.GenAiAttributes.TOOL_NAME;
import static dev.codexcontinue.otel.GenAiAttributes.TOOL_OUTCOME;
import static dev.codexcontinue.otel.GenAiAttributes.TOOL_TYPE;
import static dev.codexcontinue.otel.GenAiAttributes.TURN_ID;
import static dev.codexcontinue.otel.GenAiAttributes.USAGE_INPUT_TOKENS;
import static dev.codexcontinue.otel.GenAiAttributes.USAGE_OUTPUT_TOKENS;

import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.core.trace.Span;
import dev.codexcontinue.core.trace.SpanEnd;
import dev.codexcontinue.core.trace.SpanListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports an agent's spans to OpenTelemetry with the GenAI semantic conventions: a turn is an
 * {@code invoke_agent} span, each model call a {@code chat} client span ({@code
 * gen_ai.provider.name}, {@code gen_ai.request.model}, {@code gen_ai.response.model}, {@code
 * gen_ai.response.id}, {@code gen_ai.usage.input_tokens}, {@code gen_ai.usage.output_tokens},
 * {@code gen_ai.response.finish_reasons}), each tool call an {@code execute_tool} span ({@code
 * gen_ai.tool.name}, {@code gen_ai.tool.call.id}), and each pipeline step an internal span in
 * between. A failed span has status ERROR and {@code error.type}. The turn's span is a child of the
 * context current when the turn starts, so turns join the caller's trace. No prompt, message or
 * tool argument is ever recorded.
 *
 * <pre>{@code
 * Agent agent = Agent.builder()
 *     .provider(provider)
 *     .addSpanListener(OpenTelemetrySpanListener.builder(GlobalOpenTelemetry.get()).build())
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe; one listener may serve many agents.
 */
public final class OpenTelemetrySpanListener implements SpanListener {
  /** The instrumentation scope name spans are created under. */
  public static final String INSTRUMENTATION_NAME = "dev.codexcontinue";

  private static final Map<String, String> PROVIDER_NAMES =
      Map.of("azure-openai", "azure.ai.openai", "bedrock", "aws.bedrock", "gemini", "gcp.gemini");

  private final Tracer tracer;
  private final String agentName;
  private final boolean steps;
  private final Map<String, String> providerNames;
  private final Map<String, io.opentelemetry.api.trace.Span> open = new ConcurrentHashMap<>();
  private final Map<String, io.opentelemetry.api.trace.Span> skippedSteps =
      new ConcurrentHashMap<>();

  private OpenTelemetrySpanListener(Builder b) {
    this.tracer = b.tracer;
    this.agentName = b.agentName;
    this.steps = b.steps;
    this.providerNames = Map.copyOf(b.providerNames);
  }

  /** Returns a builder whose spans go to {@code openTelemetry}'s tracer provider. */
  public static Builder builder(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry == null");
    return new Builder(openTelemetry.getTracer(INSTRUMENTATION_NAME));
  }

  /** Returns a builder whose spans go to {@code tracer}. */
  public static Builder builder(Tracer tracer) {
    return new Builder(Objects.requireNonNull(tracer, "tracer == null"));
  }

  @Override
  public void onStart(Span span) {
    if (span.kind() == dev.codexcontinue.core.trace.SpanKind.STEP && !steps) {
      // The step's children hang from the turn instead.
      span.parentSpanId().map(open::get).ifPresent(turn -> skippedSteps.put(span.spanId(), turn));
      return;
    }
    Context parent =
        span.parentSpanId()
            .map(this::openAncestor)
            .map(p -> Context.current().with(p))
            .orElseGet(Context::current);
    SpanBuilder b =
        tracer
            .spanBuilder(name(span))
            .setParent(parent)
            .setStartTimestamp(span.startTime())
            .setAttribute(TURN_ID, span.traceId());
    switch (span.kind()) {
      case TURN -> {
        b.setSpanKind(SpanKind.INTERNAL)
            .setAttribute(OPERATION_NAME, "invoke_agent")
            .setAttribute(AGENT_NAME, agentName)
            .setAttribute(CONVERSATION_ID, span.session().sessionId())
            .setAttribute(STREAMING, span.streaming());
      }
      case STEP -> {
        b.setSpanKind(SpanKind.INTERNAL);
        span.step()
            .ifPresent(s -> b.setAttribute(PIPELINE_STEP, s.name().toLowerCase(Locale.ROOT)));
      }
      case MODEL_CALL -> {
        String provider = providerName(span.provider().orElse("unknown"));
        b.setSpanKind(SpanKind.CLIENT)
            .setAttribute(OPERATION_NAME, "chat")
            .setAttribute(PROVIDER_NAME, provider)
            .setAttribute(SYSTEM, provider)
            .setAttribute(CONVERSATION_ID, span.session().sessionId())
            .setAttribute(STREAMING, span.streaming());
        span.model().ifPresent(m -> b.setAttribute(REQUEST_MODEL, m));
      }
      case TOOL_CALL -> {
        b.setSpanKind(SpanKind.INTERNAL)
            .setAttribute(OPERATION_NAME, "execute_tool")
            .setAttribute(TOOL_TYPE, "function");
        span.toolCall()
            .ifPresent(c -> b.setAttribute(TOOL_NAME, c.name()).setAttribute(TOOL_CALL_ID, c.id()));
      }
    }
    open.put(span.spanId(), b.startSpan());
  }

  @Override
  public void onEnd(Span span, SpanEnd end) {
    io.opentelemetry.api.trace.Span otel = open.remove(span.spanId());
    if (otel == null) {
      skippedSteps.remove(span.spanId());
      return;
    }
    switch (span.kind()) {
      case TURN -> {
        usage(otel, end);
        end.stopReason().ifPresent(r -> otel.setAttribute(STOP_REASON, r.name()));
      }
      case STEP -> {
        if (!end.detail().isEmpty()) {
          otel.setAttribute(STEP_DETAIL, end.detail());
        }
      }
      case MODEL_CALL -> modelCallEnd(span, end, otel);
      case TOOL_CALL ->
          end.toolOutcome()
              .ifPresent(
                  o -> {
                    otel.setAttribute(TOOL_OUTCOME, o.name());
                    if (o != ToolExecution.Outcome.EXECUTED) {
                      otel.setAttribute(ERROR_TYPE, o.name());
                      otel.setStatus(StatusCode.ERROR, "tool call " + o.name());
                    }
                  });
    }
    end.error()
        .ifPresent(
            e -> {
              otel.setAttribute(ERROR_TYPE, e.getClass().getName());
              otel.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
              otel.recordException(e);
            });
    otel.end(span.startTime().plus(end.duration()));
  }

  private void modelCallEnd(Span span, SpanEnd end, io.opentelemetry.api.trace.Span otel) {
    usage(otel, end);
    end.responseId().ifPresent(id -> otel.setAttribute(RESPONSE_ID, id));
    end.finishReason()
        .ifPresent(r -> otel.setAttribute(RESPONSE_FINISH_REASONS, List.of(r.value())));
    end.responseModel()
        .ifPresent(
            m -> {
              otel.setAttribute(RESPONSE_MODEL, m);
              if (span.model().isEmpty()) {
                otel.updateName("chat " + m);
              }
            });
    end.timeToFirstToken().ifPresent(t -> otel.setAttribute(TIME_TO_FIRST_TOKEN, seconds(t)));
    if (!end.rateLimitWait().isZero()) {
      otel.setAttribute(RATE_LIMIT_WAIT, seconds(end.rateLimitWait()));
    }
  }

  private static void usage(io.opentelemetry.api.trace.Span otel, SpanEnd end) {
    otel.setAttribute(USAGE_INPUT_TOKENS, (long) end.usage().inputTokens());
    otel.setAttribute(USAGE_OUTPUT_TOKENS, (long) end.usage().outputTokens());
  }

  /**
   * Returns the open span of {@code id}, or for a step that is not recorded, its turn's span; null
   * when neither is open.
   */
  @javax.annotation.Nullable
  private io.opentelemetry.api.trace.Span openAncestor(String id) {
    io.opentelemetry.api.trace.Span span = open.get(id);
    return span != null ? span : skippedSteps.get(id);
  }

  private String name(Span span) {
    return switch (span.kind()) {
      case TURN -> "invoke_agent " + agentName;
      case STEP -> "codex.step " + span.name();
      case MODEL_CALL -> span.model().map(m -> "chat " + m).orElse("chat");
      case TOOL_CALL -> span.toolCall().map(c -> "execute_tool " + c.name()).orElse("execute_tool");
    };
  }

  private String providerName(String id) {
    return providerNames.getOrDefault(id, PROVIDER_NAMES.getOrDefault(id, id));
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  @Override
  public String toString() {
    return "OpenTelemetrySpanListener[" + agentName + ", open=" + open.size() + "]";
  }

  /** Builds an {@link OpenTelemetrySpanListener}. Not thread-safe. */
  public static final class Builder {
    private final Tracer tracer;
    private String agentName = "codex-agent";
    private boolean steps = true;
    private final Map<String, String> providerNames = new HashMap<>();

    private Builder(Tracer tracer) {
      this.tracer = tracer;
    }

    /** Sets {@code gen_ai.agent.name} and the turn span's name; {@code codex-agent} by default. */
    public Builder agentName(String name) {
      this.agentName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets whether pipeline steps become spans; on by default. Off, model and tool calls hang from
     * the turn's span directly.
     */
    public Builder recordSteps(boolean record) {
      this.steps = record;
      return this;
    }

    /**
     * Maps a provider id to its {@code gen_ai.provider.name}; {@code azure-openai} is {@code
     * azure.ai.openai} already, and other ids are used as they are.
     */
    public Builder providerName(String providerId, String name) {
      providerNames.put(
          Objects.requireNonNull(providerId, "providerId == null"),
          Objects.requireNonNull(name, "name == null"));
      return this;
    }

    /** Returns the listener. */
    public OpenTelemetrySpanListener build() {
      return new OpenTelemetrySpanListener(this);
    }
  }
}
