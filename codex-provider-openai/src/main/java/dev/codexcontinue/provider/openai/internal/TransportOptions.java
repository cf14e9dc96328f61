package dev.codexcontinue.provider.openai.internal;

import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.http.AdmissionLimiter;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import okhttp3.OkHttpClient;

/** The transport settings both provider builders collect. Mutable; builder state only. */
public final class TransportOptions {
  @Nullable public OkHttpClient client;
  @Nullable public Duration connectTimeout;
  @Nullable public Duration readTimeout;
  @Nullable public Duration timeout;
  public RetryPolicy retryPolicy = RetryPolicy.defaults();
  public AdmissionLimiter admission = AdmissionLimiter.unlimited();
  public Sleeper sleeper = Sleeper.SYSTEM;
  public int maxRequests = 64;
  public final List<String> secrets = new ArrayList<>();
  public final List<ProviderObserver> observers = new ArrayList<>();

  /** Returns a transport for provider {@code id} with these settings. */
  public HttpTransport build(String id, List<ErrorMapper.Rule> rules) {
    Redactor redactor = Redactor.create().registerAll(secrets);
    ErrorMapper.Builder errors = ErrorMapper.builder(id);
    rules.forEach(errors::rule);
    HttpTransport.Builder b =
        HttpTransport.builder(id)
            .retryPolicy(retryPolicy)
            .admission(admission)
            .sleeper(sleeper)
            .maxRequests(maxRequests)
            .redactor(redactor)
            .errorMapper(errors.build());
    observers.forEach(b::addObserver);
    if (client != null) {
      b.client(client);
    }
    if (connectTimeout != null) {
      b.connectTimeout(connectTimeout);
    }
    if (readTimeout != null) {
      b.readTimeout(readTimeout);
    }
    if (timeout != null) {
      b.callTimeout(timeout);
    }
    return b.build();
  }
}
