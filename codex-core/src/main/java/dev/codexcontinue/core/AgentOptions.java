package dev.codexcontinue.core;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.prompt.PromptLibrary;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The knobs of an agent: loop budgets (OWASP LLM06/LLM10), memory and tool retrieval, the prompt
 * budget, and request defaults. Immutable. {@link #fromSettings} reads them from {@code agent.*}
 * settings (so system properties, the environment and {@code .env} can set them).
 */
public final class AgentOptions {
  private static final AgentOptions DEFAULTS = builder().build();

  private final String systemPrompt;
  private final int maxIterations;
  private final int maxToolCalls;
  private final int maxRepeatedCalls;
  private final Duration maxWallClock;
  private final long maxTotalTokens;
  private final int maxParallelToolCalls;
  private final Duration toolTimeout;
  private final Duration approvalTimeout;
  private final int memoryTopK;
  private final double memoryMinScore;
  private final int promptTokenBudget;
  private final int toolRetrievalThreshold;
  private final int toolTopK;
  private final boolean rememberTurns;
  private final int minRememberChars;
  @Nullable private final String model;
  private final int maxConcurrentTurns;
  private final int maxQueuedTurns;
  private final Duration turnQueueTimeout;

  private AgentOptions(Builder b) {
    this.systemPrompt = b.systemPrompt;
    this.maxIterations = b.maxIterations;
    this.maxToolCalls = b.maxToolCalls;
    this.maxRepeatedCalls = b.maxRepeatedCalls;
    this.maxWallClock = b.maxWallClock;
    this.maxTotalTokens = b.maxTotalTokens;
    this.maxParallelToolCalls = b.maxParallelToolCalls;
    this.toolTimeout = b.toolTimeout;
    this.approvalTimeout = b.approvalTimeout;
    this.memoryTopK = b.memoryTopK;
    this.memoryMinScore = b.memoryMinScore;
    this.promptTokenBudget = b.promptTokenBudget;
    this.toolRetrievalThreshold = b.toolRetrievalThreshold;
    this.toolTopK = b.toolTopK;
    this.rememberTurns = b.rememberTurns;
    this.minRememberChars = b.minRememberChars;
    this.model = b.model;
    this.maxConcurrentTurns = b.maxConcurrentTurns;
    this.maxQueuedTurns = b.maxQueuedTurns;
    this.turnQueueTimeout = b.turnQueueTimeout;
  }

  /** Returns the defaults. */
  public static AgentOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns options read from {@code agent.*} keys ({@code agent.max-iterations}, {@code
   * agent.max-tool-calls}, {@code agent.max-repeated-calls}, {@code agent.max-wall-clock}, {@code
   * agent.max-total-tokens}, {@code agent.prompt-token-budget}, {@code agent.memory-top-k}, {@code
   * agent.system-prompt}, {@code agent.model}, {@code agent.max-concurrent-turns}, {@code
   * agent.max-queued-turns}, {@code agent.turn-queue-timeout}); absent keys keep their defaults.
   */
  public static AgentOptions fromSettings(Settings settings) {
    Settings s = settings.withPrefix("agent");
    Builder b = builder();
    s.integer("max-iterations").ifPresent(b::maxIterations);
    s.integer("max-tool-calls").ifPresent(b::maxToolCalls);
    s.integer("max-repeated-calls").ifPresent(b::maxRepeatedCalls);
    s.duration("max-wall-clock").ifPresent(b::maxWallClock);
    s.get("max-total-tokens").ifPresent(v -> b.maxTotalTokens(Long.parseLong(v.strip())));
    s.integer("max-parallel-tool-calls").ifPresent(b::maxParallelToolCalls);
    s.integer("prompt-token-budget").ifPresent(b::promptTokenBudget);
    s.integer("memory-top-k").ifPresent(b::memoryTopK);
    s.get("system-prompt").ifPresent(b::systemPrompt);
    s.get("model").ifPresent(b::model);
    s.integer("max-concurrent-turns").ifPresent(b::maxConcurrentTurns);
    s.integer("max-queued-turns").ifPresent(b::maxQueuedTurns);
    s.duration("turn-queue-timeout").ifPresent(b::turnQueueTimeout);
    b.rememberTurns(s.flag("remember-turns", true));
    return b.build();
  }

  /** Returns the system prompt template's name; {@code coding-assistant} by default. */
  public String systemPrompt() {
    return systemPrompt;
  }

  /** Returns the maximum number of model calls per turn; 25 by default. */
  public int maxIterations() {
    return maxIterations;
  }

  /** Returns the maximum number of tool calls per turn; 50 by default. */
  public int maxToolCalls() {
    return maxToolCalls;
  }

  /**
   * Returns how many times one tool may run with the same arguments in a turn before the loop stops
   * with {@link StopReason#REPEATED_CALL}; 3 by default, 0 turns detection off.
   */
  public int maxRepeatedCalls() {
    return maxRepeatedCalls;
  }

  /** Returns the wall-clock budget of a turn; 10 minutes by default. */
  public Duration maxWallClock() {
    return maxWallClock;
  }

  /** Returns the token budget of a turn (input + output over all calls); 0 means none. */
  public long maxTotalTokens() {
    return maxTotalTokens;
  }

  /** Returns how many tool calls may run at once; 4 by default. */
  public int maxParallelToolCalls() {
    return maxParallelToolCalls;
  }

  /** Returns how long one tool call may run; 2 minutes by default. */
  public Duration toolTimeout() {
    return toolTimeout;
  }

  /** Returns how long the approval hook may take before the call counts as denied; 5 minutes. */
  public Duration approvalTimeout() {
    return approvalTimeout;
  }

  /** Returns how many long-term memories go into a prompt; 4 by default, 0 turns retrieval off. */
  public int memoryTopK() {
    return memoryTopK;
  }

  /** Returns the minimum similarity of a memory to be used; 0.2 by default. */
  public double memoryMinScore() {
    return memoryMinScore;
  }

  /** Returns the token budget of a prompt (system, memories, history, message); 24,000. */
  public int promptTokenBudget() {
    return promptTokenBudget;
  }

  /** Returns the number of tools above which only the most relevant are offered; 16. */
  public int toolRetrievalThreshold() {
    return toolRetrievalThreshold;
  }

  /** Returns how many tools are offered when retrieval applies; 8. */
  public int toolTopK() {
    return toolTopK;
  }

  /** Returns whether turns are indexed into long-term memory; true by default. */
  public boolean rememberTurns() {
    return rememberTurns;
  }

  /** Returns the minimum length of a text worth remembering; 16 characters. */
  public int minRememberChars() {
    return minRememberChars;
  }

  /** Returns the model to request; empty means the provider's default. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /**
   * Returns how many turns run at once; 64 by default. Further turns wait in a queue that serves
   * users in turn, so that one user's burst does not starve the others.
   */
  public int maxConcurrentTurns() {
    return maxConcurrentTurns;
  }

  /**
   * Returns how many turns may wait for a slot; 1,024 by default. A turn beyond it fails at once
   * with {@code OverloadedException}.
   */
  public int maxQueuedTurns() {
    return maxQueuedTurns;
  }

  /**
   * Returns how long a turn may wait for a slot before it fails with {@code OverloadedException};
   * 60 seconds by default.
   */
  public Duration turnQueueTimeout() {
    return turnQueueTimeout;
  }

  /** Returns a builder pre-filled with these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.systemPrompt = systemPrompt;
    b.maxIterations = maxIterations;
    b.maxToolCalls = maxToolCalls;
    b.maxRepeatedCalls = maxRepeatedCalls;
    b.maxWallClock = maxWallClock;
    b.maxTotalTokens = maxTotalTokens;
    b.maxParallelToolCalls = maxParallelToolCalls;
    b.toolTimeout = toolTimeout;
    b.approvalTimeout = approvalTimeout;
    b.memoryTopK = memoryTopK;
    b.memoryMinScore = memoryMinScore;
    b.promptTokenBudget = promptTokenBudget;
    b.toolRetrievalThreshold = toolRetrievalThreshold;
    b.toolTopK = toolTopK;
    b.rememberTurns = rememberTurns;
    b.minRememberChars = minRememberChars;
    b.model = model;
    b.maxConcurrentTurns = maxConcurrentTurns;
    b.maxQueuedTurns = maxQueuedTurns;
    b.turnQueueTimeout = turnQueueTimeout;
    return b;
  }

  /** Builds {@link AgentOptions}. Not thread-safe. */
  public static final class Builder {
    private String systemPrompt = PromptLibrary.CODING_ASSISTANT;
    private int maxIterations = 25;
    private int maxToolCalls = 50;
    private int maxRepeatedCalls = 3;
    private Duration maxWallClock = Duration.ofMinutes(10);
    private long maxTotalTokens;
    private int maxParallelToolCalls = 4;
    private Duration toolTimeout = Duration.ofMinutes(2);
    private Duration approvalTimeout = Duration.ofMinutes(5);
    private int memoryTopK = 4;
    private double memoryMinScore = 0.2;
    private int promptTokenBudget = 24_000;
    private int toolRetrievalThreshold = 16;
    private int toolTopK = 8;
    private boolean rememberTurns = true;
    private int minRememberChars = 16;
    @Nullable private String model;
    private int maxConcurrentTurns = 64;
    private int maxQueuedTurns = 1024;
    private Duration turnQueueTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** Sets the system prompt template's name. */
    public Builder systemPrompt(String name) {
      this.systemPrompt = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Sets the maximum number of model calls per turn (at least 1). */
    public Builder maxIterations(int n) {
      this.maxIterations = atLeast(1, n, "maxIterations");
      return this;
    }

    /** Sets the maximum number of tool calls per turn (0 forbids tools). */
    public Builder maxToolCalls(int n) {
      this.maxToolCalls = atLeast(0, n, "maxToolCalls");
      return this;
    }

    /** Sets how often an identical call may run; 0 turns detection off. */
    public Builder maxRepeatedCalls(int n) {
      this.maxRepeatedCalls = atLeast(0, n, "maxRepeatedCalls");
      return this;
    }

    /** Sets the wall-clock budget of a turn. */
    public Builder maxWallClock(Duration d) {
      this.maxWallClock = positive(d, "maxWallClock");
      return this;
    }

    /** Sets the token budget of a turn; 0 means none. */
    public Builder maxTotalTokens(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxTotalTokens < 0");
      }
      this.maxTotalTokens = n;
      return this;
    }

    /** Sets how many tool calls may run at once (at least 1). */
    public Builder maxParallelToolCalls(int n) {
      this.maxParallelToolCalls = atLeast(1, n, "maxParallelToolCalls");
      return this;
    }

    /** Sets how long one tool call may run. */
    public Builder toolTimeout(Duration d) {
      this.toolTimeout = positive(d, "toolTimeout");
      return this;
    }

    /** Sets how long the approval hook may take. */
    public Builder approvalTimeout(Duration d) {
      this.approvalTimeout = positive(d, "approvalTimeout");
      return this;
    }

    /** Sets how many memories go into a prompt; 0 turns retrieval off. */
    public Builder memoryTopK(int n) {
      this.memoryTopK = atLeast(0, n, "memoryTopK");
      return this;
    }

    /** Sets the minimum similarity of a memory. */
    public Builder memoryMinScore(double score) {
      if (Double.isNaN(score)) {
        throw new IllegalArgumentException("memoryMinScore is NaN");
      }
      this.memoryMinScore = score;
      return this;
    }

    /** Sets the prompt's token budget (at least 256). */
    public Builder promptTokenBudget(int tokens) {
      this.promptTokenBudget = atLeast(256, tokens, "promptTokenBudget");
      return this;
    }

    /** Sets the tool count above which tools are retrieved by relevance, and how many. */
    public Builder toolRetrieval(int threshold, int topK) {
      this.toolRetrievalThreshold = atLeast(1, threshold, "threshold");
      this.toolTopK = atLeast(1, topK, "topK");
      return this;
    }

    /** Sets whether turns are indexed into long-term memory. */
    public Builder rememberTurns(boolean remember) {
      this.rememberTurns = remember;
      return this;
    }

    /** Sets the minimum length of a text worth remembering. */
    public Builder minRememberChars(int n) {
      this.minRememberChars = atLeast(1, n, "minRememberChars");
      return this;
    }

    /** Sets the model to request. */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** Sets how many turns run at once (at least 1). */
    public Builder maxConcurrentTurns(int n) {
      this.maxConcurrentTurns = atLeast(1, n, "maxConcurrentTurns");
      return this;
    }

    /** Sets how many turns may wait for a slot (0 rejects as soon as all slots are taken). */
    public Builder maxQueuedTurns(int n) {
      this.maxQueuedTurns = atLeast(0, n, "maxQueuedTurns");
      return this;
    }

    /** Sets how long a turn may wait for a slot. */
    public Builder turnQueueTimeout(Duration d) {
      this.turnQueueTimeout = positive(d, "turnQueueTimeout");
      return this;
    }

    /** Returns the options. */
    public AgentOptions build() {
      return new AgentOptions(this);
    }

    private static int atLeast(int min, int n, String name) {
      if (n < min) {
        throw new IllegalArgumentException(name + " must be >= " + min + ", was " + n);
      }
      return n;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
