package dev.codexcontinue.provider.tabby;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.AdmissionLimiter;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.http.Sleeper;
import dev.codexcontinue.http.StreamFormat;
import dev.codexcontinue.provider.tabby.internal.ChatBodies;
import dev.codexcontinue.provider.tabby.internal.ChatFuture;
import dev.codexcontinue.provider.tabby.internal.ChatStreamHandler;
import dev.codexcontinue.provider.tabby.internal.CompletionBodies;
import dev.codexcontinue.provider.tabby.internal.Json;
import dev.codexcontinue.provider.tabby.internal.TabbyErrors;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A TabbyML server: code completion ({@code POST /v1/completions}), acceptance events ({@link
 * #events()}), its health as a typed description ({@link #health()}), and chat through its chat
 * endpoint, so one Tabby server serves both an editor's completions and an agent's chat.
 * Thread-safe; {@link #close()} releases what the provider created.
 *
 * <p>Tabby's chat endpoint always streams: {@link #chat} and {@link #chatAsync} read the stream
 * whole. Tools are passed on to the server's chat model; whether it calls them depends on that
 * model. Structured output is not offered.
 *
 * <pre>{@code
 * try (TabbyProvider tabby = TabbyProvider.builder().fromEnv().build()) {
 *   CompletionResponse answer = tabby.complete(
 *       CompletionRequest.builder("def fib(n):\n    ", "\n").language("python").build());
 *   tabby.events().view(answer.id(), 0);
 * }
 * }</pre>
 */
public final class TabbyProvider implements Provider {
  /** The endpoint used when none is configured. */
  public static final String DEFAULT_ENDPOINT = "http://localhost:8080";

  private static final Set<Capability> CAPABILITIES =
      EnumSet.of(
          Capability.CHAT, Capability.STREAMING, Capability.TOOLS, Capability.CODE_COMPLETION);

  private final String id;
  private final HttpTransport transport;
  private final HttpUrl endpoint;
  @Nullable private final Secret token;
  private final Map<String, String> headers;
  private final TabbyEvents events;

  TabbyProvider(
      String id,
      HttpTransport transport,
      HttpUrl endpoint,
      @Nullable Secret token,
      Map<String, String> headers) {
    this.id = id;
    this.transport = transport;
    this.endpoint = endpoint;
    this.token = token;
    this.headers = Map.copyOf(headers);
    this.events = new TabbyEvents(id, transport, url("v1/events"), this::authorize);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.codexcontinue.api.exception.InvalidRequestException on HTTP 400 (Tabby could not
   *     generate: its log says why)
   * @throws dev.codexcontinue.api.exception.AuthenticationException on HTTP 401 (no or bad token)
   * @throws dev.codexcontinue.api.exception.RateLimitException on HTTP 429
   */
  @Override
  public CompletionResponse complete(CompletionRequest request) {
    return readCompletion(transport.execute(completionCall(request))).response();
  }

  /** {@inheritDoc} The future completes on an OkHttp dispatcher thread. */
  @Override
  public CompletableFuture<CompletionResponse> completeAsync(CompletionRequest request) {
    return transport.executeAsync(completionCall(request), r -> readCompletion(r).response());
  }

  /**
   * Completes code and returns what only Tabby answers besides the completion: the mode and the
   * debug data asked for with the {@code debug_options} provider option.
   */
  public TabbyCompletion completeDetailed(CompletionRequest request) {
    return readCompletion(transport.execute(completionCall(request)));
  }

  /** Returns the reporter of views, selects and dismissals for this server. */
  public TabbyEvents events() {
    return events;
  }

  /** Asks the server for its models, machine and version ({@code GET /v1/health}). */
  public TabbyServerInfo health() {
    return readHealth(transport.execute(healthCall()));
  }

  /** Asks for the server's health without blocking; completes on an OkHttp dispatcher thread. */
  public CompletableFuture<TabbyServerInfo> healthAsync() {
    return transport.executeAsync(healthCall(), this::readHealth);
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.codexcontinue.api.exception.InvalidRequestException with error code {@code
   *     chat_model_not_configured} when the server has no chat model (HTTP 405)
   * @throws CancelledException when the calling thread is interrupted while waiting
   */
  @Override
  public ChatResponse chat(ChatRequest request) {
    ChatFuture answer = chatFuture(request);
    try {
      return answer.get();
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while waiting for " + id + " to answer");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new ProviderException("chat with " + id + " failed", ErrorDetails.of(id), e.getCause());
    }
  }

  /** {@inheritDoc} The future completes on an OkHttp dispatcher thread. */
  @Override
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    return chatFuture(request);
  }

  @Override
  public Cancellable stream(ChatRequest request, StreamListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return transport.stream(
        chatCall(request),
        StreamFormat.SSE,
        new ChatStreamHandler(listener, id, transport.redactor()));
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

  private ChatFuture chatFuture(ChatRequest request) {
    HttpCall call = chatCall(request);
    ChatFuture answer = new ChatFuture();
    answer.attach(
        transport.stream(
            call, StreamFormat.SSE, new ChatStreamHandler(answer, id, transport.redactor())));
    return answer;
  }

  private HttpCall completionCall(CompletionRequest request) {
    Objects.requireNonNull(request, "request == null");
    HttpCall.Builder call =
        HttpCall.of("POST", url("v1/completions"))
            .header("Accept", "application/json")
            .jsonBody(CompletionBodies.request(request).toString())
            .operation("complete");
    authorize(call);
    return call.build();
  }

  private HttpCall chatCall(ChatRequest request) {
    Objects.requireNonNull(request, "request == null");
    HttpCall.Builder call =
        HttpCall.of("POST", url("v1/chat/completions"))
            .header("Accept", "text/event-stream")
            .jsonBody(ChatBodies.chat(request, id).toString())
            .operation("chat-stream");
    request.timeout().ifPresent(call::readTimeout);
    authorize(call);
    return call.build();
  }

  private HttpCall healthCall() {
    HttpCall.Builder call =
        HttpCall.of("GET", url("v1/health"))
            .header("Accept", "application/json")
            .operation("health");
    authorize(call);
    return call.build();
  }

  private void authorize(HttpCall.Builder call) {
    headers.forEach(call::header);
    if (token != null) {
      call.header("Authorization", "Bearer " + token.reveal());
    }
  }

  private HttpUrl url(String path) {
    return endpoint.newBuilder().addPathSegments(path).build();
  }

  private TabbyCompletion readCompletion(HttpResult result) {
    return read(result, WireReaders::completion);
  }

  private TabbyServerInfo readHealth(HttpResult result) {
    return read(result, WireReaders::serverInfo);
  }

  private <T> T read(HttpResult result, Function<JsonNode, T> reader) {
    JsonNode root;
    try {
      root = Json.parse(result.body());
    } catch (IOException e) {
      throw malformed(result, "the body is not valid JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw malformed(result, "the body is not a JSON object", null);
    }
    try {
      return reader.apply(root);
    } catch (IllegalArgumentException e) {
      throw malformed(result, String.valueOf(e.getMessage()), e);
    }
  }

  private ProviderException malformed(HttpResult result, String what, @Nullable Throwable cause) {
    ErrorDetails details =
        ErrorDetails.builder(id)
            .statusCode(result.status())
            .requestId(result.requestId().orElse(null))
            .build();
    return new ProviderException("malformed response from " + id + ": " + what, details, cause);
  }

  @Override
  public String toString() {
    return "TabbyProvider[" + id + ", " + endpoint + "]";
  }

  /** Builds a {@link TabbyProvider}. Not thread-safe. */
  public static final class Builder {
    private String id = "tabby";
    private String endpoint = DEFAULT_ENDPOINT;
    @Nullable private Secret token;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private final HttpTransport.Builder transport = HttpTransport.builder("tabby");
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    /**
     * Reads {@code tabby.*} settings: {@code endpoint} ({@code TABBY_ENDPOINT}), {@code token}
     * ({@code TABBY_TOKEN}), {@code timeout}, {@code max-retries}. Every secret the settings hold
     * is registered for redaction.
     *
     * @throws ConfigurationException when the endpoint is not an http(s) URL
     */
    public Builder settings(Settings settings) {
      Objects.requireNonNull(settings, "settings == null");
      Settings s = settings.withPrefix("tabby");
      s.secret("token").ifPresent(this::token);
      s.get("endpoint")
          .filter(v -> !v.isBlank())
          .ifPresent(
              v -> {
                if (HttpUrl.parse(v.strip()) == null) {
                  throw new ConfigurationException(
                      "tabby: endpoint from "
                          + s.sourceOf("endpoint").orElse("settings")
                          + " is not an http(s) URL");
                }
                endpoint(v.strip());
              });
      s.duration("timeout").ifPresent(this::timeout);
      s.integer("max-retries").ifPresent(this::maxRetries);
      secrets.addAll(settings.secretValues());
      return this;
    }

    /** Reads the settings from system properties, the environment and {@code ./.env}. */
    public Builder fromEnv() {
      return settings(Settings.fromEnvironment());
    }

    /** Sets the provider id reported by {@link Provider#id()}; {@code tabby} by default. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /**
     * Sets the server's URL; {@value #DEFAULT_ENDPOINT} by default.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    public Builder endpoint(String endpoint) {
      Objects.requireNonNull(endpoint, "endpoint == null");
      if (HttpUrl.parse(endpoint) == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + endpoint);
      }
      this.endpoint = endpoint;
      return this;
    }

    /** Sets the auth token (from the Tabby web UI), sent as a bearer token. */
    public Builder token(Secret token) {
      this.token = Objects.requireNonNull(token, "token == null");
      secrets.add(token.reveal());
      return this;
    }

    /** Sets the auth token, sent as a bearer token. */
    public Builder token(String token) {
      return token(Secret.of(token));
    }

    /** Adds a header sent with every call (a gateway's, for example). */
    public Builder header(String name, String value) {
      headers.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Borrows the caller's OkHttp client (shared pool and dispatcher); never shut down. */
    public Builder httpClient(OkHttpClient client) {
      transport.client(client);
      return this;
    }

    /** Sets the connect timeout; 10 s by default. */
    public Builder connectTimeout(Duration timeout) {
      transport.connectTimeout(timeout);
      return this;
    }

    /** Sets the read timeout, the idle timeout of chat streams; 60 s by default. */
    public Builder readTimeout(Duration timeout) {
      transport.readTimeout(timeout);
      return this;
    }

    /** Sets the total deadline of completions and other calls that are not streams; 10 min. */
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
    public TabbyProvider build() {
      HttpUrl url = Objects.requireNonNull(HttpUrl.parse(endpoint));
      HttpTransport built =
          transport
              .retryPolicy(retryPolicy)
              .errorMapper(TabbyErrors.mapper(id))
              .redactor(Redactor.create().registerAll(secrets))
              .build();
      return new TabbyProvider(id, built, url, token, headers);
    }

    /** Shows the settings, the token masked. */
    @Override
    public String toString() {
      return "TabbyProvider.Builder[id=" + id + ", endpoint=" + endpoint + ", token=" + token + "]";
    }
  }
}
