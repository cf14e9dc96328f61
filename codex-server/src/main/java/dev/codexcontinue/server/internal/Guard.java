package dev.codexcontinue.server.internal;

import dev.codexcontinue.api.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * The checks every request passes before a route runs: {@code Host} and {@code Origin} against the
 * allowed sets (DNS rebinding and cross-site requests), the bearer token, then a token bucket and a
 * concurrency limit per key. Thread-safe.
 */
public final class Guard {
  private final List<Secret> tokens;
  private final Set<String> allowedHosts;
  private final Set<String> allowedOrigins;
  private final double ratePerSecond;
  private final int burst;
  private final int maxConcurrentPerKey;
  private final LongSupplier nanoTime;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

  /** Creates the guard; empty {@code allowedHosts} skips the Host check (the host server's job). */
  public Guard(
      List<Secret> tokens,
      Set<String> allowedHosts,
      Set<String> allowedOrigins,
      double ratePerSecond,
      int burst,
      int maxConcurrentPerKey,
      LongSupplier nanoTime) {
    this.tokens = List.copyOf(tokens);
    this.allowedHosts = lower(allowedHosts);
    this.allowedOrigins = lower(allowedOrigins);
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.maxConcurrentPerKey = maxConcurrentPerKey;
    this.nanoTime = nanoTime;
  }

  private static Set<String> lower(Set<String> values) {
    return values.stream()
        .map(v -> v.toLowerCase(Locale.ROOT))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /**
   * Checks Host and Origin.
   *
   * @throws HttpError 403 when either is not allowed
   */
  public void checkOrigin(Exchange exchange) {
    String host = exchange.request().header("Host").orElse("").toLowerCase(Locale.ROOT).trim();
    if (!allowedHosts.isEmpty() && !allowedHosts.contains(host)) {
      throw HttpError.of(403, "permission_error", "host_not_allowed", "Host is not allowed");
    }
    exchange
        .request()
        .header("Origin")
        .map(o -> o.toLowerCase(Locale.ROOT).trim())
        .filter(o -> !o.equals("http://" + host) && !o.equals("https://" + host))
        .filter(o -> !allowedOrigins.contains(o))
        .ifPresent(
            o -> {
              throw HttpError.of(
                  403, "permission_error", "origin_not_allowed", "Origin is not allowed");
            });
  }

  /**
   * Checks the bearer token and returns the key that rate limits count against.
   *
   * @throws HttpError 401 when a token is required and missing or wrong
   */
  public String authenticate(Exchange exchange) {
    if (tokens.isEmpty()) {
      return "anonymous";
    }
    String auth = exchange.request().header("Authorization").orElse("");
    if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < tokens.size(); i++) {
        byte[] expected = tokens.get(i).reveal().getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(given, expected)) {
          return "key-" + (i + 1);
        }
      }
    }
    exchange.header("WWW-Authenticate", "Bearer");
    throw HttpError.of(
        401,
        "invalid_request_error",
        "invalid_api_key",
        "a valid bearer token is required (Authorization: Bearer <token>)");
  }

  /**
   * Takes a rate-limit token and a concurrency permit for {@code key}; the caller releases the
   * permit with {@link #release}.
   *
   * @throws HttpError 429 with Retry-After when either limit is reached
   */
  public void admit(String key) {
    Duration wait =
        buckets
            .computeIfAbsent(key, k -> new TokenBucket(ratePerSecond, burst, nanoTime))
            .tryAcquire();
    if (!wait.isZero()) {
      throw HttpError.tooManyRequests(
          "rate_limit_exceeded", "too many requests for this key; retry later", wait);
    }
    if (!inFlight.computeIfAbsent(key, k -> new Semaphore(maxConcurrentPerKey)).tryAcquire()) {
      throw HttpError.tooManyRequests(
          "concurrency_limit_exceeded",
          "too many requests in flight for this key (" + maxConcurrentPerKey + ")",
          Duration.ofSeconds(1));
    }
  }

  /** Releases the concurrency permit taken by {@link #admit}. */
  public void release(String key) {
    Semaphore s = inFlight.get(key);
    if (s != null) {
      s.release();
    }
  }
}
