package dev.codexcontinue.micrometer;

import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.core.trace.Span;
import dev.codexcontinue.core.trace.SpanEnd;
import dev.codexcontinue.core.trace.SpanListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;

/**
 * Records what agents do as Micrometer meters. A {@link SpanListener} for {@code
 * AgentBuilder.addSpanListener} and a {@link ProviderObserver} for a provider's {@code
 * addObserver}. The meters, with the OpenTelemetry GenAI metric names where one exists:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code gen_ai.client.operation.duration}</td><td>timer, one per model call</td>
 *       <td>{@code gen_ai.operation.name=chat}, {@code gen_ai.provider.name}, {@code
 *       gen_ai.request.model}, {@code error.type} ({@code none} when it succeeded)</td></tr>
 *   <tr><td>{@code gen_ai.client.token.usage}</td><td>summary of tokens per call</td>
 *       <td>{@code gen_ai.token.type} ({@code input}, {@code output}), provider, model</td></tr>
 *   <tr><td>{@code codex.model.time_to_first_token}</td><td>timer, streamed calls</td>
 *       <td>provider, model</td></tr>
 *   <tr><td>{@code codex.agent.turn.duration}</td><td>timer, one per turn</td>
 *       <td>{@code outcome} ({@code ok}, {@code error}), {@code stop_reason}, {@code error.type}</td></tr>
 *   <tr><td>{@code codex.agent.errors}</td><td>counter of failed turns</td><td>{@code error.type}</td></tr>
 *   <tr><td>{@code codex.pipeline.step.duration}</td><td>timer</td><td>{@code step}</td></tr>
 *   <tr><td>{@code codex.tool.duration}</td><td>timer, one per tool call</td>
 *       <td>{@code gen_ai.tool.name}, {@code outcome}</td></tr>
 *   <tr><td>{@code codex.provider.retries}</td><td>counter</td><td>provider, {@code operation}</td></tr>
 *   <tr><td>{@code codex.ratelimit.wait}</td><td>timer of client rate-limit waits</td><td>provider</td></tr>
 * </table>
 *
 * <p>{@code error.type} is the exception's simple class name. Tags never hold prompts, messages,
 * user or session ids. Thread-safe; one instance may serve many agents and providers.
 */
public final class MicrometerAgentMetrics implements SpanListener, ProviderObserver {
  private static final String NONE = "none";

  private final MeterRegistry registry;
  private final Tags common;

  private MicrometerAgentMetrics(Builder b) {
    this.registry = b.registry;
    this.common = b.tags;
  }

  /** Returns a builder recording into {@code registry}. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(Objects.requireNonNull(registry, "registry == null"));
  }

  @Override
  public void onEnd(Span span, SpanEnd end) {
    switch (span.kind()) {
      case TURN -> turn(end);
      case STEP ->
          timer(
                  "codex.pipeline.step.duration",
                  "Duration of agent pipeline steps",
                  Tags.of("step", span.name()))
              .record(end.duration());
      case MODEL_CALL -> modelCall(span, end);
      case TOOL_CALL -> {
        String outcome = end.toolOutcome().map(ToolExecution.Outcome::name).orElse("EXECUTED");
        timer(
                "codex.tool.duration",
                "Duration of tool calls",
                Tags.of(
                    "gen_ai.tool.name",
                    span.toolCall().map(c -> c.name()).orElse("unknown"),
                    "outcome",
                    outcome.toLowerCase(Locale.ROOT)))
            .record(end.duration());
      }
    }
  }

  private void turn(SpanEnd end) {
    String error = end.error().map(MicrometerAgentMetrics::typeOf).orElse(NONE);
    timer(
            "codex.agent.turn.duration",
            "Duration of agent turns",
            Tags.of(
                "outcome",
                end.isError() ? "error" : "ok",
                "stop_reason",
                end.stopReason().map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(NONE),
                "error.type",
                error))
        .record(end.duration());
    if (end.isError()) {
      Counter.builder("codex.agent.errors")
          .description("Agent turns that failed, by exception type")
          .tags(common)
          .tag("error.type", error)
          .register(registry)
          .increment();
    }
  }

  private void modelCall(Span span, SpanEnd end) {
    String provider = span.provider().orElse("unknown");
    String model = span.model().or(end::responseModel).orElse("unknown");
    timer(
            "gen_ai.client.operation.duration",
            "Duration of model calls",
            Tags.of(
                "gen_ai.operation.name",
                "chat",
                "gen_ai.provider.name",
                provider,
                "gen_ai.request.model",
                model,
                "error.type",
                end.error().map(MicrometerAgentMetrics::typeOf).orElse(NONE)))
        .record(end.duration());
    tokens(provider, model, "input", end.usage().inputTokens());
    tokens(provider, model, "output", end.usage().outputTokens());
    end.timeToFirstToken()
        .ifPresent(
            t ->
                timer(
                        "codex.model.time_to_first_token",
                        "Time from sending a streamed model call to its first chunk",
                        Tags.of("gen_ai.provider.name", provider, "gen_ai.request.model", model))
                    .record(t));
    if (!end.rateLimitWait().isZero()) {
      timer(
              "codex.ratelimit.wait",
              "Time model calls waited for the client rate limiter",
              Tags.of("gen_ai.provider.name", provider))
          .record(end.rateLimitWait());
    }
  }

  private void tokens(String provider, String model, String type, int count) {
    if (count == 0) {
      return;
    }
    DistributionSummary.builder("gen_ai.client.token.usage")
        .description("Tokens per model call")
        .baseUnit("tokens")
        .tags(common)
        .tags(
            "gen_ai.token.type", type,
            "gen_ai.provider.name", provider,
            "gen_ai.request.model", model)
        .register(registry)
        .record(count);
  }

  @Override
  public void onRetry(Retry retry) {
    Counter.builder("codex.provider.retries")
        .description("Failed attempts a provider's transport retried")
        .tags(common)
        .tags("gen_ai.provider.name", retry.provider(), "operation", retry.operation())
        .register(registry)
        .increment();
  }

  private Timer timer(String name, String description, Tags tags) {
    return Timer.builder(name).description(description).tags(common).tags(tags).register(registry);
  }

  private static String typeOf(Throwable e) {
    return e.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "MicrometerAgentMetrics[" + registry.getClass().getSimpleName() + "]";
  }

  /** Builds a {@link MicrometerAgentMetrics}. Not thread-safe. */
  public static final class Builder {
    private final MeterRegistry registry;
    private Tags tags = Tags.empty();

    private Builder(MeterRegistry registry) {
      this.registry = registry;
    }

    /** Adds a tag to every meter, e.g. {@code agent=support}. */
    public Builder tag(String key, String value) {
      this.tags = tags.and(Tag.of(key, value));
      return this;
    }

    /** Returns the metrics. */
    public MicrometerAgentMetrics build() {
      return new MicrometerAgentMetrics(this);
    }
  }
}
