package dev.codexcontinue.core.trace;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.PipelineStep;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A span as it begins: which turn and conversation it belongs to, its place in the tree, what it
 * measures and when it began. What is known only at the end is in {@link SpanEnd}. Immutable.
 *
 * <p>The SDK creates spans; the builder is public so that listeners can be tested on their own.
 */
public final class Span {
  private final String traceId;
  private final String spanId;
  @Nullable private final String parentSpanId;
  private final SpanKind kind;
  private final String name;
  private final SessionKey session;
  private final Instant startTime;
  @Nullable private final PipelineStep step;
  @Nullable private final String provider;
  @Nullable private final String model;
  private final boolean streaming;
  @Nullable private final ToolCall toolCall;

  private Span(Builder b) {
    this.traceId = b.traceId;
    this.spanId = b.spanId;
    this.parentSpanId = b.parentSpanId;
    this.kind = b.kind;
    this.name = b.name;
    this.session = b.session;
    this.startTime = b.startTime;
    this.step = b.step;
    this.provider = b.provider;
    this.model = b.model;
    this.streaming = b.streaming;
    this.toolCall = b.toolCall;
  }

  /**
   * Returns a builder of a span of {@code kind} named {@code name}, in the trace {@code traceId}
   * (the turn id), identified by {@code spanId}.
   */
  public static Builder builder(
      SpanKind kind, String name, String traceId, String spanId, SessionKey session) {
    return new Builder(kind, name, traceId, spanId, session);
  }

  /** Returns the trace id: the id of the turn the span belongs to. */
  public String traceId() {
    return traceId;
  }

  /** Returns the span's id, unique in its trace. */
  public String spanId() {
    return spanId;
  }

  /** Returns the enclosing span's id; empty for a turn. */
  public Optional<String> parentSpanId() {
    return Optional.ofNullable(parentSpanId);
  }

  /** Returns what the span measures. */
  public SpanKind kind() {
    return kind;
  }

  /**
   * Returns the span's name: {@code turn}, the step in lower case ({@code call_llm}), {@code chat}
   * for model calls, {@code execute_tool} for tool calls.
   */
  public String name() {
    return name;
  }

  /** Returns the conversation. */
  public SessionKey session() {
    return session;
  }

  /** Returns when the span began, by the agent's clock. */
  public Instant startTime() {
    return startTime;
  }

  /** Returns the pipeline step of a {@link SpanKind#STEP} span. */
  public Optional<PipelineStep> step() {
    return Optional.ofNullable(step);
  }

  /** Returns the provider id of a {@link SpanKind#MODEL_CALL} span. */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /** Returns the model a {@link SpanKind#MODEL_CALL} asked for; empty for the provider default. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Returns whether a {@link SpanKind#MODEL_CALL} or {@link SpanKind#TURN} streams. */
  public boolean streaming() {
    return streaming;
  }

  /** Returns the call of a {@link SpanKind#TOOL_CALL} span. */
  public Optional<ToolCall> toolCall() {
    return Optional.ofNullable(toolCall);
  }

  @Override
  public String toString() {
    return "Span[" + kind + " " + name + " " + spanId + " in " + traceId + "]";
  }

  /** Builds a {@link Span}. Not thread-safe. */
  public static final class Builder {
    private final SpanKind kind;
    private final String name;
    private final String traceId;
    private final String spanId;
    private final SessionKey session;
    @Nullable private String parentSpanId;
    private Instant startTime = Instant.EPOCH;
    @Nullable private PipelineStep step;
    @Nullable private String provider;
    @Nullable private String model;
    private boolean streaming;
    @Nullable private ToolCall toolCall;

    private Builder(SpanKind kind, String name, String traceId, String spanId, SessionKey session) {
      this.kind = Objects.requireNonNull(kind, "kind == null");
      this.name = Objects.requireNonNull(name, "name == null");
      this.traceId = Objects.requireNonNull(traceId, "traceId == null");
      this.spanId = Objects.requireNonNull(spanId, "spanId == null");
      this.session = Objects.requireNonNull(session, "session == null");
    }

    /** Sets the enclosing span. */
    public Builder parent(Span parent) {
      this.parentSpanId = Objects.requireNonNull(parent, "parent == null").spanId;
      return this;
    }

    /** Sets when the span began. */
    public Builder startTime(Instant startTime) {
      this.startTime = Objects.requireNonNull(startTime, "startTime == null");
      return this;
    }

    /** Sets the pipeline step. */
    public Builder step(PipelineStep step) {
      this.step = Objects.requireNonNull(step, "step == null");
      return this;
    }

    /** Sets the provider id. */
    public Builder provider(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
      return this;
    }

    /** Sets the model asked for. */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** Sets whether the call streams. */
    public Builder streaming(boolean streaming) {
      this.streaming = streaming;
      return this;
    }

    /** Sets the tool call. */
    public Builder toolCall(ToolCall toolCall) {
      this.toolCall = Objects.requireNonNull(toolCall, "toolCall == null");
      return this;
    }

    /** Returns the span. */
    public Span build() {
      return new Span(this);
    }
  }
}
