package dev.codexcontinue.provider.openai;

import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.http.AdmissionLimiter;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.http.Sleeper;
import dev.codexcontinue.provider.openai.internal.TransportOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The builder settings that OpenAI and Azure OpenAI share: transport, retries, admission, extra
 * headers and wire options. Not part of the API on its own: use the providers' builders.
 */
abstract class CommonBuilder<B extends CommonBuilder<B>> {
  final TransportOptions transport = new TransportOptions();
  final Map<String, String> headers = new LinkedHashMap<>();
  String maxTokensField;
  boolean includeUsage = true;

  CommonBuilder(String maxTokensField) {
    this.maxTokensField = maxTokensField;
  }

  abstract B self();

  /** Reads this provider's settings; see the subclass. */
  public abstract B settings(Settings settings);

  /** Reads the settings from system properties, the environment and {@code ./.env}. */
  public B fromEnv() {
    return settings(Settings.fromEnvironment());
  }

  /** Reads {@code timeout} and {@code max-retries} of {@code own}, and registers every secret. */
  final void commonSettings(Settings own, Settings all) {
    own.duration("timeout").ifPresent(this::timeout);
    own.integer("max-retries").ifPresent(this::maxRetries);
    transport.secrets.addAll(all.secretValues());
  }

  /** Adds a header sent with every call (a gateway key, for example). */
  public B header(String name, String value) {
    headers.put(
        Objects.requireNonNull(name, "name == null"),
        Objects.requireNonNull(value, "value == null"));
    return self();
  }

  /**
   * Sets the field of the output-token limit: {@code max_completion_tokens} (OpenAI's current name)
   * or {@code max_tokens} (the older one most compatible servers and Azure versions know).
   */
  public B maxTokensField(String field) {
    this.maxTokensField = Objects.requireNonNull(field, "field == null");
    return self();
  }

  /** Sets whether streams ask for the final usage chunk; on by default. */
  public B includeUsage(boolean includeUsage) {
    this.includeUsage = includeUsage;
    return self();
  }

  /** Borrows the caller's OkHttp client (shared pool and dispatcher); never shut down. */
  public B httpClient(OkHttpClient client) {
    transport.client = Objects.requireNonNull(client, "client == null");
    return self();
  }

  /** Sets the connect timeout; 10 s by default. */
  public B connectTimeout(Duration timeout) {
    transport.connectTimeout = Objects.requireNonNull(timeout, "timeout == null");
    return self();
  }

  /** Sets the read timeout, the idle timeout of streams; 60 s by default. */
  public B readTimeout(Duration timeout) {
    transport.readTimeout = Objects.requireNonNull(timeout, "timeout == null");
    return self();
  }

  /** Sets the total deadline of calls that are not streams; 10 min by default. */
  public B timeout(Duration timeout) {
    transport.timeout = Objects.requireNonNull(timeout, "timeout == null");
    return self();
  }

  /** Sets how many times a failed call is retried; 2 by default. */
  public B maxRetries(int maxRetries) {
    transport.retryPolicy = transport.retryPolicy.toBuilder().maxRetries(maxRetries).build();
    return self();
  }

  /** Sets the whole retry policy. */
  public B retryPolicy(RetryPolicy policy) {
    transport.retryPolicy = Objects.requireNonNull(policy, "policy == null");
    return self();
  }

  /** Bounds running and waiting calls; unlimited by default. */
  public B admission(AdmissionLimiter admission) {
    transport.admission = Objects.requireNonNull(admission, "admission == null");
    return self();
  }

  /** Sets what waits between retries (tests inject a recording one). */
  public B sleeper(Sleeper sleeper) {
    transport.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    return self();
  }

  /**
   * Adds an observer of the transport's retries and {@code x-ratelimit-*} response headers, such as
   * codex-core's {@code AgentMetrics} or {@code RateLimiter}.
   */
  public B addObserver(ProviderObserver observer) {
    transport.observers.add(Objects.requireNonNull(observer, "observer == null"));
    return self();
  }

  /** Sets how many calls run at once, per host too; 64 by default. */
  public B maxRequests(int maxRequests) {
    transport.maxRequests = maxRequests;
    return self();
  }
}
