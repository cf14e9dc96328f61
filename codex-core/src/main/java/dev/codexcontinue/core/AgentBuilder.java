package dev.codexcontinue.core;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.core.internal.pipeline.DefaultAgent;
import dev.codexcontinue.core.log.ConversationLog;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.core.prompt.PromptLibrary;
import dev.codexcontinue.core.ratelimit.RateLimiter;
import dev.codexcontinue.core.tool.ToolApprover;
import dev.codexcontinue.core.tool.ToolExecutor;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.core.trace.SpanListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * Builds an {@link Agent}. Only the provider is required. Everything given here is borrowed: the
 * agent never closes a provider, store, session memory or executor it was given; what it creates in
 * their place (session memory, its executor) it closes. Not thread-safe.
 *
 * <pre>{@code
 * Agent agent = Agent.builder()
 *     .provider(provider)
 *     .memoryStore(store)                         // long-term memory, optional
 *     .addTool(weatherTool)
 *     .toolPolicy(ToolPolicy.builder().deny("shell(rm *)").build())
 *     .approver(invocation -> askTheUser(invocation))
 *     .build();
 * }</pre>
 */
public final class AgentBuilder {

  @Nullable private Provider provider;
  private AgentOptions options = AgentOptions.defaults();
  @Nullable private SessionMemory sessionMemory;
  @Nullable private MemoryStore memoryStore;
  @Nullable private EmbeddingModel embeddingModel;
  private final List<Tool> tools = new ArrayList<>();
  private ToolPolicy toolPolicy = ToolPolicy.defaults();
  private ToolApprover approver = ToolApprover.DENY_ALL;
  private PromptLibrary prompts = PromptLibrary.defaults();
  private final List<AgentListener> listeners = new ArrayList<>();
  private final List<SpanListener> spanListeners = new ArrayList<>();
  @Nullable private ConversationLog conversationLog;
  @Nullable private RateLimiter rateLimiter;
  @Nullable private ExecutorService executor;
  private Clock clock = Clock.systemUTC();
  private final List<String> secrets = new ArrayList<>();

  AgentBuilder() {}

  /** Sets the model provider. Required. */
  public AgentBuilder provider(Provider provider) {
    this.provider = Objects.requireNonNull(provider, "provider == null");
    return this;
  }

  /** Sets the budgets and knobs; {@link AgentOptions#defaults()} by default. */
  public AgentBuilder options(AgentOptions options) {
    this.options = Objects.requireNonNull(options, "options == null");
    return this;
  }

  /** Sets session memory; by default an in-process one with the default windows. */
  public AgentBuilder sessionMemory(SessionMemory sessionMemory) {
    this.sessionMemory = Objects.requireNonNull(sessionMemory, "sessionMemory == null");
    return this;
  }

  /** Sets long-term memory; by default the agent has none. */
  public AgentBuilder memoryStore(MemoryStore memoryStore) {
    this.memoryStore = Objects.requireNonNull(memoryStore, "memoryStore == null");
    return this;
  }

  /**
   * Sets the embedding model for memories and tool matching; by default the offline hashing model,
   * which needs no server. The long-term store must hold vectors of the same model.
   */
  public AgentBuilder embeddingModel(EmbeddingModel embeddingModel) {
    this.embeddingModel = Objects.requireNonNull(embeddingModel, "embeddingModel == null");
    return this;
  }

  /** Adds a tool. */
  public AgentBuilder addTool(Tool tool) {
    tools.add(Objects.requireNonNull(tool, "tool == null"));
    return this;
  }

  /** Adds tools. */
  public AgentBuilder tools(List<? extends Tool> more) {
    Objects.requireNonNull(more, "tools == null").forEach(this::addTool);
    return this;
  }

  /** Sets the tool policy; {@link ToolPolicy#defaults()} by default. */
  public AgentBuilder toolPolicy(ToolPolicy toolPolicy) {
    this.toolPolicy = Objects.requireNonNull(toolPolicy, "toolPolicy == null");
    return this;
  }

  /** Sets the approval hook for calls the policy says to ask about; denies all by default. */
  public AgentBuilder approver(ToolApprover approver) {
    this.approver = Objects.requireNonNull(approver, "approver == null");
    return this;
  }

  /** Sets the prompt library; the built-ins with class-path overrides by default. */
  public AgentBuilder prompts(PromptLibrary prompts) {
    this.prompts = Objects.requireNonNull(prompts, "prompts == null");
    return this;
  }

  /** Adds a listener for pipeline steps and tool calls. */
  public AgentBuilder addListener(AgentListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener == null"));
    return this;
  }

  /**
   * Adds a listener of spans: every turn, pipeline step, model call and tool call, with timings,
   * ids and token usage. {@code AgentMetrics}, {@code codex-otel} and {@code codex-micrometer}
   * provide such listeners.
   */
  public AgentBuilder addSpanListener(SpanListener listener) {
    spanListeners.add(Objects.requireNonNull(listener, "listener == null"));
    return this;
  }

  /**
   * Sets the conversation log every turn is appended to, in the store-memory step; the turn returns
   * only once the log's durability policy is met. Borrowed: the caller closes it after the agent.
   */
  public AgentBuilder conversationLog(ConversationLog log) {
    this.conversationLog = Objects.requireNonNull(log, "log == null");
    return this;
  }

  /**
   * Sets the rate limiter asked before every model call, with the provider's id, the turn's user
   * and the prompt's estimated tokens; the tokens really used are settled afterwards. A wait is
   * cancellable and counts against the turn's wall clock. Give the same limiter to the provider's
   * builder ({@code addObserver}) so that it adapts to the server's rate-limit headers.
   */
  public AgentBuilder rateLimiter(RateLimiter limiter) {
    this.rateLimiter = Objects.requireNonNull(limiter, "limiter == null");
    return this;
  }

  /**
   * Sets the executor for asynchronous and streamed turns and for parallel tool calls. A turn waits
   * for its tools on this executor, so give it room (a virtual-thread executor, or a pool larger
   * than the turns you run at once). By default the agent owns a pool of daemon threads named
   * {@code codex-agent-*}, large enough for {@link AgentOptions#maxConcurrentTurns()} turns with
   * their parallel tool calls, shut down by {@link Agent#close()}.
   */
  public AgentBuilder executor(ExecutorService executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    return this;
  }

  /**
   * Registers secret values to mask in every tool result before the model sees it, typically {@code
   * settings.secretValues()}: a tool that prints a file holding an API key does not hand the key to
   * the model.
   */
  public AgentBuilder redactSecrets(java.util.Collection<String> values) {
    secrets.addAll(Objects.requireNonNull(values, "values == null"));
    return this;
  }

  /** Sets the clock for dates in prompts, memory times and session idle time. */
  public AgentBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  /**
   * Returns the agent.
   *
   * @throws IllegalStateException when no provider was set
   * @throws IllegalArgumentException when two tools share a name
   */
  public Agent build() {
    if (provider == null) {
      throw new IllegalStateException("an agent needs a provider");
    }
    List<AutoCloseable> owned = new ArrayList<>();
    SessionMemory sessions = sessionMemory;
    if (sessions == null) {
      sessions = SessionMemory.builder().clock(clock).build();
      owned.add(sessions);
    }
    boolean ownsExecutor = executor == null;
    ExecutorService exec = executor != null ? executor : defaultExecutor(options);
    ToolExecutor toolExecutor =
        ToolExecutor.builder()
            .tools(tools)
            .policy(toolPolicy)
            .approver(approver)
            .approvalTimeout(options.approvalTimeout())
            .toolTimeout(options.toolTimeout())
            .maxParallel(options.maxParallelToolCalls())
            .redactSecrets(secrets)
            .executor(exec)
            .clock(clock) // the turn's deadline is read on this clock: the two must agree
            .build();
    return DefaultAgent.create(
        provider,
        sessions,
        memoryStore,
        embeddingModel != null ? embeddingModel : HashingEmbeddingModel.create(),
        toolExecutor,
        prompts,
        options,
        clock,
        listeners,
        spanListeners,
        conversationLog,
        rateLimiter,
        exec,
        ownsExecutor,
        owned);
  }

  /** A pool that never rejects admitted work: every running turn with all its parallel tools. */
  private static ExecutorService defaultExecutor(AgentOptions options) {
    int maxThreads =
        (int)
            Math.min(
                Integer.MAX_VALUE,
                (long) options.maxConcurrentTurns() * (1 + options.maxParallelToolCalls()));
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "codex-agent-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    return new ThreadPoolExecutor(
        0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
  }
}
