package dev.codexcontinue.plugins.openapi;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.plugins.net.SsrfGuard;
import dev.codexcontinue.plugins.net.internal.GuardedTransport;
import dev.codexcontinue.plugins.openapi.internal.Auth;
import dev.codexcontinue.plugins.openapi.internal.OpenApiDocument;
import dev.codexcontinue.plugins.openapi.internal.OperationReader;
import dev.codexcontinue.plugins.openapi.internal.OperationTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The operations of an OpenAPI 3.0 or 3.1 document (JSON or YAML) as tools, one per operation,
 * named by {@code operationId}. Each tool's argument schema holds the operation's path, query and
 * header parameters and, for a JSON request body, a {@code body} property.
 *
 * <p>Requests go only to the document's servers, or to the hosts configured with {@link
 * Builder#allowedHosts} (which are trusted as configured, private addresses included); either way
 * through the SSRF guard, redirects included. GET and HEAD operations are allowed by default and
 * retried on failure; every other method asks for approval (the approver sees method, URL and body,
 * never the credentials) and is sent once. Credentials come from configuration only. Close the
 * tools to release their connections. Thread-safe.
 *
 * <pre>{@code
 * try (OpenApiTools petstore = OpenApiTools.builder()
 *     .document(Path.of("petstore.yaml"))
 *     .bearerToken(Secret.of(token))
 *     .build()) {
 *   Agent agent = Agent.builder().provider(provider).tools(petstore.tools()).build();
 * }
 * }</pre>
 */
public final class OpenApiTools implements AutoCloseable {
  private final GuardedTransport http;
  private final List<Tool> tools;
  private final HttpUrl server;

  private OpenApiTools(Builder b) {
    if (b.documentText == null && b.documentLocation == null) {
      throw new IllegalStateException("no OpenAPI document: set document(...)");
    }
    b.auth.register(b.redactor);
    OpenApiDocument doc = load(b);
    Set<String> allowed = new LinkedHashSet<>(b.allowedHosts);
    SsrfGuard.Builder guard = b.guard.toBuilder();
    b.allowedHosts.forEach(guard::trustHost);
    HttpUrl chosen = b.serverUrl;
    if (chosen != null) {
      allowed.add(chosen.host() + ":" + chosen.port());
      guard.trustHost(chosen.host() + ":" + chosen.port());
    } else {
      chosen =
          doc.servers().stream()
              .findFirst()
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          "the OpenAPI document names no absolute server URL: set the server URL"));
    }
    if (b.allowedHosts.isEmpty()) {
      doc.servers().forEach(s -> allowed.add(s.host() + ":" + s.port()));
    }
    this.server = chosen;
    this.http =
        GuardedTransport.builder("openapi", guard.build())
            .client(b.client)
            .redactor(b.redactor)
            .retryPolicy(RetryPolicy.defaults())
            .timeout(b.timeout)
            .hostFilter(
                url ->
                    isAllowed(url, allowed)
                        ? Optional.empty()
                        : Optional.of(
                            "host "
                                + url.host()
                                + ":"
                                + url.port()
                                + " is not one of the API's servers "
                                + allowed))
            .build();
    this.tools =
        List.copyOf(
            OperationTool.all(
                OperationReader.read(doc, b.toolPrefix), chosen, http, b.auth, b.maxResponseChars));
  }

  private static boolean isAllowed(HttpUrl url, Set<String> allowed) {
    String host = url.host().toLowerCase(Locale.ROOT);
    return allowed.contains(host) || allowed.contains(host + ":" + url.port());
  }

  private static OpenApiDocument load(Builder b) {
    if (b.documentText != null) {
      return OpenApiDocument.parse(b.documentText, b.documentLocation);
    }
    String location = Objects.requireNonNull(b.documentLocation);
    HttpUrl url = HttpUrl.parse(location);
    if (url == null) {
      try {
        return OpenApiDocument.parse(Files.readString(Path.of(location)), null);
      } catch (IOException e) {
        throw new ConfigurationException("cannot read OpenAPI document " + location, e);
      }
    }
    SsrfGuard trusting = b.guard.toBuilder().trustHost(url.host() + ":" + url.port()).build();
    try (GuardedTransport fetch =
        GuardedTransport.builder("openapi-document", trusting)
            .client(b.client)
            .redactor(b.redactor)
            .retryPolicy(RetryPolicy.defaults())
            .timeout(b.timeout)
            .maxResponseBytes(OpenApiDocument.MAX_CHARS)
            .build()) {
      String text = fetch.execute(HttpCall.of("GET", url).operation("document").build()).bodyText();
      return OpenApiDocument.parse(text, location);
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns one tool per operation, in document order. */
  public List<Tool> tools() {
    return tools;
  }

  /** Returns the server URL the tools call. */
  public String serverUrl() {
    return server.toString();
  }

  /** Releases the tools' connections. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "OpenApiTools[" + server + ", " + tools.size() + " operations]";
  }

  /** Builds {@link OpenApiTools}. Not thread-safe. */
  public static final class Builder {
    @Nullable private String documentText;
    @Nullable private String documentLocation;
    @Nullable private HttpUrl serverUrl;
    private final Set<String> allowedHosts = new LinkedHashSet<>();
    private Auth auth = Auth.NONE;
    private SsrfGuard guard = SsrfGuard.defaults();
    @Nullable private OkHttpClient client;
    private Redactor redactor = Redactor.create();
    private Duration timeout = Duration.ofSeconds(60);
    private String toolPrefix = "";
    private int maxResponseChars = 64_000;

    private Builder() {}

    /**
     * Reads {@code openapi.*} settings: {@code document} (a file path or an http(s) URL), {@code
     * server-url}, {@code allowed-hosts} (comma-separated {@code host} or {@code host:port}),
     * {@code tool-prefix}, {@code timeout}, {@code allow-proxy}, and one credential: {@code
     * bearer-token}; {@code api-key} with {@code api-key-header} or {@code api-key-query} (the
     * name); or {@code basic-user} with {@code basic-password}.
     *
     * @throws ConfigurationException when the document is missing or a value is malformed
     */
    public Builder settings(Settings settings) {
      Objects.requireNonNull(settings, "settings == null");
      redactor.registerAll(settings.secretValues());
      Settings api = settings.withPrefix("openapi");
      documentLocation = api.require("document");
      api.get("server-url").filter(v -> !v.isBlank()).ifPresent(this::serverUrl);
      api.get("allowed-hosts").ifPresent(v -> allowedHosts(List.of(v.split(","))));
      api.get("tool-prefix").ifPresent(this::toolPrefix);
      api.duration("timeout").ifPresent(this::timeout);
      guard = guard.toBuilder().allowProxy(api.flag("allow-proxy", false)).build();
      api.secret("bearer-token").ifPresent(this::bearerToken);
      Optional<Secret> key = api.secret("api-key");
      if (key.isPresent()) {
        Optional<String> header = api.get("api-key-header");
        Optional<String> query = api.get("api-key-query");
        if (header.isPresent()) {
          apiKeyHeader(header.get(), key.get());
        } else if (query.isPresent()) {
          apiKeyQuery(query.get(), key.get());
        } else {
          throw new ConfigurationException(
              "openapi.api-key needs openapi.api-key-header or openapi.api-key-query");
        }
      }
      Optional<Secret> password = api.secret("basic-password");
      api.get("basic-user")
          .ifPresent(
              u ->
                  basicAuth(
                      u,
                      password.orElseThrow(
                          () ->
                              new ConfigurationException(
                                  "openapi.basic-user needs openapi.basic-password"))));
      return this;
    }

    /** Reads the document from a file. */
    public Builder document(Path path) {
      this.documentLocation = Objects.requireNonNull(path, "path == null").toString();
      this.documentText = null;
      return this;
    }

    /** Reads the document from an http(s) URL, when the tools are built. */
    public Builder documentUrl(String url) {
      this.documentLocation = Objects.requireNonNull(url, "url == null");
      this.documentText = null;
      return this;
    }

    /** Uses {@code text} (JSON or YAML) as the document. */
    public Builder documentText(String text) {
      this.documentText = Objects.requireNonNull(text, "text == null");
      return this;
    }

    /** Calls {@code url} instead of the document's first server; the host is trusted. */
    public Builder serverUrl(String url) {
      HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "url == null").strip());
      if (parsed == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + url);
      }
      this.serverUrl = parsed;
      return this;
    }

    /**
     * Allows only these hosts ({@code host} or {@code host:port}) instead of the document's
     * servers; they are trusted as configured, private addresses included.
     */
    public Builder allowedHosts(List<String> hosts) {
      Objects.requireNonNull(hosts, "hosts == null")
          .forEach(
              h -> {
                String host = h.strip().toLowerCase(Locale.ROOT);
                if (!host.isEmpty()) {
                  allowedHosts.add(host);
                }
              });
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>}. */
    public Builder bearerToken(Secret token) {
      this.auth = Auth.bearer(token);
      return this;
    }

    /** Sends the key in header {@code name}. */
    public Builder apiKeyHeader(String name, Secret key) {
      this.auth = Auth.apiKeyHeader(name, Objects.requireNonNull(key, "key == null"));
      return this;
    }

    /** Sends the key as query parameter {@code name}. */
    public Builder apiKeyQuery(String name, Secret key) {
      this.auth = Auth.apiKeyQuery(name, Objects.requireNonNull(key, "key == null"));
      return this;
    }

    /** Sends HTTP basic credentials. */
    public Builder basicAuth(String user, Secret password) {
      this.auth = Auth.basic(user, Objects.requireNonNull(password, "password == null"));
      return this;
    }

    /** Sets the SSRF guard; {@link SsrfGuard#defaults()} by default. */
    public Builder guard(SsrfGuard guard) {
      this.guard = Objects.requireNonNull(guard, "guard == null");
      return this;
    }

    /** Borrows the caller's OkHttp client; never shut down. */
    public Builder httpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Shares a redactor, so that the tools mask every secret it knows. */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor == null");
      return this;
    }

    /** Sets the total deadline of one call; 60 s by default. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /** Prefixes every tool name (for two APIs in one agent); empty by default. */
    public Builder toolPrefix(String prefix) {
      this.toolPrefix = Objects.requireNonNull(prefix, "prefix == null");
      return this;
    }

    /** Sets the most characters of a response returned; 64,000 by default. */
    public Builder maxResponseChars(int chars) {
      if (chars < 200) {
        throw new IllegalArgumentException("maxResponseChars must be >= 200");
      }
      this.maxResponseChars = chars;
      return this;
    }

    /**
     * Returns the tools, reading the document now.
     *
     * @throws ConfigurationException when the document cannot be read or names no server
     * @throws IllegalStateException when no document was set
     */
    public OpenApiTools build() {
      return new OpenApiTools(this);
    }
  }
}
