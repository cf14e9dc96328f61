package dev.codexcontinue.server;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentBuilder;
import dev.codexcontinue.core.AgentListener;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.InMemoryMemoryStore;
import dev.codexcontinue.core.memory.SessionMemory;
import dev.codexcontinue.core.prompt.PromptLibrary;
import dev.codexcontinue.core.tool.ToolApprover;
import dev.codexcontinue.core.tool.ToolExecutor;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.server.internal.Backend;
import dev.codexcontinue.server.internal.Dispatcher;
import dev.codexcontinue.server.internal.Guard;
import dev.codexcontinue.server.internal.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The whole server as one plain handler: routes, wire formats and security checks, with no HTTP
 * server of its own. {@link CodexServer} runs it on the JDK's built-in server; a host mounts it in
 * its own by adapting each exchange to {@link ServerRequest} and {@link ServerResponse}.
 *
 * <p>It builds its {@link Agent} from the parts given to the builder, so that the tool, memory and
 * session endpoints see what the agent sees. Every request passes, in order: the {@code Host} and
 * {@code Origin} checks, the bearer token (when one is configured), a token bucket and a
 * concurrency limit per token, and the body cap. Thread-safe; {@link #handle} blocks for as long as
 * the answer streams.
 *
 * <pre>{@code
 * CodexHttpHandler handler = CodexHttpHandler.builder()
 *     .provider(provider)
 *     .addTool(weatherTool)
 *     .bearerToken(System.getenv("CODEX_SERVER_TOKEN"))
 *     .allowHost("codex.example.com")
 *     .build();
 * }</pre>
 */
public final class CodexHttpHandler implements AutoCloseable {
  private final Backend backend;
  private final Dispatcher dispatcher;
  private final List<AutoCloseable> owned;

  private CodexHttpHandler(Builder b, Backend backend, List<AutoCloseable> owned) {
    this.backend = backend;
    this.owned = owned;
    Guard guard =
        new Guard(
            b.tokens,
            b.allowedHosts,
            b.allowedOrigins,
            b.requestsPerSecond,
            b.burst,
            b.maxConcurrentPerKey,
            System::nanoTime);
    this.dispatcher = new Dispatcher(backend, guard, b.maxBodyBytes, b.playground);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers one exchange: writes the response (or an error in OpenAI's shape) and returns when it
   * is complete. Never throws for a bad request; a client that goes away mid-stream cancels the
   * agent turn behind it.
   */
  public void handle(ServerRequest request, ServerResponse response) {
    dispatcher.dispatch(request, response);
  }

  /** Returns the agent the handler serves. */
  public Agent agent() {
    return backend.agent();
  }

  /** Closes the agent and what the handler created (session memory, long-term memory). */
  @Override
  public void close() {
    backend.agent().close();
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(CodexHttpHandler.class)
            .warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }

  /** Builds a {@link CodexHttpHandler}. Only the provider is required. Not thread-safe. */
  public static final class Builder {
    /** The largest request body accepted by default: 4 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

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
    private String modelName = "codex-agent";
    private final List<Secret> tokens = new ArrayList<>();
    private final Set<String> allowedHosts = new LinkedHashSet<>();
    private final Set<String> allowedOrigins = new LinkedHashSet<>();
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private double requestsPerSecond = 20;
    private int burst = 40;
    private int maxConcurrentPerKey = 16;
    private boolean playground = true;

    private Builder() {}

    /** Sets the model provider of the agent (and of embeddings and code completion). Required. */
    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
      return this;
    }

    /** Sets the agent's options (budgets, system prompt, memory). */
    public Builder agentOptions(AgentOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /** Sets session memory (borrowed); by default an in-process one owned by the handler. */
    public Builder sessionMemory(SessionMemory sessionMemory) {
      this.sessionMemory = Objects.requireNonNull(sessionMemory, "sessionMemory == null");
      return this;
    }

    /** Sets long-term memory (borrowed); by default an in-process one owned by the handler. */
    public Builder memoryStore(MemoryStore memoryStore) {
      this.memoryStore = Objects.requireNonNull(memoryStore, "memoryStore == null");
      return this;
    }

    /** Sets the embedding model of memories; by default the offline hashing model. */
    public Builder embeddingModel(EmbeddingModel embeddingModel) {
      this.embeddingModel = Objects.requireNonNull(embeddingModel, "embeddingModel == null");
      return this;
    }

    /** Adds a tool of the agent. */
    public Builder addTool(Tool tool) {
      tools.add(Objects.requireNonNull(tool, "tool == null"));
      return this;
    }

    /** Sets the tool policy, which also governs {@code POST /api/tools/{name}/invoke}. */
    public Builder toolPolicy(ToolPolicy toolPolicy) {
      this.toolPolicy = Objects.requireNonNull(toolPolicy, "toolPolicy == null");
      return this;
    }

    /** Sets the approver of calls the policy asks about; denies all by default. */
    public Builder approver(ToolApprover approver) {
      this.approver = Objects.requireNonNull(approver, "approver == null");
      return this;
    }

    /** Sets the prompt library. */
    public Builder prompts(PromptLibrary prompts) {
      this.prompts = Objects.requireNonNull(prompts, "prompts == null");
      return this;
    }

    /** Adds a listener of the agent's steps and tool calls. */
    public Builder addListener(AgentListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /** Sets the model id that names the agent in {@code /v1/models}; {@code codex-agent}. */
    public Builder modelName(String modelName) {
      this.modelName = Objects.requireNonNull(modelName, "modelName == null");
      return this;
    }

    /** Adds a bearer token that clients must send; with none, no token is asked for. */
    public Builder bearerToken(Secret token) {
      Objects.requireNonNull(token, "token == null");
      if (token.reveal().isBlank()) {
        throw new IllegalArgumentException("a bearer token must not be blank");
      }
      tokens.add(token);
      return this;
    }

    /** Adds a bearer token that clients must send. */
    public Builder bearerToken(String token) {
      return bearerToken(Secret.of(Objects.requireNonNull(token, "token == null")));
    }

    /**
     * Allows a {@code Host} header value ({@code host} or {@code host:port}); once any is allowed,
     * others get 403. {@link CodexServer} allows its loopback names itself.
     */
    public Builder allowHost(String host) {
      allowedHosts.add(Objects.requireNonNull(host, "host == null").toLowerCase(Locale.ROOT));
      return this;
    }

    /** Allows a cross-origin {@code Origin} such as {@code https://app.example.com}. */
    public Builder allowOrigin(String origin) {
      allowedOrigins.add(Objects.requireNonNull(origin, "origin == null").toLowerCase(Locale.ROOT));
      return this;
    }

    /** Sets the largest request body; larger ones get 413. 4 MiB by default. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Sets the token bucket of each key: {@code perSecond} requests, bursts of {@code burst}. */
    public Builder rateLimit(double perSecond, int burst) {
      if (!(perSecond > 0) || burst < 1) {
        throw new IllegalArgumentException("rate and burst must be positive");
      }
      this.requestsPerSecond = perSecond;
      this.burst = burst;
      return this;
    }

    /** Sets how many requests of one key may run at once; 16 by default. */
    public Builder maxConcurrentPerKey(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentPerKey must be positive");
      }
      this.maxConcurrentPerKey = max;
      return this;
    }

    /** Serves the web playground at {@code /}; on by default. */
    public Builder playground(boolean enabled) {
      this.playground = enabled;
      return this;
    }

    boolean hasBearerToken() {
      return !tokens.isEmpty();
    }

    /**
     * Returns the handler and builds its agent.
     *
     * @throws IllegalStateException when no provider was set
     */
    public CodexHttpHandler build() {
      if (provider == null) {
        throw new IllegalStateException("a server needs a provider");
      }
      List<AutoCloseable> owned = new ArrayList<>();
      EmbeddingModel embeddings =
          embeddingModel != null ? embeddingModel : HashingEmbeddingModel.create();
      SessionMemory sessions = sessionMemory;
      if (sessions == null) {
        sessions = SessionMemory.builder().build();
        owned.add(sessions);
      }
      MemoryStore memory = memoryStore;
      if (memory == null) {
        memory = InMemoryMemoryStore.create(embeddings);
        owned.add(memory);
      }
      Metrics metrics = new Metrics();
      AgentBuilder agent =
          Agent.builder()
              .provider(provider)
              .options(options)
              .sessionMemory(sessions)
              .memoryStore(memory)
              .embeddingModel(embeddings)
              .tools(tools)
              .toolPolicy(toolPolicy)
              .approver(approver)
              .prompts(prompts)
              .addListener(metrics);
      listeners.forEach(agent::addListener);
      ToolExecutor toolExecutor =
          ToolExecutor.builder()
              .tools(tools)
              .policy(toolPolicy)
              .approver(approver)
              .toolTimeout(options.toolTimeout())
              .approvalTimeout(options.approvalTimeout())
              .build();
      Backend backend =
          new Backend(
              provider,
              agent.build(),
              sessions,
              memory,
              embeddings,
              toolExecutor,
              prompts,
              modelName,
              metrics);
      return new CodexHttpHandler(this, backend, owned);
    }
  }
}
