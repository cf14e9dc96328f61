package dev.codexcontinue.core.memory;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.api.memory.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SessionStore} in this JVM's heap, for tests and for single-process hosts that want
 * sessions to outlive {@link SessionMemory}'s cache but not the process. Factory id {@code
 * in-memory}. Thread-safe. {@link #close()} forgets every session; every other method throws {@link
 * IllegalStateException} afterwards.
 */
public final class InMemorySessionStore implements SessionStore {
  private final ConcurrentHashMap<SessionKey, List<ChatMessage>> sessions =
      new ConcurrentHashMap<>();
  private volatile boolean closed;

  private InMemorySessionStore() {}

  /** Returns an empty store. */
  public static InMemorySessionStore create() {
    return new InMemorySessionStore();
  }

  @Override
  public List<ChatMessage> load(SessionKey key) {
    Objects.requireNonNull(key, "key == null");
    ensureOpen();
    List<ChatMessage> messages = sessions.get(key);
    return messages == null ? List.of() : messages;
  }

  @Override
  public void append(SessionKey key, List<ChatMessage> messages) {
    Objects.requireNonNull(key, "key == null");
    List<ChatMessage> added = List.copyOf(Objects.requireNonNull(messages, "messages == null"));
    ensureOpen();
    // Each stored list is immutable, so load() hands it out without copying.
    sessions.merge(
        key,
        added,
        (old, more) -> {
          List<ChatMessage> all = new ArrayList<>(old.size() + more.size());
          all.addAll(old);
          all.addAll(more);
          return List.copyOf(all);
        });
  }

  @Override
  public void replace(SessionKey key, List<ChatMessage> messages) {
    Objects.requireNonNull(key, "key == null");
    ensureOpen();
    sessions.put(key, List.copyOf(Objects.requireNonNull(messages, "messages == null")));
  }

  @Override
  public void delete(SessionKey key) {
    Objects.requireNonNull(key, "key == null");
    ensureOpen();
    sessions.remove(key);
  }

  @Override
  public Set<SessionKey> keys() {
    ensureOpen();
    return Set.copyOf(sessions.keySet());
  }

  @Override
  public void close() {
    closed = true;
    sessions.clear();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("session store is closed");
    }
  }

  @Override
  public String toString() {
    return "InMemorySessionStore[sessions=" + sessions.size() + "]";
  }
}
