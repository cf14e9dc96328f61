package dev.codexcontinue.core.memory;

/**
 * A session's lock, held for a whole agent turn so that no other turn of the same session
 * interleaves with it. Reentrant: the holder may call every {@link SessionMemory} method for the
 * session while holding it. Close it on the thread that took it, once; closing again does nothing.
 *
 * <pre>{@code
 * try (SessionLock lock = memory.lock(key)) {
 *   List<ChatMessage> history = memory.window(key, 8_000);
 *   // ... call the model ...
 *   memory.append(key, turn);
 * }
 * }</pre>
 */
public interface SessionLock extends AutoCloseable {
  /**
   * Releases the lock.
   *
   * @throws IllegalMonitorStateException when called from a thread that does not hold it
   */
  @Override
  void close();
}
