package dev.codexcontinue.plugins.web;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.plugins.net.SsrfGuard;
import dev.codexcontinue.plugins.net.internal.GuardedTransport;
import dev.codexcontinue.plugins.web.internal.WebFetchTool;
import dev.codexcontinue.plugins.web.internal.WebSearchTool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;
import okhttp3.OkHttpClient;

/**
 * The web tools: {@code web_search} (when a {@link SearchBackend} is configured) and {@code
 * web_fetch}. Both only read and are allowed by default. Every fetch passes the {@link SsrfGuard}
 * (scheme, literal and resolved addresses, each redirect hop, no silent proxy); pages are read up
 * to {@code maxPageBytes} and their text cut at {@code maxPageChars}. Close the tools to release
 * their connections. Thread-safe.
 *
 * <pre>{@code
 * try (WebTools web = WebTools.builder()
 *     .searchBackend(SearxngBackend.builder("http://localhost:8888").build())
 *     .build()) {
 *   Agent agent = Agent.builder().provider(provider).tools(web.tools()).build();
 * }
 * }</pre>
 */
public final class WebTools implements AutoCloseable {
  private final List<Tool> tools;
  @Nullable private final SearchBackend backend;
  private final GuardedTransport fetchTransport;

  private WebTools(Builder b) {
    this.backend = b.backend;
    this.fetchTransport =
        GuardedTransport.builder("web_fetch", b.guard)
            .client(b.client)
            .retryPolicy(RetryPolicy.none())
            .redactor(b.redactor)
            .timeout(b.timeout)
            .maxResponseBytes(b.maxPageBytes)
            .build();
    List<Tool> list = new ArrayList<>();
    if (backend != null) {
      list.add(new WebSearchTool(backend, b.redactor, Math.min(5, b.maxResults), b.maxResults));
    }
    list.add(
        new WebFetchTool(
            fetchTransport, b.guard, Math.min(20_000, b.maxPageChars), b.maxPageChars));
    this.tools = List.copyOf(list);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the tools: {@code web_search} if a backend is set, then {@code web_fetch}. */
  public List<Tool> tools() {
    return tools;
  }

  /** Returns the search backend, if one is configured. */
  public Optional<SearchBackend> searchBackend() {
    return Optional.ofNullable(backend);
  }

  /** Releases the backend's and the fetcher's connections. Idempotent. */
  @Override
  public void close() {
    if (backend != null) {
      backend.close();
    }
    fetchTransport.close();
  }

  @Override
  public String toString() {
    return "WebTools[" + tools.stream().map(t -> t.spec().name()).toList() + "]";
  }

  /** Builds {@link WebTools}. Not thread-safe. */
  public static final class Builder {
    @Nullable private SearchBackend backend;
    @Nullable private OkHttpClient client;
    private SsrfGuard guard = SsrfGuard.defaults();
    private Redactor redactor = Redactor.create();
    private Duration timeout = Duration.ofSeconds(30);
    private long maxPageBytes = 5L << 20;
    private int maxPageChars = 100_000;
    private int maxResults = 10;

    private Builder() {}

    /**
     * Reads {@code web.*} settings: {@code searxng-url} or {@code brave-api-key} (with {@code
     * backend} = {@code searxng} or {@code brave} when both are set, and {@code brave-url} to
     * override Brave's endpoint), {@code allow-proxy}, {@code timeout}, {@code max-page-bytes},
     * {@code max-page-chars} and {@code max-results}. Every secret in {@code settings} is
     * registered with the redactor.
     *
     * @throws ConfigurationException when a value is malformed or the backend is ambiguous
     */
    public Builder settings(Settings settings) {
      Objects.requireNonNull(settings, "settings == null");
      redactor.registerAll(settings.secretValues());
      Settings web = settings.withPrefix("web");
      guard = guard.toBuilder().allowProxy(web.flag("allow-proxy", false)).build();
      web.duration("timeout").ifPresent(this::timeout);
      web.get("max-page-bytes")
          .map(v -> parseLong(v, "web.max-page-bytes"))
          .ifPresent(this::maxPageBytes);
      web.integer("max-page-chars").ifPresent(this::maxPageChars);
      web.integer("max-results").ifPresent(this::maxResults);
      Optional<String> searx = web.get("searxng-url").filter(v -> !v.isBlank());
      boolean brave = web.secret("brave-api-key").isPresent();
      String choice =
          web.get("backend")
              .map(v -> v.strip().toLowerCase(Locale.ROOT))
              .orElse(searx.isPresent() && brave ? "" : searx.isPresent() ? "searxng" : "brave");
      if (choice.isEmpty()) {
        throw new ConfigurationException(
            "both web.searxng-url and web.brave-api-key are set: choose with web.backend");
      }
      if (choice.equals("searxng") && searx.isPresent()) {
        searchBackend(configure(SearxngBackend.builder(searx.get())).build());
      } else if (choice.equals("brave") && brave) {
        BraveBackend.Builder b =
            configure(BraveBackend.builder(web.secret("brave-api-key").orElseThrow()));
        web.get("brave-url").ifPresent(b::endpoint);
        searchBackend(b.build());
      } else if (web.get("backend").isPresent()) {
        throw new ConfigurationException(
            "web.backend=" + choice + " needs web.searxng-url or web.brave-api-key");
      }
      return this;
    }

    private <B extends BackendBuilder<B>> B configure(B b) {
      b.guard(guard).redactor(redactor).timeout(timeout);
      if (client != null) {
        b.httpClient(client);
      }
      return b;
    }

    private static long parseLong(String v, String key) {
      try {
        return Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        throw new ConfigurationException("setting '" + key + "' must be an integer", e);
      }
    }

    /** Sets the search engine; without one, only {@code web_fetch} is offered. */
    public Builder searchBackend(SearchBackend backend) {
      this.backend = Objects.requireNonNull(backend, "backend == null");
      return this;
    }

    /** Borrows the caller's OkHttp client for fetches; never shut down. */
    public Builder httpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Sets the SSRF guard of fetches; {@link SsrfGuard#defaults()} by default. */
    public Builder guard(SsrfGuard guard) {
      this.guard = Objects.requireNonNull(guard, "guard == null");
      return this;
    }

    /** Shares a redactor, so that the tools mask every secret it knows. */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor == null");
      return this;
    }

    /** Sets the total deadline of one fetch (redirects included, each hop); 30 s by default. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /** Sets the largest page read; 5 MiB by default. Larger pages fail with an error result. */
    public Builder maxPageBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxPageBytes must be >= 1024");
      }
      this.maxPageBytes = bytes;
      return this;
    }

    /** Sets the most text one fetch may return; 100,000 characters by default. */
    public Builder maxPageChars(int chars) {
      if (chars < 200) {
        throw new IllegalArgumentException("maxPageChars must be >= 200");
      }
      this.maxPageChars = chars;
      return this;
    }

    /** Sets the most hits one search may return; 10 by default. */
    public Builder maxResults(int results) {
      if (results < 1 || results > 50) {
        throw new IllegalArgumentException("maxResults must be in [1, 50]");
      }
      this.maxResults = results;
      return this;
    }

    /** Returns the tools. */
    public WebTools build() {
      return new WebTools(this);
    }
  }
}
