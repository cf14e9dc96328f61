package dev.codexcontinue.http.internal;

import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.http.HttpCall;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a transport's {@link ProviderObserver}s about retries and rate-limit headers. An observer
 * that throws is logged at WARN and skipped: observing never changes the outcome of a call.
 */
public final class Observers {
  private static final Logger log = LoggerFactory.getLogger(Observers.class);
  private static final String RATE_LIMIT_PREFIX = "x-ratelimit-";

  private final String provider;
  private final List<ProviderObserver> observers;

  /** Creates the dispatcher for {@code provider}'s observers. */
  public Observers(String provider, List<ProviderObserver> observers) {
    this.provider = provider;
    this.observers = List.copyOf(observers);
  }

  /**
   * Reports that {@code call} will be retried for the {@code retry}-th time after {@code delay}.
   */
  void retry(HttpCall call, int retry, Duration delay, CodexException cause) {
    if (observers.isEmpty()) {
      return;
    }
    ProviderObserver.Retry event =
        new ProviderObserver.Retry(provider, call.operation(), retry, delay, cause);
    for (ProviderObserver observer : observers) {
      try {
        observer.onRetry(event);
      } catch (RuntimeException e) {
        log.warn("{}: a provider observer threw from onRetry; skipped", provider, e);
      }
    }
  }

  /** Reports the {@code x-ratelimit-*} headers of a response, if it has any. */
  void response(HttpCall call, Headers headers) {
    if (observers.isEmpty()) {
      return;
    }
    Map<String, String> limits = new TreeMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i).toLowerCase(Locale.ROOT);
      if (name.startsWith(RATE_LIMIT_PREFIX)) {
        limits.put(name, headers.value(i));
      }
    }
    if (limits.isEmpty()) {
      return;
    }
    ProviderObserver.RateLimits event =
        new ProviderObserver.RateLimits(provider, call.operation(), limits);
    for (ProviderObserver observer : observers) {
      try {
        observer.onRateLimits(event);
      } catch (RuntimeException e) {
        log.warn("{}: a provider observer threw from onRateLimits; skipped", provider, e);
      }
    }
  }
}
