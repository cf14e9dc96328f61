package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * Runs the tool calls a model makes, safely: every call ends as a {@link ToolExecution} whose
 * result goes back to the model; errors never escape as exceptions.
 *
 * <p>For each call, in order: a tool that is not registered, or that the policy does not advertise,
 * is answered {@code tool 'x' is not available} and never runs; the arguments are parsed under the
 * JSON limits and validated against the tool's schema, and violations (each with a JSON pointer) go
 * back so the model can fix them; the policy decides on the validated call; an {@code ask} call
 * goes to the approver, which has the approval timeout to answer; then the tool runs with the tool
 * timeout, shortened to the context's {@link ToolContext#deadline() deadline} when that comes first
 * (a call whose deadline has passed is not started). Whatever the model reads (tool output, error
 * messages) is stripped of control characters and ANSI escapes and capped at {@code maxOutputChars}
 * with a marker.
 *
 * <p>{@link #executeAll} asks about all {@code ask} calls of a batch first, one at a time in call
 * order, then runs the approved and allowed calls at most {@code maxParallel} at a time, and
 * returns the executions in the order of the calls. Tools run on the executor given to the builder
 * (borrowed: never shut down here) or, without one, each on a new daemon thread. A tool that
 * ignores interruption keeps its thread after its timeout; its late result is dropped.
 *
 * <p>Immutable and thread-safe: one executor serves any number of concurrent batches.
 */
public final class ToolExecutor {
  /** The default cap on text sent to the model per tool result: 16 KiB characters. */
  public static final int DEFAULT_MAX_OUTPUT_CHARS = 16 * 1024;

  /** The smallest allowed cap, which leaves room for the truncation marker. */
  public static final int MIN_MAX_OUTPUT_CHARS = 256;

  /** The default time a tool may run. */
  public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofMinutes(2);

  /** The default time the approver has to answer. */
  public static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofMinutes(5);

  /** The default number of calls of one batch that run at once. */
  public static final int DEFAULT_MAX_PARALLEL = 4;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final int MIN_SECRET_LENGTH = 8;

  private final List<RegisteredTool> tools;
  private final Map<String, RegisteredTool> byName;
  private final ToolPolicy policy;
  private final ToolApprover approver;
  private final Duration approvalTimeout;
  private final Duration toolTimeout;
  private final int maxParallel;
  private final int maxOutputChars;
  private final List<String> secrets;
  private final Executor executor;
  private final Clock clock;

  private ToolExecutor(Builder b, Map<String, RegisteredTool> byName) {
    this.byName = Map.copyOf(byName);
    this.tools = List.copyOf(byName.values());
    this.policy = b.policy;
    this.approver = b.approver;
    this.approvalTimeout = b.approvalTimeout;
    this.toolTimeout = b.toolTimeout;
    this.maxParallel = b.maxParallel;
    this.maxOutputChars = b.maxOutputChars;
    // Longest first, so that a secret containing another is masked whole.
    this.secrets =
        b.secrets.stream()
            .filter(v -> v.length() >= MIN_SECRET_LENGTH)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    this.executor = b.executor != null ? b.executor : ToolExecutor::startDaemon;
    this.clock = b.clock;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns every registered tool, in registration order, advertised or not. */
  public List<Tool> tools() {
    return tools.stream().map(RegisteredTool::tool).toList();
  }

  /** Returns the specs of the tools the policy advertises, in registration order. */
  public List<ToolSpec> advertisedSpecs() {
    return tools.stream()
        .filter(t -> policy.isAdvertised(t.tool()))
        .map(RegisteredTool::spec)
        .toList();
  }

  /** Returns the registered tool named {@code name}, advertised or not. */
  public Optional<Tool> tool(String name) {
    Objects.requireNonNull(name, "name == null");
    return Optional.ofNullable(byName.get(name)).map(RegisteredTool::tool);
  }

  /** Returns the policy this executor enforces. */
  public ToolPolicy policy() {
    return policy;
  }

  /**
   * Runs one call; see the class documentation. Blocks until the call ends, including the time the
   * approver takes.
   */
  public ToolExecution execute(ToolCall call, ToolContext context) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(context, "context == null");
    return executeAll(List.of(call), context).get(0);
  }

  /**
   * Runs a batch of calls; see the class documentation. If the calling thread is interrupted, the
   * calls still pending end as {@link ToolExecution.Outcome#CANCELLED} and the interrupt flag is
   * kept.
   *
   * @return one execution per call, in the order of {@code calls}
   */
  public List<ToolExecution> executeAll(List<ToolCall> calls, ToolContext context) {
    Objects.requireNonNull(calls, "calls == null");
    Objects.requireNonNull(context, "context == null");
    List<ToolCall> copy = List.copyOf(calls);
    if (copy.isEmpty()) {
      return List.of();
    }
    return new ToolBatch(this, copy, context).run();
  }

  @Nullable
  RegisteredTool registered(String name) {
    return byName.get(name);
  }

  ToolApprover approver() {
    return approver;
  }

  Duration approvalTimeout() {
    return approvalTimeout;
  }

  Duration toolTimeout() {
    return toolTimeout;
  }

  int maxParallel() {
    return maxParallel;
  }

  int maxOutputChars() {
    return maxOutputChars;
  }

  /**
   * Returns {@code text} with every registered secret value masked as {@code ****}. Applied before
   * and after control characters are stripped, so a secret split by an escape sequence is caught.
   */
  String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, "****");
      }
    }
    return out;
  }

  Executor executor() {
    return executor;
  }

  Clock clock() {
    return clock;
  }

  private static void startDaemon(Runnable task) {
    Thread thread = new Thread(task, "codex-tool-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public String toString() {
    return "ToolExecutor[tools=" + byName.keySet() + ", policy=" + policy + "]";
  }

  /** Builds a {@link ToolExecutor}. Not thread-safe. */
  public static final class Builder {
    private final List<Tool> tools = new ArrayList<>();
    private ToolPolicy policy = ToolPolicy.defaults();
    private ToolApprover approver = ToolApprover.DENY_ALL;
    private Duration approvalTimeout = DEFAULT_APPROVAL_TIMEOUT;
    private Duration toolTimeout = DEFAULT_TOOL_TIMEOUT;
    private int maxParallel = DEFAULT_MAX_PARALLEL;
    private int maxOutputChars = DEFAULT_MAX_OUTPUT_CHARS;
    private final List<String> secrets = new ArrayList<>();
    @Nullable private ExecutorService executor;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Replaces the tools with {@code tools}. */
    public Builder tools(List<? extends Tool> tools) {
      Objects.requireNonNull(tools, "tools == null");
      List<Tool> copy = List.copyOf(tools);
      this.tools.clear();
      this.tools.addAll(copy);
      return this;
    }

    /** Adds one tool. */
    public Builder addTool(Tool tool) {
      tools.add(Objects.requireNonNull(tool, "tool == null"));
      return this;
    }

    /** Sets the policy. Defaults to {@link ToolPolicy#defaults()}. */
    public Builder policy(ToolPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Sets who approves {@code ask} calls. Defaults to {@link ToolApprover#DENY_ALL}: without an
     * approver, nothing that needs approval runs.
     */
    public Builder approver(ToolApprover approver) {
      this.approver = Objects.requireNonNull(approver, "approver == null");
      return this;
    }

    /** Sets how long the approver has to answer before the call counts as denied. */
    public Builder approvalTimeout(Duration timeout) {
      this.approvalTimeout = positive(timeout, "approvalTimeout");
      return this;
    }

    /** Sets how long a tool may run before it is interrupted and reported as timed out. */
    public Builder toolTimeout(Duration timeout) {
      this.toolTimeout = positive(timeout, "toolTimeout");
      return this;
    }

    /** Sets how many calls of one batch run at once. */
    public Builder maxParallel(int maxParallel) {
      if (maxParallel < 1) {
        throw new IllegalArgumentException("maxParallel must be >= 1, was " + maxParallel);
      }
      this.maxParallel = maxParallel;
      return this;
    }

    /**
     * Registers secret values (API keys, tokens) to mask in every result sent to the model, such as
     * {@code Settings.secretValues()}. Values shorter than 8 characters are ignored: masking them
     * would garble ordinary text.
     */
    public Builder redactSecrets(Collection<String> values) {
      Objects.requireNonNull(values, "values == null")
          .forEach(v -> secrets.add(Objects.requireNonNull(v, "secret == null")));
      return this;
    }

    /** Sets the cap on each text sent to the model, in characters, marker included. */
    public Builder maxOutputChars(int maxOutputChars) {
      if (maxOutputChars < MIN_MAX_OUTPUT_CHARS) {
        throw new IllegalArgumentException(
            "maxOutputChars must be >= " + MIN_MAX_OUTPUT_CHARS + ", was " + maxOutputChars);
      }
      this.maxOutputChars = maxOutputChars;
      return this;
    }

    /**
     * Sets the executor that runs tools and approvals. It is borrowed: the tool executor never
     * shuts it down. Without one, each task gets a new daemon thread.
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Sets the clock against which {@link ToolContext#deadline()} is read. Defaults to the system
     * clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Returns the executor.
     *
     * @throws IllegalArgumentException when two tools share a name, or a tool's schema is invalid
     */
    public ToolExecutor build() {
      Map<String, RegisteredTool> byName = new LinkedHashMap<>();
      for (Tool tool : tools) {
        RegisteredTool registered = RegisteredTool.of(tool);
        RegisteredTool clash = byName.putIfAbsent(registered.spec().name(), registered);
        if (clash != null) {
          throw new IllegalArgumentException(
              "two tools are named '"
                  + registered.spec().name()
                  + "': "
                  + clash.tool().getClass().getName()
                  + " and "
                  + tool.getClass().getName());
        }
      }
      return new ToolExecutor(this, byName);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + duration);
      }
      return duration;
    }
  }
}
