package dev.codexcontinue.plugins.net.internal;

import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.http.Sleeper;
import dev.codexcontinue.plugins.net.SsrfBlockedException;
import dev.codexcontinue.plugins.net.SsrfDecision;
import dev.codexcontinue.plugins.net.SsrfGuard;
import java.net.Proxy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.Nullable;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * An {@link HttpTransport} behind the SSRF guard: every URL is checked before it is sent, OkHttp
 * resolves names through {@link GuardedDns}, OkHttp's own redirects are off and each redirect hop
 * is checked before it is followed (GET and HEAD only), and a client that would use a proxy
 * disables the transport unless the guard allows proxies. A host filter narrows the hosts further
 * (the OpenAPI tools allow only the document's servers). Thread-safe.
 */
public final class GuardedTransport implements AutoCloseable {
  private final HttpTransport http;
  private final SsrfGuard guard;
  private final Function<HttpUrl, Optional<String>> hostFilter;
  @Nullable private final String disabledReason;
  private final boolean proxied;
  @Nullable private final OkHttpClient owned;

  private GuardedTransport(Builder b) {
    this.guard = b.guard;
    this.hostFilter = b.hostFilter;
    OkHttpClient base = b.client;
    boolean owns = base == null;
    if (base == null) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequestsPerHost(dispatcher.getMaxRequests());
      base = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    }
    Optional<String> proxy = Proxies.configured(base);
    this.proxied = proxy.isPresent();
    this.disabledReason =
        proxy.isPresent() && !guard.allowsProxy()
            ? "disabled: requests would go through a proxy ("
                + proxy.get()
                + "), which resolves names where the SSRF guard cannot check them; allow proxies"
                + " explicitly to use it"
            : null;
    OkHttpClient.Builder cb =
        base.newBuilder()
            .dns(new GuardedDns(guard))
            .followRedirects(false)
            .followSslRedirects(false);
    if (proxy.isEmpty()) {
      cb.proxy(Proxy.NO_PROXY); // a proxy selector installed later must not bypass the guard
    }
    OkHttpClient client = cb.build();
    this.owned = owns ? client : null;
    ErrorMapper.Builder errors =
        ErrorMapper.builder(b.name).rule(RedirectException.RULE).rule(HttpStatusException.RULE);
    HttpTransport.Builder tb =
        HttpTransport.builder(b.name)
            .client(client)
            .errorMapper(errors.build())
            .retryPolicy(b.retryPolicy)
            .sleeper(b.sleeper)
            .redactor(b.redactor)
            .maxResponseBytes(b.maxResponseBytes);
    if (b.timeout != null) {
      tb.callTimeout(b.timeout);
    }
    this.http = tb.build();
  }

  /** Returns a builder for a transport named {@code name} (in logs and errors). */
  public static Builder builder(String name, SsrfGuard guard) {
    return new Builder(name, guard);
  }

  /** Returns why the transport refuses every call, if it does (a proxy is configured). */
  public Optional<String> disabledReason() {
    return Optional.ofNullable(disabledReason);
  }

  /** Returns the redactor of this transport's logs and errors. */
  public Redactor redactor() {
    return http.redactor();
  }

  /** Returns the underlying transport (for leak checks). */
  public HttpTransport transport() {
    return http;
  }

  /** Returns the decision for {@code url}: the guard's, then the host filter's. */
  public SsrfDecision check(HttpUrl url) {
    SsrfDecision decision = guard.check(url, proxied);
    if (!decision.allowed()) {
      return decision;
    }
    return hostFilter
        .apply(url)
        .map(reason -> new SsrfDecision(false, decision.url(), reason))
        .orElse(decision);
  }

  /** A successful answer and the URL that gave it, after any redirects. */
  public record Exchange(HttpUrl url, HttpResult result) {}

  /** Sends {@code call} like {@link #exchange} and returns the answer alone. */
  public HttpResult execute(HttpCall call) {
    return exchange(call).result();
  }

  /**
   * Sends {@code call} after checking it, following redirects of GET and HEAD calls hop by hop.
   *
   * @throws RequestBlockedException when the guard refuses the URL or a redirect hop
   * @throws HttpStatusException when the final answer is a 4xx or 5xx
   * @throws CodexException for the transport's other failures
   */
  public Exchange exchange(HttpCall call) {
    Objects.requireNonNull(call, "call == null");
    if (disabledReason != null) {
      throw new RequestBlockedException(disabledReason, null);
    }
    HttpCall current = call;
    for (int hop = 0; ; hop++) {
      SsrfDecision decision = check(current.url());
      if (!decision.allowed()) {
        throw new RequestBlockedException(
            "blocked " + redactor().redact(decision.url()) + ": " + decision.reason(), null);
      }
      try {
        return new Exchange(current.url(), http.execute(current));
      } catch (RedirectException r) {
        current = nextHop(current, r, hop);
      } catch (CodexException e) {
        Optional<SsrfBlockedException> blocked = blockedCause(e);
        if (blocked.isPresent()) {
          throw new RequestBlockedException(
              String.valueOf(blocked.get().getMessage()), blocked.get());
        }
        throw e;
      }
    }
  }

  private HttpCall nextHop(HttpCall current, RedirectException r, int hop) {
    String from = redactor().redact(current.url().toString());
    if (hop >= guard.maxRedirects()) {
      throw new RequestBlockedException(
          from + " redirected more than " + guard.maxRedirects() + " times", null);
    }
    String method = current.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new RequestBlockedException(
          method
              + " "
              + from
              + " answered "
              + r.status()
              + " to "
              + redactor().redact(r.location())
              + "; redirects are followed only for GET and HEAD",
          null);
    }
    HttpUrl next = current.url().resolve(r.location());
    if (next == null) {
      throw new RequestBlockedException(
          "blocked redirect from " + from + " to " + redactor().redact(r.location()), null);
    }
    boolean sameOrigin =
        next.scheme().equals(current.url().scheme())
            && next.host().equals(current.url().host())
            && next.port() == current.url().port();
    HttpCall.Builder b = HttpCall.of(method, next).operation(current.operation());
    for (String name : current.headers().names()) {
      // Credentials go only to the origin they were meant for, as browsers and curl do.
      if (sameOrigin || !redactor().isSensitiveHeader(name)) {
        b.header(name, Objects.requireNonNull(current.headers().get(name)));
      }
    }
    return b.build();
  }

  private static Optional<SsrfBlockedException> blockedCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SsrfBlockedException blocked) {
        return Optional.of(blocked);
      }
    }
    return Optional.empty();
  }

  /** Closes the transport and the client it built; a borrowed client is left as it is. */
  @Override
  public void close() {
    http.close();
    if (owned != null) {
      owned.dispatcher().executorService().shutdown();
      owned.connectionPool().evictAll();
    }
  }

  /** Builds a {@link GuardedTransport}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final SsrfGuard guard;
    @Nullable private OkHttpClient client;
    private RetryPolicy retryPolicy = RetryPolicy.none();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Redactor redactor = Redactor.create();
    private long maxResponseBytes = 8L << 20;
    @Nullable private Duration timeout;
    private Function<HttpUrl, Optional<String>> hostFilter = url -> Optional.empty();

    private Builder(String name, SsrfGuard guard) {
      this.name = Objects.requireNonNull(name, "name == null");
      this.guard = Objects.requireNonNull(guard, "guard == null");
    }

    /** Borrows a caller's client; it is derived with {@code newBuilder()} and never shut down. */
    public Builder client(@Nullable OkHttpClient client) {
      this.client = client;
      return this;
    }

    /** Sets the retry policy; none by default. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** Sets what waits between retries. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Sets the redactor. */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor == null");
      return this;
    }

    /** Sets the largest response body read; 8 MiB by default. */
    public Builder maxResponseBytes(long maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Sets the total deadline of one call. */
    public Builder timeout(@Nullable Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Sets a further check of each URL: the reason to refuse it, or empty to allow it. */
    public Builder hostFilter(Function<HttpUrl, Optional<String>> hostFilter) {
      this.hostFilter = Objects.requireNonNull(hostFilter, "hostFilter == null");
      return this;
    }

    /** Returns the transport. */
    public GuardedTransport build() {
      return new GuardedTransport(this);
    }
  }
}
