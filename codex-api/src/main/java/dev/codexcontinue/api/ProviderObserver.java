package dev.codexcontinue.api;

import dev.codexcontinue.api.exception.CodexException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Observes what happens inside a provider's transport that its callers cannot see: the retries it
 * makes and the rate-limit headers the server sends. Given to a provider's builder; codex-core's
 * metrics and rate limiter implement it, so that they learn of retries and server-side limits
 * without depending on the transport.
 *
 * <p>Called on transport threads, possibly concurrently; implementations must be fast, thread-safe
 * and must not throw (a transport logs a throwing observer at WARN and goes on).
 */
public interface ProviderObserver {
  /** An observer that ignores everything. */
  ProviderObserver NOOP = new ProviderObserver() {};

  /** Receives a failed attempt that is about to be retried after {@link Retry#delay()}. */
  default void onRetry(Retry retry) {}

  /** Receives the {@code x-ratelimit-*} headers of a response that carried any. */
  default void onRateLimits(RateLimits limits) {}

  /**
   * A failed attempt the transport will repeat.
   *
   * @param provider the provider id
   * @param operation what the call does, e.g. {@code chat} or {@code chat-stream}
   * @param retry the number of the retry about to be made, from 1
   * @param delay how long the transport waits before it
   * @param cause why the attempt failed (its message is already redacted)
   */
  record Retry(String provider, String operation, int retry, Duration delay, CodexException cause) {
    /** Checks the components. */
    public Retry {
      Objects.requireNonNull(provider, "provider == null");
      Objects.requireNonNull(operation, "operation == null");
      Objects.requireNonNull(delay, "delay == null");
      Objects.requireNonNull(cause, "cause == null");
      if (retry < 1) {
        throw new IllegalArgumentException("retry must be >= 1, was " + retry);
      }
    }
  }

  /**
   * The rate-limit headers of one response, such as OpenAI's {@code x-ratelimit-remaining-requests}
   * and {@code x-ratelimit-reset-tokens}, as the server sent them.
   *
   * @param provider the provider id
   * @param operation what the call does
   * @param headers header values by lower-case name, sorted; only {@code x-ratelimit-*} names
   */
  record RateLimits(String provider, String operation, Map<String, String> headers) {
    /** Checks the components and copies the headers under lower-case names. */
    public RateLimits {
      Objects.requireNonNull(provider, "provider == null");
      Objects.requireNonNull(operation, "operation == null");
      Map<String, String> lower = new TreeMap<>();
      Objects.requireNonNull(headers, "headers == null")
          .forEach(
              (name, value) ->
                  lower.put(
                      Objects.requireNonNull(name, "header name == null").toLowerCase(Locale.ROOT),
                      Objects.requireNonNull(value, "header value == null")));
      headers = java.util.Collections.unmodifiableMap(lower);
    }
  }
}
