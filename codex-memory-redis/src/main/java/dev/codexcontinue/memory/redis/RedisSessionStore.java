package dev.codexcontinue.memory.redis;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.core.memory.ChatMessageCodec;
import dev.codexcontinue.memory.redis.SeenEntries.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A {@link SessionStore} on Redis, shared by every instance of an agent: each session is one Redis
 * list of JSON messages (the JSONL store's format, one message an element) that expires after an
 * idle time-to-live, refreshed by every write.
 *
 * <p><b>Writers on several machines.</b> {@link #append} is one Lua script: the messages of one
 * call land together, after everything appended before, never interleaved with another writer's, so
 * a tool call and its results stay adjacent. {@link #replace} (session memory's eviction) is one
 * script too, and it loses nothing written concurrently: each element carries an entry id, the
 * store remembers which entries it has read or written for each recently used session, and the
 * script keeps every entry this instance never saw, after the replacement, in its order. Only
 * entries this instance saw and left out are dropped. A replace for a session this instance has not
 * read recently (beyond {@link Builder#trackedSessions}) replaces everything.
 *
 * <p>Thread-safe. The store closes a client it created from a URI; a client passed to {@link
 * Builder#client} stays the caller's.
 *
 * <pre>{@code
 * try (RedisSessionStore store =
 *         RedisSessionStore.builder().uri("redis://cache:6379/0").idleTtl(Duration.ofHours(8)).build();
 *     SessionMemory memory = SessionMemory.builder().store(store).idleTtl(Duration.ofMillis(1)).build()) {
 *   ...
 * }
 * }</pre>
 */
public final class RedisSessionStore implements SessionStore {
  /** The first element of every session list, so that an empty session still exists. */
  static final String HEADER = "codex-session-v1";

  private static final String APPEND = script("append.lua");
  private static final String REPLACE = script("replace.lua");
  private static final int SCAN_COUNT = 500;

  private final UnifiedJedis redis;
  private final boolean ownsClient;
  private final SessionKeys keys;
  private final String ttlMillis;
  private final SeenEntries seen;
  private final String instanceId;
  private final AtomicLong nextEntry = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisSessionStore(Builder b, UnifiedJedis redis, boolean ownsClient) {
    this.redis = redis;
    this.ownsClient = ownsClient;
    this.keys = new SessionKeys(b.keyPrefix);
    this.ttlMillis = Long.toString(b.idleTtl.toMillis());
    this.seen = new SeenEntries(b.trackedSessions);
    this.instanceId = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
  }

  /** Returns a builder: {@code redis://localhost:6379}, prefix {@code codex:}, TTL 24 hours. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<ChatMessage> load(SessionKey key) {
    Objects.requireNonNull(key, "key == null");
    ensureOpen();
    List<String> elements = call("load", () -> redis.lrange(keys.redisKey(key), 1, -1));
    List<Entry> entries = new ArrayList<>(elements.size());
    List<ChatMessage> messages = new ArrayList<>(elements.size());
    for (String element : elements) {
      Entry entry =
          Entry.decode(element).orElseThrow(() -> corrupt(key, "an element has no entry id", null));
      try {
        messages.add(ChatMessageCodec.read(entry.json()));
      } catch (IllegalArgumentException e) {
        throw corrupt(key, e.getMessage(), e);
      }
      entries.add(entry);
    }
    seen.loaded(key, entries);
    return List.copyOf(messages);
  }

  @Override
  public void append(SessionKey key, List<ChatMessage> messages) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(messages, "messages == null");
    ensureOpen();
    List<Entry> entries = new ArrayList<>(messages.size());
    for (ChatMessage message : messages) {
      entries.add(new Entry(newEntryId(), ChatMessageCodec.write(message)));
    }
    List<String> args = new ArrayList<>(entries.size() + 2);
    args.add(HEADER);
    args.add(ttlMillis);
    entries.forEach(e -> args.add(e.encoded()));
    call("append", () -> redis.eval(APPEND, List.of(keys.redisKey(key)), args));
    seen.appended(key, entries);
  }

  @Override
  public void replace(SessionKey key, List<ChatMessage> messages) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(messages, "messages == null");
    ensureOpen();
    List<Entry> known = seen.seen(key).orElse(null);
    List<Entry> entries = reuseIds(messages, known == null ? List.of() : known);
    List<String> args = new ArrayList<>();
    args.add(HEADER);
    args.add(ttlMillis);
    if (known == null) {
      args.add("-1"); // never read here: the caller's list is the whole truth
    } else {
      args.add(Integer.toString(known.size()));
      known.forEach(e -> args.add(e.id()));
    }
    entries.forEach(e -> args.add(e.encoded()));
    call("replace", () -> redis.eval(REPLACE, List.of(keys.redisKey(key)), args));
    seen.loaded(key, entries);
  }

  /**
   * Gives each message the id of an equal entry already stored, so that another instance that saw
   * that entry does not take it for a foreign one and keep a duplicate.
   */
  private List<Entry> reuseIds(List<ChatMessage> messages, List<Entry> known) {
    List<Entry> unused = new ArrayList<>(known);
    List<Entry> entries = new ArrayList<>(messages.size());
    for (ChatMessage message : messages) {
      String json = ChatMessageCodec.write(message);
      Entry match = null;
      for (int i = 0; i < unused.size() && match == null; i++) {
        if (unused.get(i).json().equals(json)) {
          match = unused.remove(i);
        }
      }
      entries.add(match != null ? match : new Entry(newEntryId(), json));
    }
    return entries;
  }

  @Override
  public void delete(SessionKey key) {
    Objects.requireNonNull(key, "key == null");
    ensureOpen();
    call("delete", () -> redis.del(keys.redisKey(key)));
    seen.forget(key);
  }

  @Override
  public Set<SessionKey> keys() {
    ensureOpen();
    return call(
        "keys",
        () -> {
          Set<SessionKey> found = new LinkedHashSet<>();
          ScanParams params = new ScanParams().match(keys.pattern()).count(SCAN_COUNT);
          String cursor = ScanParams.SCAN_POINTER_START;
          do {
            ScanResult<String> page = redis.scan(cursor, params);
            page.getResult().forEach(k -> keys.sessionKey(k).ifPresent(found::add));
            cursor = page.getCursor();
          } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
          return Set.copyOf(found);
        });
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      seen.clear();
      if (ownsClient) {
        redis.close();
      }
    }
  }

  @Override
  public String toString() {
    return "RedisSessionStore[ttl=" + ttlMillis + "ms]";
  }

  private String newEntryId() {
    return instanceId + "." + Long.toString(nextEntry.incrementAndGet(), 36);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the session store is closed");
    }
  }

  private static <T> T call(String operation, Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      throw new MemoryStoreException("redis session store: " + operation + " failed", e);
    }
  }

  private static MemoryStoreException corrupt(
      SessionKey key, @Nullable String why, @Nullable Throwable cause) {
    return new MemoryStoreException(
        "redis session store: session " + key.sessionId() + " is corrupt: " + why, cause);
  }

  private static String script(String name) {
    try (InputStream in = RedisSessionStore.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a {@link RedisSessionStore}. Not thread-safe. */
  public static final class Builder {
    @Nullable private URI uri;
    @Nullable private UnifiedJedis client;
    private String keyPrefix = "codex:";
    private Duration idleTtl = Duration.ofHours(24);
    private int trackedSessions = 1024;

    private Builder() {}

    /**
     * Sets the server, {@code redis://[user:password@]host:port[/db]} or {@code rediss://} for TLS;
     * the store creates its client and closes it.
     *
     * @throws IllegalArgumentException when {@code uri} is not a redis URI
     */
    public Builder uri(String uri) {
      URI parsed = URI.create(Objects.requireNonNull(uri, "uri == null"));
      if (!"redis".equals(parsed.getScheme()) && !"rediss".equals(parsed.getScheme())) {
        throw new IllegalArgumentException("not a redis:// or rediss:// URI");
      }
      this.uri = parsed;
      return this;
    }

    /** Uses the caller's client (pooled, cluster...), which the store never closes. */
    public Builder client(UnifiedJedis client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Sets the prefix of every key the store writes; {@code codex:} by default. */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix == null");
      return this;
    }

    /** Sets how long a session lives after its last write; 24 hours by default. */
    public Builder idleTtl(Duration idleTtl) {
      Objects.requireNonNull(idleTtl, "idleTtl == null");
      if (idleTtl.toMillis() <= 0) {
        throw new IllegalArgumentException("idleTtl must be at least 1 ms, was " + idleTtl);
      }
      this.idleTtl = idleTtl;
      return this;
    }

    /**
     * Sets how many recently used sessions the store remembers the entries of, for a replace that
     * keeps other writers' messages; 1,024 by default.
     */
    public Builder trackedSessions(int trackedSessions) {
      if (trackedSessions <= 0) {
        throw new IllegalArgumentException("trackedSessions must be > 0");
      }
      this.trackedSessions = trackedSessions;
      return this;
    }

    /**
     * Returns the store; it connects lazily, on first use.
     *
     * @throws IllegalStateException when both a URI and a client are set
     */
    public RedisSessionStore build() {
      if (uri != null && client != null) {
        throw new IllegalStateException("set either uri(..) or client(..), not both");
      }
      if (client != null) {
        return new RedisSessionStore(this, client, false);
      }
      URI target = uri != null ? uri : URI.create("redis://localhost:6379");
      return new RedisSessionStore(this, RedisClient.create(target), true);
    }
  }
}
