package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.memory.SessionKey;
import java.util.concurrent.locks.ReentrantLock;
import javax.annotation.Nullable;

/**
 * One live session in a {@link SessionRegistry}: its lock, its window once loaded, and when it was
 * last used. Every field but the two use stamps is guarded by {@link #lock()}; the stamps are
 * volatile so that eviction can choose victims without taking every lock.
 */
public final class SessionEntry {
  private final SessionKey key;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile long lastAccessMillis;
  private volatile long lastUseTick;
  private boolean evicted;
  @Nullable private SessionWindow window;
  private boolean storeStale;

  SessionEntry(SessionKey key, long nowMillis, long tick) {
    this.key = key;
    this.lastAccessMillis = nowMillis;
    this.lastUseTick = tick;
  }

  /** Returns the session's key. */
  public SessionKey key() {
    return key;
  }

  /** Returns the lock that serializes every operation on the session. */
  public ReentrantLock lock() {
    return lock;
  }

  /** Returns the loaded window, or null before the session is loaded or after a failed write. */
  @Nullable
  public SessionWindow window() {
    return window;
  }

  /** Sets the window; null makes the next operation reload the session from its store. */
  public void window(@Nullable SessionWindow window) {
    this.window = window;
  }

  /** Returns whether the store holds something else than the window and must be rewritten. */
  public boolean isStoreStale() {
    return storeStale;
  }

  /** Records whether the store must be rewritten on the next write. */
  public void storeStale(boolean stale) {
    this.storeStale = stale;
  }

  boolean isEvicted() {
    return evicted;
  }

  void markEvicted() {
    evicted = true;
    window = null;
  }

  void touch(long nowMillis, long tick) {
    lastAccessMillis = nowMillis;
    lastUseTick = tick;
  }

  long lastAccessMillis() {
    return lastAccessMillis;
  }

  long lastUseTick() {
    return lastUseTick;
  }
}
