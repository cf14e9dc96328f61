package dev.codexcontinue.core.completion;

import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recent completion answers, keyed by what decides them: the file path, the language and the prefix
 * and suffix windows of the request. Least recently used answers are evicted past the capacity, and
 * answers older than the time to live are not returned. Thread-safe.
 */
public final class CompletionCache {
  private record Key(String path, String language, String prefix, String suffix) {
    static Key of(CompletionRequest r) {
      return new Key(r.filePath().orElse(""), r.language().orElse(""), r.prefix(), r.suffix());
    }
  }

  private record Entry(CompletionResponse response, Instant storedAt) {}

  private final int capacity;
  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<Key, Entry> entries;

  private CompletionCache(Builder b) {
    this.capacity = b.capacity;
    this.ttl = b.ttl;
    this.clock = b.clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Returns a builder: 128 answers, kept 10 minutes, system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the answer stored for the windows of {@code request}, if it is fresh. */
  public Optional<CompletionResponse> get(CompletionRequest request) {
    Key key = Key.of(Objects.requireNonNull(request, "request == null"));
    Instant now = clock.instant();
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry == null) {
        return Optional.empty();
      }
      if (entry.storedAt().plus(ttl).isBefore(now)) {
        entries.remove(key);
        return Optional.empty();
      }
      return Optional.of(entry.response());
    }
  }

  /** Stores {@code response} as the answer for the windows of {@code request}. */
  public void put(CompletionRequest request, CompletionResponse response) {
    Key key = Key.of(Objects.requireNonNull(request, "request == null"));
    Objects.requireNonNull(response, "response == null");
    Instant now = clock.instant();
    synchronized (entries) {
      entries.put(key, new Entry(response, now));
    }
  }

  /** Returns how many answers are stored, stale ones included. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Forgets every answer. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  @Override
  public String toString() {
    return "CompletionCache[" + size() + "/" + capacity + ", ttl=" + ttl + "]";
  }

  /** Builds a {@link CompletionCache}. Not thread-safe. */
  public static final class Builder {
    private int capacity = 128;
    private Duration ttl = Duration.ofMinutes(10);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the most answers kept; 128 by default. */
    public Builder capacity(int capacity) {
      if (capacity <= 0) {
        throw new IllegalArgumentException("capacity must be > 0, was " + capacity);
      }
      this.capacity = capacity;
      return this;
    }

    /** Sets how long an answer may be reused; 10 minutes by default. */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl == null");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("ttl must be positive, was " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /** Sets the clock answers are timed by. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Returns the cache. */
    public CompletionCache build() {
      return new CompletionCache(this);
    }
  }
}
