package dev.codexcontinue.server.internal;

import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.AgentListener;
import dev.codexcontinue.core.StepEvent;
import dev.codexcontinue.core.tool.ToolExecution;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server sees, in Prometheus's text exposition format: requests by route and status, their
 * latency, open streams, agent step durations, tool calls by outcome and tokens. Thread-safe.
 */
public final class Metrics implements AgentListener {
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> requestNanos = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> stepNanos = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> steps = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> tools = new ConcurrentHashMap<>();
  private final LongAdder inputTokens = new LongAdder();
  private final LongAdder outputTokens = new LongAdder();
  private final AtomicLong openStreams = new AtomicLong();
  private final LongAdder cancelledStreams = new LongAdder();

  /** Counts one answered request. */
  public void request(String route, int status, long nanos) {
    String key = "route=\"" + escape(route) + "\",status=\"" + status + "\"";
    requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    requestNanos
        .computeIfAbsent("route=\"" + escape(route) + "\"", k -> new LongAdder())
        .add(nanos);
  }

  /** Counts tokens spent. */
  public void tokens(TokenUsage usage) {
    inputTokens.add(usage.inputTokens());
    outputTokens.add(usage.outputTokens());
  }

  /** Marks a stream opened; the returned runnable marks it closed. */
  public Runnable streamOpened() {
    openStreams.incrementAndGet();
    return openStreams::decrementAndGet;
  }

  /** Counts a stream whose client left before it ended. */
  public void streamCancelled() {
    cancelledStreams.increment();
  }

  @Override
  public void onStep(StepEvent event) {
    String key = "step=\"" + event.step().name().toLowerCase(Locale.ROOT) + "\"";
    steps.computeIfAbsent(key, k -> new LongAdder()).increment();
    stepNanos.computeIfAbsent(key, k -> new LongAdder()).add(event.duration().toNanos());
  }

  @Override
  public void onToolExecution(String turnId, SessionKey session, ToolExecution execution) {
    String key =
        "tool=\""
            + escape(execution.call().name())
            + "\",outcome=\""
            + execution.outcome().name().toLowerCase(Locale.ROOT)
            + "\"";
    tools.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** Returns the metrics in Prometheus text format 0.0.4. */
  public String scrape() {
    StringBuilder out = new StringBuilder(2048);
    counter(
        out, "codex_server_requests_total", "Requests answered, by route and status.", requests);
    seconds(
        out, "codex_server_request_seconds_total", "Time spent answering, by route.", requestNanos);
    gauge(out, "codex_server_open_streams", "Streams being written now.", openStreams.get());
    single(
        out,
        "codex_server_streams_cancelled_total",
        "Streams whose client left before the end.",
        cancelledStreams.sum());
    counter(out, "codex_agent_steps_total", "Agent pipeline steps run, by step.", steps);
    seconds(out, "codex_agent_step_seconds_total", "Time in agent pipeline steps.", stepNanos);
    counter(out, "codex_agent_tool_calls_total", "Tool calls, by tool and outcome.", tools);
    single(
        out, "codex_tokens_input_total", "Prompt tokens reported by the model.", inputTokens.sum());
    single(
        out,
        "codex_tokens_output_total",
        "Completion tokens reported by the model.",
        outputTokens.sum());
    return out.toString();
  }

  private static void counter(
      StringBuilder out, String name, String help, Map<String, LongAdder> m) {
    header(out, name, help, "counter");
    new TreeMap<>(m)
        .forEach(
            (k, v) ->
                out.append(name).append('{').append(k).append("} ").append(v.sum()).append('\n'));
  }

  private static void seconds(
      StringBuilder out, String name, String help, Map<String, LongAdder> m) {
    header(out, name, help, "counter");
    new TreeMap<>(m)
        .forEach(
            (k, v) ->
                out.append(name)
                    .append('{')
                    .append(k)
                    .append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", v.sum() / 1e9))
                    .append('\n'));
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    header(out, name, help, "gauge");
    out.append(name).append(' ').append(value).append('\n');
  }

  private static void single(StringBuilder out, String name, String help, long value) {
    header(out, name, help, "counter");
    out.append(name).append(' ').append(value).append('\n');
  }

  private static void header(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
