package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.OverloadedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounded admission of agent turns, fair between users: at most {@code maxConcurrent} turns run; up
 * to {@code maxQueued} more wait, each user in a queue of their own, and a freed slot goes to the
 * next user in turn (round-robin), so that one user's burst cannot starve the others. A wait longer
 * than the timeout, or a full queue, fails with {@link OverloadedException}; cancelling a waiting
 * turn takes it out of its queue; closing fails every waiting turn. Thread-safe.
 */
final class TurnQueue {
  private final int maxConcurrent;
  private final int maxQueued;
  private final Duration timeout;
  private final Map<String, ArrayDeque<Waiter>> queues = new HashMap<>();
  private final ArrayDeque<String> rotation = new ArrayDeque<>();
  private int running;
  private int queued;
  private boolean closed;

  TurnQueue(int maxConcurrent, int maxQueued, Duration timeout) {
    this.maxConcurrent = maxConcurrent;
    this.maxQueued = maxQueued;
    this.timeout = timeout;
  }

  /** A waiting turn of {@code user}. */
  private final class Waiter extends CompletableFuture<Permit> {
    final String user;

    Waiter(String user) {
      this.user = user;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        remove(this);
      }
      return cancelled;
    }
  }

  /**
   * Returns a future permit for a turn of {@code user}: complete at once when a slot is free and
   * nobody waits, failed when the queue is full, else completed in the user's turn. Cancelling the
   * future leaves the queue.
   */
  CompletableFuture<Permit> acquire(String user) {
    Waiter waiter;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new CancelledException("the agent is closed"));
      }
      if (running < maxConcurrent && queued == 0) {
        running++;
        return CompletableFuture.completedFuture(new Permit());
      }
      if (queued >= maxQueued) {
        return CompletableFuture.failedFuture(
            new OverloadedException(
                "too many agent turns: " + running + " running and " + queued + " waiting"));
      }
      waiter = new Waiter(user);
      ArrayDeque<Waiter> queue = queues.computeIfAbsent(user, u -> new ArrayDeque<>());
      if (queue.isEmpty()) {
        rotation.add(user);
      }
      queue.add(waiter);
      queued++;
    }
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
        .execute(
            () -> {
              if (remove(waiter)) {
                waiter.completeExceptionally(
                    new OverloadedException(
                        "no agent turn slot free within " + timeout.toMillis() + " ms"));
              }
            });
    return waiter;
  }

  /** Returns how many turns run. */
  synchronized int running() {
    return running;
  }

  /** Returns how many turns wait. */
  synchronized int queued() {
    return queued;
  }

  /** Fails every waiting turn with {@link CancelledException}; later acquires fail at once. */
  void close() {
    List<Waiter> failed = new ArrayList<>();
    synchronized (this) {
      closed = true;
      queues.values().forEach(failed::addAll);
      queues.clear();
      rotation.clear();
      queued = 0;
    }
    failed.forEach(w -> w.completeExceptionally(new CancelledException("the agent is closed")));
  }

  private synchronized boolean remove(Waiter waiter) {
    ArrayDeque<Waiter> queue = queues.get(waiter.user);
    if (queue == null || !queue.remove(waiter)) {
      return false;
    }
    queued--;
    if (queue.isEmpty()) {
      queues.remove(waiter.user);
      rotation.remove(waiter.user);
    }
    return true;
  }

  private void release() {
    while (true) {
      Waiter next;
      synchronized (this) {
        next = nextInRotation();
        if (next == null) {
          running--;
          return;
        }
      }
      // Hand the slot over outside the lock: completing runs the waiter's continuation.
      if (next.complete(new Permit())) {
        return;
      }
    }
  }

  /** Takes the head of the next user's queue and moves that user to the back of the rotation. */
  @javax.annotation.Nullable
  private Waiter nextInRotation() {
    String user = rotation.poll();
    if (user == null) {
      return null;
    }
    ArrayDeque<Waiter> queue = queues.get(user);
    if (queue == null) {
      return null;
    }
    Waiter next = queue.poll();
    queued--;
    if (queue.isEmpty()) {
      queues.remove(user);
    } else {
      rotation.add(user);
    }
    return next;
  }

  @Override
  public synchronized String toString() {
    return "TurnQueue[running=" + running + "/" + maxConcurrent + ", queued=" + queued + "]";
  }

  /** A taken slot; closing gives it back, once. */
  final class Permit implements AutoCloseable {
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit() {}

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        release();
      }
    }
  }
}
