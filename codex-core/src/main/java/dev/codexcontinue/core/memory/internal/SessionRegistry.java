package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.memory.SessionKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live sessions: a concurrent map with a global cap (least recently used evicted first) and an
 * idle time-to-live. The hot path takes only the session's own lock; the eviction lock is taken
 * only when a new session pushes the count over the cap. A session whose lock is held (a turn in
 * progress) is never evicted, so the count may exceed the cap while every older session is busy.
 * Expiry needs no thread: an expired session is dropped when it is next used, and a sweep runs at
 * most once per sweep interval on the way into any operation.
 */
public final class SessionRegistry {
  private static final long MAX_SWEEP_INTERVAL_MILLIS = 60_000;
  private static final int MAX_EVICTION_ROUNDS = 16;

  private final ConcurrentHashMap<SessionKey, SessionEntry> entries = new ConcurrentHashMap<>();
  private final AtomicLong ticks = new AtomicLong();
  private final ReentrantLock evictionLock = new ReentrantLock();
  private final int maxSessions;
  private final long idleTtlMillis;
  private final long sweepIntervalMillis;
  private final Clock clock;
  private final AtomicLong nextSweepMillis;

  /** Creates an empty registry. */
  public SessionRegistry(int maxSessions, Duration idleTtl, Clock clock) {
    this.maxSessions = maxSessions;
    this.idleTtlMillis = saturatedMillis(idleTtl);
    this.sweepIntervalMillis = Math.max(1, Math.min(idleTtlMillis, MAX_SWEEP_INTERVAL_MILLIS));
    this.clock = clock;
    this.nextSweepMillis = new AtomicLong(clock.millis() + sweepIntervalMillis);
  }

  private static long saturatedMillis(Duration d) {
    try {
      return d.toMillis();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Returns the live entry of {@code key}, created if needed, locked by the calling thread; the
   * caller unlocks it. An entry evicted or expired meanwhile is replaced by a fresh one.
   *
   * @throws InterruptedException when interrupted while waiting for the session's lock
   */
  public SessionEntry acquire(SessionKey key) throws InterruptedException {
    while (true) {
      sweepIfDue(clock.millis());
      SessionEntry entry = entries.get(key);
      if (entry == null) {
        SessionEntry created = new SessionEntry(key, clock.millis(), ticks.incrementAndGet());
        entry = entries.putIfAbsent(key, created);
        if (entry == null) {
          entry = created;
          evictOverCap(created);
        }
      }
      entry.lock().lockInterruptibly();
      long now = clock.millis();
      if (entry.isEvicted()) {
        entry.lock().unlock();
        continue;
      }
      // An outer hold (a turn's SessionLock) keeps the session alive however long the turn takes.
      if (entry.lock().getHoldCount() == 1 && isIdle(entry, now)) {
        evictLocked(entry);
        entry.lock().unlock();
        continue;
      }
      entry.touch(now, ticks.incrementAndGet());
      return entry;
    }
  }

  /** Evicts every idle session that is not in use, now. */
  public void sweep() {
    long now = clock.millis();
    nextSweepMillis.set(now + sweepIntervalMillis);
    for (SessionEntry entry : entries.values()) {
      if (isIdle(entry, now)) {
        tryEvict(entry, true, now);
      }
    }
  }

  private void sweepIfDue(long now) {
    long due = nextSweepMillis.get();
    if (now >= due && nextSweepMillis.compareAndSet(due, now + sweepIntervalMillis)) {
      sweep();
    }
  }

  /** Returns the keys of the live sessions. */
  public Set<SessionKey> keys() {
    return Set.copyOf(entries.keySet());
  }

  /** Returns the number of live sessions. */
  public int size() {
    return entries.size();
  }

  /** Forgets every session. */
  public void clear() {
    entries.clear();
  }

  private boolean isIdle(SessionEntry entry, long now) {
    return now - entry.lastAccessMillis() >= idleTtlMillis;
  }

  private void evictOverCap(SessionEntry keep) {
    if (entries.size() <= maxSessions) {
      return;
    }
    evictionLock.lock();
    try {
      // Busy sessions are skipped; when every old session is busy, stay over the cap for now.
      // A victim that became busy between the scan and its eviction is skipped by the next scan.
      for (int round = 0; round < MAX_EVICTION_ROUNDS; round++) {
        int excess = entries.size() - maxSessions;
        if (excess <= 0 || evictLeastRecent(excess, keep) < 0) {
          return;
        }
      }
    } finally {
      evictionLock.unlock();
    }
  }

  /** Evicts up to {@code count} least recently used entries not in use; -1 when all are in use. */
  private int evictLeastRecent(int count, SessionEntry keep) {
    // A max-heap of the `count` least recently used entries: O(n log count) per new session.
    PriorityQueue<SessionEntry> oldest =
        new PriorityQueue<>(Comparator.comparingLong(SessionEntry::lastUseTick).reversed());
    for (SessionEntry entry : entries.values()) {
      if (entry != keep && !entry.lock().isLocked()) {
        oldest.add(entry);
        if (oldest.size() > count) {
          oldest.poll();
        }
      }
    }
    if (oldest.isEmpty()) {
      return -1;
    }
    List<SessionEntry> victims = new ArrayList<>(oldest);
    victims.sort(Comparator.comparingLong(SessionEntry::lastUseTick));
    int evicted = 0;
    for (SessionEntry victim : victims) {
      if (tryEvict(victim, false, 0)) {
        evicted++;
      }
    }
    return evicted;
  }

  private boolean tryEvict(SessionEntry entry, boolean onlyIfIdle, long now) {
    if (entry.lock().isHeldByCurrentThread() || !entry.lock().tryLock()) {
      return false;
    }
    try {
      if (entry.isEvicted() || (onlyIfIdle && !isIdle(entry, now))) {
        return false;
      }
      evictLocked(entry);
      return true;
    } finally {
      entry.lock().unlock();
    }
  }

  private void evictLocked(SessionEntry entry) {
    entry.markEvicted();
    entries.remove(entry.key(), entry);
  }
}
