package dev.codexcontinue.core.memory;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.internal.Checks;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.api.memory.SessionStore;
import dev.codexcontinue.core.memory.internal.SessionEntry;
import dev.codexcontinue.core.memory.internal.SessionRegistry;
import dev.codexcontinue.core.memory.internal.SessionWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session (short-term) memory: the recent messages of each conversation, keyed by {@link
 * SessionKey}, bounded by a message cap and a token cap.
 *
 * <p><b>Structure.</b> Eviction removes whole units, oldest first: an assistant message with tool
 * calls goes together with all of their results, so the window never holds a tool result without
 * its call, and the first message after the system message is never a tool result. A unit that
 * exceeds a cap on its own (with the system message) is dropped whole when it is appended, never
 * split, and older messages stay. A tool result that follows no call of its own (its call was
 * evicted, or never appended) is dropped, with a warning. A session has at most one system message:
 * it stays first, counts toward the caps and is never evicted; appending a different system message
 * replaces it.
 *
 * <p><b>Sessions.</b> Live sessions are cached, at most {@code maxSessions} of them: creating one
 * more evicts the least recently used, and a session idle for {@code idleTtl} is evicted too (no
 * background thread: expiry is checked as sessions are used). With a {@link SessionStore} the cache
 * is write-through (every append reaches the store before {@code append} returns) and an evicted
 * session is reloaded from the store when next used; without one, eviction forgets the session. A
 * session whose {@link SessionLock} is held is never evicted.
 *
 * <p><b>Threads.</b> Operations on one session are serialized by that session's reentrant lock;
 * different sessions proceed in parallel. A thread interrupted while waiting for a session gets a
 * {@link CancelledException} with its interrupt flag set.
 *
 * <pre>{@code
 * SessionMemory memory = SessionMemory.builder().maxMessages(50).maxTokens(8_000).build();
 * SessionKey key = SessionKey.of("ada", "chat-1");
 * try (SessionLock lock = memory.lock(key)) {
 *   List<ChatMessage> history = memory.window(key, 4_000);
 *   memory.append(key, List.of(ChatMessage.user("hi"), ChatMessage.assistant("hello")));
 * }
 * }</pre>
 */
public final class SessionMemory implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionMemory.class);

  @Nullable private final SessionStore store;
  private final boolean ownsStore;
  private final int maxMessages;
  private final int maxTokens;
  private final TokenCounter tokenCounter;
  private final SessionRegistry registry;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SessionMemory(Builder b, @Nullable SessionStore store, boolean ownsStore) {
    this.store = store;
    this.ownsStore = ownsStore;
    this.maxMessages = b.maxMessages;
    this.maxTokens = b.maxTokens;
    this.tokenCounter = b.tokenCounter;
    this.registry = new SessionRegistry(b.maxSessions, b.idleTtl, b.clock);
  }

  /** Returns a builder with the defaults: 100 messages, 32,000 tokens, 10,000 sessions, 2 h. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the session's messages, oldest first; empty for a new session. */
  public List<ChatMessage> messages(SessionKey key) {
    return withSession(key, entry -> List.copyOf(loaded(entry).messages()));
  }

  /**
   * Returns the session's most recent messages that fit in {@code maxTokens}, for a prompt: the
   * system message, then the newest whole units that fit, oldest first, with no gap. A tool call
   * whose results have not all been appended yet is left out, since no provider accepts it.
   *
   * @throws IllegalArgumentException when {@code maxTokens <= 0}
   */
  public List<ChatMessage> window(SessionKey key, int maxTokens) {
    Checks.positive(maxTokens, "maxTokens");
    return withSession(key, entry -> List.copyOf(loaded(entry).window(maxTokens)));
  }

  /**
   * Appends {@code messages} to the session, then evicts its oldest units until the caps hold.
   * Append a tool call and its results in one call where possible: results appended later join
   * their call only if nothing else was appended in between.
   *
   * @throws dev.codexcontinue.api.exception.MemoryStoreException when the store fails; the session
   *     is then reloaded from the store when next used
   */
  public void append(SessionKey key, List<ChatMessage> messages) {
    List<ChatMessage> copy = List.copyOf(Objects.requireNonNull(messages, "messages == null"));
    withSession(
        key,
        entry -> {
          SessionWindow window = loaded(entry);
          SessionWindow.Appended appended = window.append(copy);
          if (appended.droppedResults() > 0) {
            log.warn(
                "dropped {} tool result(s) of session {}: their call is not in the session",
                appended.droppedResults(),
                key.sessionId());
          }
          if (store != null) {
            persist(entry, window, appended);
          }
          return null;
        });
  }

  private void persist(SessionEntry entry, SessionWindow window, SessionWindow.Appended appended) {
    SessionStore s = Objects.requireNonNull(store);
    if (appended.accepted().isEmpty() && !appended.rewritesHistory()) {
      return;
    }
    try {
      if (appended.rewritesHistory() || entry.isStoreStale()) {
        s.replace(entry.key(), window.messages());
        entry.storeStale(false);
      } else {
        s.append(entry.key(), appended.accepted());
      }
    } catch (RuntimeException e) {
      entry.window(null); // the store is the truth: reload it rather than diverge from it
      throw e;
    }
  }

  /** Deletes the session's messages, from the store too. */
  public void clear(SessionKey key) {
    withSession(
        key,
        entry -> {
          entry.window(null);
          if (store != null) {
            store.delete(key);
          }
          entry.window(newWindow());
          entry.storeStale(false);
          return null;
        });
  }

  /**
   * Takes the session's lock, waiting as long as another thread holds it, and returns it for a
   * try-with-resources block. While it is held, the session is never evicted.
   *
   * @throws CancelledException when interrupted while waiting (the interrupt flag stays set)
   */
  public SessionLock lock(SessionKey key) {
    ReentrantLock lock = acquire(key).lock();
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.get()) {
        return;
      }
      if (!lock.isHeldByCurrentThread()) {
        throw new IllegalMonitorStateException(
            "a session lock is released by the thread holding it");
      }
      released.set(true);
      lock.unlock();
    };
  }

  /** Returns the keys of the live (cached) sessions, after evicting idle ones. */
  public Set<SessionKey> sessions() {
    ensureOpen();
    registry.sweep();
    return registry.keys();
  }

  /** Returns the number of live (cached) sessions, after evicting idle ones. */
  public int liveSessions() {
    ensureOpen();
    registry.sweep();
    return registry.size();
  }

  /**
   * Forgets the cached sessions and closes the store if this memory created it ({@link
   * Builder#directory}); a store passed to {@link Builder#store} is the caller's to close.
   * Idempotent; other methods throw {@link IllegalStateException} afterwards.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      registry.clear();
      if (ownsStore && store != null) {
        store.close();
      }
    }
  }

  @Override
  public String toString() {
    return "SessionMemory[maxMessages="
        + maxMessages
        + ", maxTokens="
        + maxTokens
        + ", store="
        + (store == null ? "none" : store.getClass().getSimpleName())
        + "]";
  }

  private <T> T withSession(SessionKey key, Function<SessionEntry, T> operation) {
    SessionEntry entry = acquire(key);
    try {
      return operation.apply(entry);
    } finally {
      entry.lock().unlock();
    }
  }

  private SessionEntry acquire(SessionKey key) {
    Objects.requireNonNull(key, "key == null");
    ensureOpen();
    try {
      return registry.acquire(key);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while waiting for the session's lock");
    }
  }

  private SessionWindow loaded(SessionEntry entry) {
    SessionWindow window = entry.window();
    if (window == null) {
      window = newWindow();
      if (store != null) {
        List<ChatMessage> stored = store.load(entry.key());
        window.append(stored);
        // Caps may have shrunk since the session was written: rewrite it on the next write.
        entry.storeStale(!window.messages().equals(stored));
      }
      entry.window(window);
    }
    return window;
  }

  private SessionWindow newWindow() {
    return new SessionWindow(maxMessages, maxTokens, tokenCounter);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("session memory is closed");
    }
  }

  /** Builds a {@link SessionMemory}. Not thread-safe. */
  public static final class Builder {
    @Nullable private SessionStore store;
    @Nullable private Path directory;
    private int maxMessages = 100;
    private int maxTokens = 32_000;
    private TokenCounter tokenCounter = TokenCounter.estimating();
    private int maxSessions = 10_000;
    private Duration idleTtl = Duration.ofHours(2);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Persists sessions in {@code store}, which stays the caller's to close; none by default. */
    public Builder store(SessionStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Persists sessions in a {@link JsonlSessionStore} opened on {@code directory} when the memory
     * is built, and closed with it.
     */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /** Sets the most messages a session keeps, system message included; 100 by default. */
    public Builder maxMessages(int maxMessages) {
      this.maxMessages = Checks.positive(maxMessages, "maxMessages");
      return this;
    }

    /** Sets the most tokens a session keeps, system message included; 32,000 by default. */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = Checks.positive(maxTokens, "maxTokens");
      return this;
    }

    /** Sets how tokens are counted; {@link TokenCounter#estimating()} by default. */
    public Builder tokenCounter(TokenCounter tokenCounter) {
      this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter == null");
      return this;
    }

    /** Sets the most sessions kept live at once; 10,000 by default. */
    public Builder maxSessions(int maxSessions) {
      this.maxSessions = Checks.positive(maxSessions, "maxSessions");
      return this;
    }

    /** Sets how long an unused session stays live; 2 hours by default. */
    public Builder idleTtl(Duration idleTtl) {
      Objects.requireNonNull(idleTtl, "idleTtl == null");
      if (idleTtl.isNegative() || idleTtl.isZero()) {
        throw new IllegalArgumentException("idleTtl must be > 0, was " + idleTtl);
      }
      this.idleTtl = idleTtl;
      return this;
    }

    /** Sets the clock that measures idle time; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Returns the memory.
     *
     * @throws IllegalStateException when both a store and a directory are set
     * @throws dev.codexcontinue.api.exception.MemoryStoreException when the directory cannot be
     *     opened
     */
    public SessionMemory build() {
      if (store != null && directory != null) {
        throw new IllegalStateException("set either store(..) or directory(..), not both");
      }
      if (directory != null) {
        return new SessionMemory(this, JsonlSessionStore.open(directory), true);
      }
      return new SessionMemory(this, store, false);
    }
  }
}
