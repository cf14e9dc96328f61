package dev.codexcontinue.core.metrics;

import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.core.trace.Span;
import dev.codexcontinue.core.trace.SpanEnd;
import dev.codexcontinue.core.trace.SpanListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what agents do, in process: turns and their errors by type, model calls per provider and
 * their errors by type, input and output tokens, tool calls, transport retries and rate-limit
 * waits, with latency histograms of turns, model calls, time to first token and tool calls. It is a
 * {@link SpanListener} (give it to {@code AgentBuilder.addSpanListener}) and a {@link
 * ProviderObserver} (give it to a provider's builder, {@code addObserver}, to count retries). One
 * instance may serve many agents and providers. Thread-safe and lock-free on the hot path.
 *
 * <pre>{@code
 * AgentMetrics metrics = AgentMetrics.create();
 * Provider openai = OpenAiProvider.builder().fromEnv().addObserver(metrics).build();
 * Agent agent = Agent.builder().provider(openai).addSpanListener(metrics).build();
 * ...
 * MetricsSnapshot now = metrics.snapshot();
 * System.out.println(now.modelCalls() + " calls, p99 " + now.modelCallLatency().percentile(0.99));
 * }</pre>
 */
public final class AgentMetrics implements SpanListener, ProviderObserver {
  private final LongAdder turns = new LongAdder();
  private final LongAdder turnErrors = new LongAdder();
  private final LongAdder modelCalls = new LongAdder();
  private final LongAdder modelCallErrors = new LongAdder();
  private final LongAdder inputTokens = new LongAdder();
  private final LongAdder outputTokens = new LongAdder();
  private final LongAdder toolCalls = new LongAdder();
  private final LongAdder toolErrors = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder rateLimitWaits = new LongAdder();
  private final LongAdder rateLimitWaitNanos = new LongAdder();
  private final Map<String, LongAdder> errorsByType = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> modelErrorsByType = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callsByProvider = new ConcurrentHashMap<>();
  private final LatencyHistogram turnLatency = new LatencyHistogram();
  private final LatencyHistogram modelLatency = new LatencyHistogram();
  private final LatencyHistogram firstToken = new LatencyHistogram();
  private final LatencyHistogram toolLatency = new LatencyHistogram();

  private AgentMetrics() {}

  /** Returns new metrics, all zero. */
  public static AgentMetrics create() {
    return new AgentMetrics();
  }

  @Override
  public void onEnd(Span span, SpanEnd end) {
    switch (span.kind()) {
      case TURN -> {
        turns.increment();
        turnLatency.record(end.duration());
        end.error().ifPresent(e -> count(errorsByType, typeOf(e), turnErrors));
      }
      case MODEL_CALL -> {
        modelCalls.increment();
        callsByProvider
            .computeIfAbsent(span.provider().orElse("unknown"), p -> new LongAdder())
            .increment();
        modelLatency.record(end.duration());
        inputTokens.add(end.usage().inputTokens());
        outputTokens.add(end.usage().outputTokens());
        end.timeToFirstToken().ifPresent(firstToken::record);
        if (!end.rateLimitWait().isZero()) {
          rateLimitWaits.increment();
          rateLimitWaitNanos.add(end.rateLimitWait().toNanos());
        }
        end.error().ifPresent(e -> count(modelErrorsByType, typeOf(e), modelCallErrors));
      }
      case TOOL_CALL -> {
        toolCalls.increment();
        toolLatency.record(end.duration());
        if (end.toolOutcome().filter(o -> o != ToolExecution.Outcome.EXECUTED).isPresent()) {
          toolErrors.increment();
        }
      }
      case STEP -> {
        // Step timings are in every reply and in traces; they are not counted here.
      }
    }
  }

  @Override
  public void onRetry(Retry retry) {
    retries.increment();
  }

  /** Returns the metrics now. */
  public MetricsSnapshot snapshot() {
    Map<String, Long> counters = new HashMap<>();
    counters.put("turns", turns.sum());
    counters.put("turnErrors", turnErrors.sum());
    counters.put("modelCalls", modelCalls.sum());
    counters.put("modelCallErrors", modelCallErrors.sum());
    counters.put("inputTokens", inputTokens.sum());
    counters.put("outputTokens", outputTokens.sum());
    counters.put("toolCalls", toolCalls.sum());
    counters.put("toolErrors", toolErrors.sum());
    counters.put("retries", retries.sum());
    counters.put("rateLimitWaits", rateLimitWaits.sum());
    return new MetricsSnapshot(
        counters,
        sums(errorsByType),
        sums(modelErrorsByType),
        sums(callsByProvider),
        Duration.ofNanos(rateLimitWaitNanos.sum()),
        turnLatency.snapshot(),
        modelLatency.snapshot(),
        firstToken.snapshot(),
        toolLatency.snapshot());
  }

  private static void count(Map<String, LongAdder> byType, String type, LongAdder total) {
    total.increment();
    byType.computeIfAbsent(type, t -> new LongAdder()).increment();
  }

  private static String typeOf(Throwable e) {
    return e.getClass().getSimpleName().isEmpty()
        ? e.getClass().getName()
        : e.getClass().getSimpleName();
  }

  private static Map<String, Long> sums(Map<String, LongAdder> adders) {
    Map<String, Long> out = new HashMap<>();
    adders.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public String toString() {
    return "AgentMetrics[" + snapshot() + "]";
  }
}
