package dev.codexcontinue.plugins.web;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.http.Sleeper;
import dev.codexcontinue.plugins.net.SsrfGuard;
import dev.codexcontinue.plugins.net.internal.GuardedTransport;
import java.time.Duration;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The settings every search backend's builder shares: HTTP client, guard, retries and timeout. Not
 * part of the API on its own: use the backends' builders.
 */
abstract class BackendBuilder<B extends BackendBuilder<B>> {
  @Nullable OkHttpClient client;
  SsrfGuard guard = SsrfGuard.defaults();
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  Sleeper sleeper = Sleeper.SYSTEM;
  Duration timeout = Duration.ofSeconds(30);
  Redactor redactor = Redactor.create();

  abstract B self();

  /** Borrows the caller's OkHttp client (shared pool and dispatcher); never shut down. */
  public B httpClient(OkHttpClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
    return self();
  }

  /**
   * Sets the SSRF guard; {@link SsrfGuard#defaults()} by default. The backend's own endpoint,
   * configured by the operator, is trusted on top of it (a self-hosted engine may live on the local
   * network).
   */
  public B guard(SsrfGuard guard) {
    this.guard = Objects.requireNonNull(guard, "guard == null");
    return self();
  }

  /** Sets the retry policy; {@link RetryPolicy#defaults()} by default. */
  public B retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
    return self();
  }

  /** Sets what waits between retries (tests inject a recording one). */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    return self();
  }

  /** Sets the total deadline of one search; 30 s by default. */
  public B timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.timeout = timeout;
    return self();
  }

  /** Shares a redactor (so one tool set masks every secret it knows). */
  public B redactor(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor == null");
    return self();
  }

  /** Parses an endpoint URL given by the operator. */
  static HttpUrl endpoint(String url, String what) {
    Objects.requireNonNull(url, what + " == null");
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new IllegalArgumentException(what + " is not an http(s) URL: " + url);
    }
    return parsed;
  }

  /** Builds the transport to {@code endpoint}, whose host is trusted as configured. */
  GuardedTransport transport(String name, HttpUrl endpoint, @Nullable Secret secret) {
    if (secret != null) {
      redactor.register(secret);
    }
    SsrfGuard trusting =
        guard.toBuilder().trustHost(endpoint.host() + ":" + endpoint.port()).build();
    return GuardedTransport.builder(name, trusting)
        .client(client)
        .retryPolicy(retryPolicy)
        .sleeper(sleeper)
        .redactor(redactor)
        .timeout(timeout)
        .maxResponseBytes(4L << 20)
        .build();
  }
}
