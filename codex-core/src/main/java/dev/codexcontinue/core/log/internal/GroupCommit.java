package dev.codexcontinue.core.log.internal;

import dev.codexcontinue.api.exception.MemoryStoreException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit without a thread of its own: the first appender to wait becomes the leader, lets the
 * window pass so that others can write, forces once for all of them, and wakes them; the others
 * wait for a force that covers their record. A failed force wakes everyone, and the next waiter
 * leads a new attempt.
 */
public final class GroupCommit {
  /** Forces the log; returns the last sequence number on disk afterwards. */
  @FunctionalInterface
  public interface Force {
    /** Forces and returns the last durable sequence number. */
    long force() throws IOException;
  }

  private final long windowNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition forced = lock.newCondition();
  private long durable;
  private boolean leading;

  /** Creates a group commit with the given window. */
  public GroupCommit(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /**
   * Returns once record {@code seq} is on disk, forcing with {@code force} when this caller leads.
   *
   * @throws MemoryStoreException when the force this caller led failed
   */
  public void await(long seq, Force force) {
    lock.lock();
    try {
      while (durable < seq) {
        if (leading) {
          forced.awaitUninterruptibly();
          continue;
        }
        leading = true;
        long covered = -1;
        IOException failure = null;
        lock.unlock();
        try {
          pause();
          covered = force.force();
        } catch (IOException e) {
          failure = e;
        } finally {
          lock.lock();
          leading = false;
          durable = Math.max(durable, covered);
          forced.signalAll();
        }
        if (failure != null) {
          throw new MemoryStoreException("cannot force the conversation log", failure);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void pause() {
    try {
      TimeUnit.NANOSECONDS.sleep(windowNanos);
    } catch (InterruptedException e) {
      // Force at once; the caller's interrupt stays set for its own code.
      Thread.currentThread().interrupt();
    }
  }
}
