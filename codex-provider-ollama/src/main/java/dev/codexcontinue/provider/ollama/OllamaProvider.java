package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.EmbeddingResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.AdmissionLimiter;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.http.Sleeper;
import dev.codexcontinue.provider.ollama.internal.ContextWindows;
import dev.codexcontinue.provider.ollama.internal.EmbedCalls;
import dev.codexcontinue.provider.ollama.internal.Endpoint;
import dev.codexcontinue.provider.ollama.internal.GenerateBodies;
import dev.codexcontinue.provider.ollama.internal.ModelCalls;
import dev.codexcontinue.provider.ollama.internal.OllamaClient;
import dev.codexcontinue.provider.ollama.internal.OllamaErrors;
import dev.codexcontinue.provider.ollama.internal.OllamaHost;
import dev.codexcontinue.provider.ollama.internal.WireDefaults;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;
import okhttp3.OkHttpClient;

/**
 * Ollama's native API ({@code /api/*}): chat with tools, thinking, images and structured output;
 * fill-in-the-middle completion; embeddings; and the model-management calls. Thread-safe; {@link
 * #close()} releases what the provider created.
 *
 * <p>The capabilities are the server's: whether a call works depends on the model ({@link
 * #show(String)} lists what a model can do: {@code tools}, {@code vision}, {@code thinking}, {@code
 * insert} for fill-in-the-middle, {@code embedding}).
 *
 * <pre>{@code
 * try (OllamaProvider ollama = OllamaProvider.builder().fromEnv().model("llama3.2").build()) {
 *   System.out.println(ollama.chat(ChatRequest.of("Why is the sky blue?")).text());
 * }
 * }</pre>
 */
public final class OllamaProvider implements Provider {
  /** The provider id. */
  public static final String ID = "ollama";

  private static final Set<Capability> CAPABILITIES = EnumSet.allOf(Capability.class);

  private final HttpTransport transport;
  private final OllamaClient client;
  private final ModelCalls models;
  private final EmbedCalls embeddings;
  @Nullable private final String embeddingModel;

  OllamaProvider(
      HttpTransport transport,
      OllamaClient client,
      ModelCalls models,
      EmbedCalls embeddings,
      @Nullable String embeddingModel) {
    this.transport = transport;
    this.client = client;
    this.models = models;
    this.embeddings = embeddings;
    this.embeddingModel = embeddingModel;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The response's provider data holds Ollama's metrics ({@link OllamaTimings#of}) and the
   * truncation check ({@link PromptTruncation#of}).
   *
   * @throws ModelNotFoundException when the server does not have the model
   */
  @Override
  public ChatResponse chat(ChatRequest request) {
    return client.chat(request);
  }

  /** {@inheritDoc} The future completes on an OkHttp dispatcher thread. */
  @Override
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    return client.chatAsync(request);
  }

  @Override
  public Cancellable stream(ChatRequest request, StreamListener listener) {
    return client.stream(request, listener);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends {@code prompt} and {@code suffix} to {@code /api/generate} (a non-empty suffix needs a
   * model with the {@code insert} capability), or a raw prompt written with a {@link FimTemplate}
   * when the request's provider option {@code raw} is {@code true} or the builder asked for raw
   * completions. Related snippets, file path and clipboard are not sent: Ollama's completion takes
   * the text around the cursor only. Ollama gives no completion id, so a random one is made.
   */
  @Override
  public CompletionResponse complete(CompletionRequest request) {
    return client.complete(request);
  }

  /** {@inheritDoc} The future completes on an OkHttp dispatcher thread. */
  @Override
  public CompletableFuture<CompletionResponse> completeAsync(CompletionRequest request) {
    return client.completeAsync(request);
  }

  /**
   * Streams a completion as it is generated: text chunks, then {@code onComplete} with a response
   * whose text is the whole completion, as {@link #stream} does for chat. Editors use it to show a
   * completion early and cancel it as soon as the user types on.
   */
  public Cancellable streamCompletion(CompletionRequest request, StreamListener listener) {
    return client.streamCompletion(request, listener);
  }

  /**
   * {@inheritDoc}
   *
   * @throws ConfigurationException when neither the request nor the builder names a model
   */
  @Override
  public EmbeddingResponse embed(EmbeddingRequest request) {
    Objects.requireNonNull(request, "request == null");
    String model = request.model().orElse(embeddingModel);
    if (model == null) {
      throw new ConfigurationException(
          "ollama: the embedding request names no model and the provider has none: set"
              + " OllamaProvider.builder().embeddingModel(..) or the setting"
              + " ollama.embedding-model");
    }
    return embeddings.embed(request, model);
  }

  /** {@inheritDoc} The models are those pulled on the server ({@code /api/tags}). */
  @Override
  public List<ModelInfo> models() {
    return models.models();
  }

  /**
   * Returns what the server knows about {@code model} ({@code /api/show}), and refreshes the
   * context length the provider sizes {@code num_ctx} with.
   *
   * @throws ModelNotFoundException when the server does not have the model
   */
  public OllamaModelDetails show(String model) {
    return models.show(Objects.requireNonNull(model, "model == null"), false);
  }

  /** Returns what {@link #show(String)} returns, with the large tokenizer arrays filled in. */
  public OllamaModelDetails showVerbose(String model) {
    return models.show(Objects.requireNonNull(model, "model == null"), true);
  }

  /** Returns the models loaded in the server's memory ({@code /api/ps}). */
  public List<RunningModel> running() {
    return models.running();
  }

  /** Returns the server's version ({@code /api/version}), such as {@code 0.5.1}. */
  public String version() {
    return models.version();
  }

  /**
   * Loads {@code model} into the server's memory ahead of its first call, kept for the builder's
   * {@code keepAlive} (the server's default otherwise).
   *
   * @return the server's {@code done_reason}, {@code load}
   */
  public FinishReason load(String model) {
    return models.loadOrUnload(Objects.requireNonNull(model, "model == null"), false);
  }

  /**
   * Unloads {@code model} from the server's memory now.
   *
   * @return the server's {@code done_reason}, {@code unload}
   */
  public FinishReason unload(String model) {
    return models.loadOrUnload(Objects.requireNonNull(model, "model == null"), true);
  }

  /** Returns the HTTP transport, for diagnostics such as the open-response count. */
  public HttpTransport transport() {
    return transport;
  }

  /** Closes the transport and, unless it was borrowed, its OkHttp client. Idempotent. */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "OllamaProvider[" + transport + "]";
  }

  /**
   * Builds an {@link OllamaProvider}. Every setting has a default: {@code http://localhost:11434},
   * no default model (requests then name theirs), {@link ContextSizing#AUTO}, the server's {@code
   * keep_alive}, the transport defaults of codex-http. Not thread-safe.
   */
  public static final class Builder {
    private String baseUrl = OllamaHost.DEFAULT;
    @Nullable private String model;
    @Nullable private String embeddingModel;
    @Nullable private String completionModel;
    @Nullable private Object keepAlive;
    @Nullable private Integer numCtx;
    private ContextSizing contextSizing = ContextSizing.AUTO;
    @Nullable private Boolean truncateEmbeddings;
    private boolean rawCompletions;
    @Nullable private FimTemplate fimTemplate;
    @Nullable private Secret apiKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final HttpTransport.Builder transport = HttpTransport.builder(ID);
    private final Redactor redactor = Redactor.create();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    /**
     * Reads the {@code ollama.*} settings (listed in the module README: host, models, keep-alive,
     * context sizing, api-key, timeout...) and registers every secret they hold for redaction.
     *
     * @throws ConfigurationException when a value is malformed
     */
    public Builder settings(Settings settings) {
      OllamaSettings.apply(Objects.requireNonNull(settings, "settings == null"), this);
      redactor.registerAll(settings.secretValues());
      return this;
    }

    /**
     * Returns whether completions are sent raw; the default for the {@code raw-completions} key.
     */
    boolean rawCompletions() {
      return rawCompletions;
    }

    /** Reads the settings from system properties, the environment and {@code ./.env}. */
    public Builder fromEnv() {
      return settings(Settings.fromEnvironment());
    }

    /**
     * Sets the server: a URL ({@code http://gpu-box:11434}, {@code https://ollama.com}, with a
     * proxy path if any) or anything {@code OLLAMA_HOST} accepts ({@code gpu-box}, {@code
     * gpu-box:11434}, {@code :11500}); {@code http://localhost:11434} by default.
     *
     * @throws IllegalArgumentException when the value is not an http(s) address
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = OllamaHost.baseUrl(Objects.requireNonNull(baseUrl, "baseUrl == null"));
      return this;
    }

    /** Sets the chat model used when a request names none, such as {@code llama3.2}. */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** Sets the embedding model used when a request names none, such as {@code all-minilm}. */
    public Builder embeddingModel(String model) {
      this.embeddingModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /**
     * Sets the code-completion model used when a request names none, such as {@code
     * qwen2.5-coder:1.5b-base}; the chat model otherwise.
     */
    public Builder completionModel(String model) {
      this.completionModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /**
     * Sets {@code keep_alive}, how long the server keeps a model loaded after a call: a Go duration
     * ({@code 10m}, {@code 24h}), a number of seconds, {@code -1} (forever) or {@code 0} (unload at
     * once). A request's provider option {@code keep_alive} overrides it.
     */
    public Builder keepAlive(String keepAlive) {
      String v = Objects.requireNonNull(keepAlive, "keepAlive == null").strip();
      if (v.isEmpty()) {
        throw new IllegalArgumentException("keepAlive is blank");
      }
      this.keepAlive = v.matches("-?\\d+") ? (Object) Long.parseLong(v) : v;
      return this;
    }

    /** Sets {@code keep_alive} as a duration; a negative one keeps the model loaded forever. */
    public Builder keepAlive(Duration keepAlive) {
      Objects.requireNonNull(keepAlive, "keepAlive == null");
      if (keepAlive.isNegative()) {
        this.keepAlive = -1L;
      } else if (keepAlive.toMillis() % 1000 == 0) {
        this.keepAlive = keepAlive.toSeconds() + "s";
      } else {
        this.keepAlive = keepAlive.toMillis() + "ms";
      }
      return this;
    }

    /** Sets a fixed {@code options.num_ctx} for every call, instead of sizing it. */
    public Builder numCtx(int tokens) {
      if (tokens <= 0) {
        throw new IllegalArgumentException("numCtx must be > 0");
      }
      this.numCtx = tokens;
      return this;
    }

    /** Sets how {@code num_ctx} is chosen when neither the call nor {@link #numCtx} sets it. */
    public Builder contextSizing(ContextSizing sizing) {
      this.contextSizing = Objects.requireNonNull(sizing, "sizing == null");
      return this;
    }

    /**
     * Sets {@code truncate} on embedding calls: {@code false} makes an input longer than the
     * model's context an error instead of silently cut; the server's default ({@code true})
     * otherwise.
     */
    public Builder truncateEmbeddings(boolean truncate) {
      this.truncateEmbeddings = truncate;
      return this;
    }

    /**
     * Sets whether completions are raw by default: the provider writes the whole fill-in-the-middle
     * prompt (see {@link #fimTemplate}) instead of sending {@code suffix}.
     */
    public Builder rawCompletions(boolean raw) {
      this.rawCompletions = raw;
      return this;
    }

    /**
     * Sets the template of raw completions; without one the provider picks it from the model's name
     * ({@link FimTemplate#forModel}).
     */
    public Builder fimTemplate(FimTemplate template) {
      this.fimTemplate = Objects.requireNonNull(template, "template == null");
      return this;
    }

    /** Sets a bearer token (ollama.com, or a proxy in front of a server); none by default. */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      redactor.register(apiKey);
      return this;
    }

    /** Adds a header sent with every call (a gateway's key, for example). */
    public Builder header(String name, String value) {
      headers.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Borrows the caller's OkHttp client (shared pool and dispatcher); never shut down. */
    public Builder httpClient(OkHttpClient client) {
      transport.client(Objects.requireNonNull(client, "client == null"));
      return this;
    }

    /** Sets the connect timeout; 10 s by default. */
    public Builder connectTimeout(Duration timeout) {
      transport.connectTimeout(timeout);
      return this;
    }

    /**
     * Sets the read timeout, the longest silence between two reads (the idle timeout of streams);
     * 60 s by default. A model being loaded sends nothing until it is ready.
     */
    public Builder readTimeout(Duration timeout) {
      transport.readTimeout(timeout);
      return this;
    }

    /** Sets the total deadline of calls that are not streams; 10 min by default. */
    public Builder timeout(Duration timeout) {
      transport.callTimeout(timeout);
      return this;
    }

    /** Sets how many times a failed call is retried; 2 by default. */
    public Builder maxRetries(int maxRetries) {
      this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
      return this;
    }

    /** Sets the whole retry policy. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /** Bounds running and waiting calls; unlimited by default. */
    public Builder admission(AdmissionLimiter admission) {
      transport.admission(admission);
      return this;
    }

    /** Sets what waits between retries (tests inject a recording one). */
    public Builder sleeper(Sleeper sleeper) {
      transport.sleeper(sleeper);
      return this;
    }

    /** Sets how many calls run at once, per host too; 64 by default. */
    public Builder maxRequests(int maxRequests) {
      transport.maxRequests(maxRequests);
      return this;
    }

    /**
     * Adds an observer of the transport's retries and {@code x-ratelimit-*} response headers, such
     * as codex-core's {@code AgentMetrics} or {@code RateLimiter}.
     */
    public Builder addObserver(ProviderObserver observer) {
      transport.addObserver(observer);
      return this;
    }

    /** Returns the provider. */
    public OllamaProvider build() {
      Map<String, String> allHeaders = new LinkedHashMap<>(headers);
      if (apiKey != null) {
        allHeaders.put("Authorization", "Bearer " + apiKey.reveal());
      }
      HttpTransport http =
          transport
              .retryPolicy(retryPolicy)
              .redactor(redactor)
              .errorMapper(ErrorMapper.builder(ID).rule(OllamaErrors.rule()).build())
              .build();
      Endpoint endpoint = new Endpoint(ID, http, baseUrl, allHeaders);
      WireDefaults defaults = new WireDefaults(keepAlive, numCtx, truncateEmbeddings);
      ContextWindows windows = new ContextWindows(contextSizing);
      ModelCalls models = new ModelCalls(endpoint, windows, defaults);
      var raw = new GenerateBodies.RawMode(rawCompletions, fimTemplate);
      var client =
          new OllamaClient(endpoint, models, windows, defaults, raw, model, completionModel);
      return new OllamaProvider(
          http, client, models, new EmbedCalls(endpoint, defaults), embeddingModel);
    }

    /** Shows the settings, the key masked. */
    @Override
    public String toString() {
      return String.format(
          "OllamaProvider.Builder[baseUrl=%s, model=%s, apiKey=%s]", baseUrl, model, apiKey);
    }
  }
}
