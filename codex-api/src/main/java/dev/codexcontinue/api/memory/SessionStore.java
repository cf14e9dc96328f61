package dev.codexcontinue.api.memory;

import dev.codexcontinue.api.ChatMessage;
import java.util.List;
import java.util.Set;

/**
 * Where session (short-term) conversations persist between runs and between machines. The agent's
 * session memory applies windowing and eviction on top; a store only keeps messages in order.
 * Implementations are thread-safe; calls for one session are serialized by the caller.
 */
public interface SessionStore extends AutoCloseable {
  /** Returns the session's messages, oldest first; empty for an unknown session. */
  List<ChatMessage> load(SessionKey key);

  /** Appends messages to the session, creating it if needed. */
  void append(SessionKey key, List<ChatMessage> messages);

  /** Replaces the session's messages (after windowing dropped the oldest). */
  void replace(SessionKey key, List<ChatMessage> messages);

  /** Deletes the session. */
  void delete(SessionKey key);

  /** Returns the keys of the stored sessions. */
  Set<SessionKey> keys();

  /** Releases the store. Idempotent. */
  @Override
  void close();
}
