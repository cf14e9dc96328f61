package dev.codexcontinue.core.ratelimit;

import dev.codexcontinue.api.ProviderObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Client-side limits on requests and tokens per minute, per provider and per user, so that an
 * application stays under its provider quota and no user takes all of it. Each limit is a {@link
 * TokenBucket} holding a minute's worth; a call {@linkplain #reserve reserves} one request and its
 * estimated tokens from every bucket that applies, all or nothing, and {@linkplain
 * Reservation#settle settles} the tokens it really used afterwards.
 *
 * <p>When a limit is reached the caller chooses: {@link OnLimit#WAIT} (the default) reserves ahead
 * and returns the delay to wait, up to {@code maxWait}; {@link OnLimit#FAIL_FAST} throws {@link
 * RateLimitExceededException} at once. Either way the exception says when the call would pass.
 *
 * <p>As a {@link ProviderObserver} given to a provider's builder, the limiter adapts to the {@code
 * x-ratelimit-*} headers the server sends: a provider bucket is lowered to the server's remaining
 * count (and closed until its reset when none remain), and a provider with no configured limit gets
 * the limit the server announces. Thread-safe.
 *
 * <pre>{@code
 * RateLimiter limits = RateLimiter.builder()
 *     .requestsPerMinute(500).tokensPerMinute(200_000)     // per provider
 *     .userRequestsPerMinute(20).userTokensPerMinute(40_000)
 *     .maxWait(Duration.ofSeconds(10))
 *     .build();
 * Provider openai = OpenAiProvider.builder().fromEnv().addObserver(limits).build();
 * Agent agent = Agent.builder().provider(openai).rateLimiter(limits).build();
 * }</pre>
 */
public final class RateLimiter implements ProviderObserver {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final int SWEEP_EVERY = 1024;

  /** What a call does when a limit is reached. */
  public enum OnLimit {
    /** Reserve ahead and wait, up to the limiter's maximum wait. */
    WAIT,
    /** Throw {@link RateLimitExceededException} at once. */
    FAIL_FAST
  }

  private final Limit defaults;
  private final Map<String, Limit> perProvider;
  private final Limit perUser;
  private final OnLimit onLimit;
  private final Duration maxWait;
  private final boolean adaptToServer;
  private final Ticker ticker;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, TokenBucket> buckets = new HashMap<>();
  private final Map<String, Long> learned = new HashMap<>();
  private long operations;

  private RateLimiter(Builder b) {
    this.defaults = new Limit(b.requestsPerMinute, b.tokensPerMinute);
    this.perProvider = Map.copyOf(b.perProvider);
    this.perUser = new Limit(b.userRequestsPerMinute, b.userTokensPerMinute);
    this.onLimit = b.onLimit;
    this.maxWait = b.maxWait;
    this.adaptToServer = b.adaptToServer;
    this.ticker = b.ticker;
  }

  /** Returns a builder; with no limit set, only server headers limit calls. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns what a call does when a limit is reached. */
  public OnLimit onLimit() {
    return onLimit;
  }

  /** Returns the longest a call waits for its turn in {@link OnLimit#WAIT} mode. */
  public Duration maxWait() {
    return maxWait;
  }

  /**
   * Reserves one request and {@code tokens} estimated tokens for a call of {@code user} to {@code
   * provider}, from every limit that applies, or from none. The caller waits {@link
   * Reservation#delay()} before the call, then settles or cancels the reservation.
   *
   * @param tokens the tokens the call is expected to use (prompt estimate); 0 when unknown
   * @throws RateLimitExceededException when a limit is reached and the mode is {@link
   *     OnLimit#FAIL_FAST}, or the wait would exceed the maximum, or the call asks for more tokens
   *     than a limit allows per minute
   */
  public Reservation reserve(String provider, String user, long tokens) {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(user, "user == null");
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens < 0");
    }
    long asked = Math.max(1, tokens);
    lock.lock();
    try {
      sweepNow();
      List<Claim> claims = claims(provider, user, asked);
      long wait = 0;
      String slowest = "";
      for (Claim claim : claims) {
        long w = bucket(claim).nanosUntil(claim.amount);
        if (w == Long.MAX_VALUE) {
          throw new RateLimitExceededException(provider, claim.scope, null);
        }
        if (w > wait) {
          wait = w;
          slowest = claim.scope;
        }
      }
      if (wait > 0 && (onLimit == OnLimit.FAIL_FAST || wait > maxWait.toNanos())) {
        throw new RateLimitExceededException(provider, slowest, Duration.ofNanos(wait));
      }
      for (Claim claim : claims) {
        bucket(claim).take(claim.amount);
      }
      return new Reservation(this, claims, asked, Duration.ofNanos(wait));
    } finally {
      lock.unlock();
    }
  }

  /** Returns the tokens left now under a limit, e.g. {@code ("openai", null, "requests")}. */
  long available(String provider, @javax.annotation.Nullable String user, String dimension) {
    lock.lock();
    try {
      String key =
          user == null ? key("provider", provider, dimension) : key("user", user, dimension);
      TokenBucket bucket = buckets.get(key);
      return bucket == null ? Long.MAX_VALUE : bucket.availableTokens();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onRateLimits(RateLimits limits) {
    if (!adaptToServer) {
      return;
    }
    lock.lock();
    try {
      adapt(limits.provider(), "requests", ServerLimits.read(limits.headers(), "requests"));
      adapt(limits.provider(), "tokens", ServerLimits.read(limits.headers(), "tokens"));
    } finally {
      lock.unlock();
    }
  }

  private void adapt(String provider, String dimension, ServerLimits.Dimension said) {
    Limit configured = perProvider.getOrDefault(provider, defaults);
    long perMinute = configured.of(dimension);
    String key = key("provider", provider, dimension);
    if (perMinute == 0 && said.limit().isPresent() && said.limit().getAsLong() > 0) {
      long announced = said.limit().getAsLong();
      Long before = learned.put(key, announced);
      if (before != null && before != announced) {
        buckets.remove(key);
      }
      perMinute = announced;
    } else if (perMinute == 0) {
      Long known = learned.get(key);
      perMinute = known == null ? 0 : known;
    }
    if (perMinute == 0 || said.remaining().isEmpty()) {
      return;
    }
    bucket(key, perMinute)
        .limitTo(said.remaining().getAsLong(), said.reset().orElse(Duration.ZERO));
  }

  private List<Claim> claims(String provider, String user, long tokens) {
    List<Claim> claims = new ArrayList<>(4);
    Limit p = perProvider.getOrDefault(provider, defaults);
    addClaim(claims, key("provider", provider, "requests"), p.requests, 1, "provider " + provider);
    addClaim(claims, key("provider", provider, "tokens"), p.tokens, tokens, "provider " + provider);
    addClaim(claims, key("user", user, "requests"), perUser.requests, 1, "user " + user);
    addClaim(claims, key("user", user, "tokens"), perUser.tokens, tokens, "user " + user);
    return claims;
  }

  private void addClaim(List<Claim> claims, String key, long perMinute, long amount, String who) {
    long limit = perMinute;
    if (limit == 0) {
      Long known = learned.get(key);
      limit = known == null ? 0 : known;
    }
    if (limit > 0) {
      String dimension = key.substring(key.lastIndexOf('\u0000') + 1);
      claims.add(new Claim(key, limit, amount, who + " " + dimension + "/min", dimension));
    }
  }

  private TokenBucket bucket(Claim claim) {
    return bucket(claim.key, claim.perMinute);
  }

  /**
   * Gives back ({@code charge == false}) or takes ({@code charge == true}) {@code amount} of a
   * claim's limit, through the limiter: the bucket may have been swept and made anew since.
   */
  private void adjust(Claim claim, long amount, boolean charge) {
    lock.lock();
    try {
      TokenBucket bucket = bucket(claim);
      if (charge) {
        bucket.charge(amount);
      } else {
        bucket.refund(amount);
      }
    } finally {
      lock.unlock();
    }
  }

  private TokenBucket bucket(String key, long perMinute) {
    return buckets.computeIfAbsent(
        key,
        k ->
            TokenBucket.builder()
                .capacity(perMinute)
                .refill(perMinute, MINUTE)
                .ticker(ticker)
                .build());
  }

  /** Drops full buckets now and then: a full bucket is the same as a new one, so none is lost. */
  private void sweepNow() {
    if (++operations % SWEEP_EVERY == 0) {
      buckets.values().removeIf(TokenBucket::isIdle);
    }
  }

  private static String key(String kind, String name, String dimension) {
    return kind + '\u0000' + name + '\u0000' + dimension;
  }

  @Override
  public String toString() {
    return "RateLimiter[provider=" + defaults + ", user=" + perUser + ", " + onLimit + "]";
  }

  /** Requests and tokens per minute; 0 means no limit. */
  private record Limit(long requests, long tokens) {
    long of(String dimension) {
      return dimension.equals("requests") ? requests : tokens;
    }
  }

  /** An amount taken from the bucket of {@code key}, which holds {@code perMinute}. */
  private record Claim(String key, long perMinute, long amount, String scope, String dimension) {}

  /**
   * A call's claim on the limits: wait {@link #delay()} before sending it, then {@link #settle} it
   * with the tokens really used, or {@link #cancel} it when the call is not sent. Only the first of
   * those has an effect.
   */
  public static final class Reservation {
    private final RateLimiter limiter;
    private final List<Claim> claims;
    private final long tokens;
    private final Duration delay;
    private final AtomicBoolean done = new AtomicBoolean();

    private Reservation(RateLimiter limiter, List<Claim> claims, long tokens, Duration delay) {
      this.limiter = limiter;
      this.claims = List.copyOf(claims);
      this.tokens = tokens;
      this.delay = delay;
    }

    /** Returns how long to wait before sending the call; zero when it may go now. */
    public Duration delay() {
      return delay;
    }

    /** Returns whether a limit applied to the call at all. */
    public boolean isLimited() {
      return !claims.isEmpty();
    }

    /** Gives everything back: the call was not sent. */
    public void cancel() {
      if (done.compareAndSet(false, true)) {
        for (Claim claim : claims) {
          limiter.adjust(claim, claim.amount, false);
        }
      }
    }

    /**
     * Settles the tokens: charges what the call used beyond the estimate, or refunds what it did
     * not use. {@code usedTokens} of 0 (the provider did not say) keeps the estimate.
     */
    public void settle(long usedTokens) {
      if (!done.compareAndSet(false, true) || usedTokens <= 0 || usedTokens == tokens) {
        return;
      }
      for (Claim claim : claims) {
        if (!claim.dimension.equals("tokens")) {
          continue;
        }
        if (usedTokens > tokens) {
          limiter.adjust(claim, usedTokens - tokens, true);
        } else {
          limiter.adjust(claim, tokens - usedTokens, false);
        }
      }
    }
  }

  /** Builds a {@link RateLimiter}. Not thread-safe. */
  public static final class Builder {
    private long requestsPerMinute;
    private long tokensPerMinute;
    private long userRequestsPerMinute;
    private long userTokensPerMinute;
    private final Map<String, Limit> perProvider = new HashMap<>();
    private OnLimit onLimit = OnLimit.WAIT;
    private Duration maxWait = Duration.ofSeconds(30);
    private boolean adaptToServer = true;
    private Ticker ticker = Ticker.SYSTEM;

    private Builder() {}

    /** Sets the requests per minute each provider gets; 0 (the default) means no limit. */
    public Builder requestsPerMinute(long n) {
      this.requestsPerMinute = notNegative(n, "requestsPerMinute");
      return this;
    }

    /** Sets the tokens per minute each provider gets; 0 (the default) means no limit. */
    public Builder tokensPerMinute(long n) {
      this.tokensPerMinute = notNegative(n, "tokensPerMinute");
      return this;
    }

    /** Sets the limits of one provider id, overriding the ones for every provider. */
    public Builder provider(String id, long requestsPerMinute, long tokensPerMinute) {
      perProvider.put(
          Objects.requireNonNull(id, "id == null"),
          new Limit(
              notNegative(requestsPerMinute, "requestsPerMinute"),
              notNegative(tokensPerMinute, "tokensPerMinute")));
      return this;
    }

    /** Sets the requests per minute each user gets, over all providers; 0 means no limit. */
    public Builder userRequestsPerMinute(long n) {
      this.userRequestsPerMinute = notNegative(n, "userRequestsPerMinute");
      return this;
    }

    /** Sets the tokens per minute each user gets, over all providers; 0 means no limit. */
    public Builder userTokensPerMinute(long n) {
      this.userTokensPerMinute = notNegative(n, "userTokensPerMinute");
      return this;
    }

    /** Sets what a call does when a limit is reached; {@link OnLimit#WAIT} by default. */
    public Builder onLimit(OnLimit onLimit) {
      this.onLimit = Objects.requireNonNull(onLimit, "onLimit == null");
      return this;
    }

    /** Sets the longest a call waits in {@link OnLimit#WAIT} mode; 30 s by default. */
    public Builder maxWait(Duration maxWait) {
      Objects.requireNonNull(maxWait, "maxWait == null");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait is negative");
      }
      this.maxWait = maxWait;
      return this;
    }

    /** Sets whether {@code x-ratelimit-*} headers lower the provider limits; on by default. */
    public Builder adaptToServer(boolean adapt) {
      this.adaptToServer = adapt;
      return this;
    }

    /** Sets the source of time; {@link Ticker#SYSTEM} by default. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker == null");
      return this;
    }

    /** Returns the limiter. */
    public RateLimiter build() {
      return new RateLimiter(this);
    }

    private static long notNegative(long n, String name) {
      if (n < 0) {
        throw new IllegalArgumentException(name + " < 0");
      }
      return n;
    }
  }
}
