package dev.codexcontinue.http;

import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.OverloadedException;
import dev.codexcontinue.http.internal.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds how many calls run at once and how many wait, because OkHttp's own ready queue is
 * unbounded. A call takes a permit before its first attempt and gives it back when it ends; when
 * every permit is taken the call waits in a queue of bounded length for at most the acquire
 * timeout. A full queue or an expired wait fails the call at once with {@link OverloadedException}.
 * Thread-safe.
 */
public final class AdmissionLimiter {
  private static final AdmissionLimiter UNLIMITED =
      builder().maxConcurrent(Integer.MAX_VALUE).maxQueued(0).build();

  private final int maxConcurrent;
  private final int maxQueued;
  private final Duration acquireTimeout;
  private final ArrayDeque<CompletableFuture<Permit>> waiters = new ArrayDeque<>();
  private int running;

  private AdmissionLimiter(Builder b) {
    this.maxConcurrent = b.maxConcurrent;
    this.maxQueued = b.maxQueued;
    this.acquireTimeout = b.acquireTimeout;
  }

  /** Returns a limiter that admits every call. */
  public static AdmissionLimiter unlimited() {
    return UNLIMITED;
  }

  /** Returns a builder: 64 running, 256 queued, 30 s acquire timeout by default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a future permit: already complete when one is free, failed with {@link
   * OverloadedException} when the queue is full, else completed when a permit frees up or failed
   * when the acquire timeout passes first. Cancelling the future leaves the queue.
   */
  public CompletableFuture<Permit> acquireAsync() {
    CompletableFuture<Permit> waiter;
    synchronized (this) {
      if (running < maxConcurrent) {
        running++;
        return CompletableFuture.completedFuture(new Permit());
      }
      if (waiters.size() >= maxQueued) {
        return CompletableFuture.failedFuture(
            new OverloadedException(
                "too many calls: " + running + " running and " + waiters.size() + " waiting"));
      }
      waiter = new CompletableFuture<>();
      waiters.add(waiter);
    }
    CompletableFuture.delayedExecutor(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
        .execute(() -> expire(waiter));
    return waiter;
  }

  /**
   * Takes a permit, waiting in the queue when none is free.
   *
   * @throws OverloadedException when the queue is full or the wait times out
   * @throws CancelledException when the thread is interrupted while waiting (the interrupt flag
   *     stays set)
   */
  public Permit acquire() {
    CompletableFuture<Permit> future = acquireAsync();
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (!future.cancel(false) && !future.isCompletedExceptionally()) {
        future.join().close();
      }
      throw new CancelledException("interrupted while waiting for admission");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OverloadedException overloaded) {
        throw overloaded;
      }
      throw new OverloadedException("admission failed: " + e.getCause());
    }
  }

  /** Returns how many permits are taken. */
  public synchronized int running() {
    return running;
  }

  /** Returns how many calls wait for a permit. */
  public synchronized int queued() {
    return waiters.size();
  }

  private void expire(CompletableFuture<Permit> waiter) {
    boolean removed;
    synchronized (this) {
      removed = waiters.remove(waiter);
    }
    if (removed) {
      waiter.completeExceptionally(
          new OverloadedException("no call slot free within " + acquireTimeout.toMillis() + " ms"));
    }
  }

  private void release() {
    while (true) {
      CompletableFuture<Permit> next;
      synchronized (this) {
        next = waiters.poll();
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

  @Override
  public synchronized String toString() {
    return "AdmissionLimiter[running="
        + running
        + "/"
        + maxConcurrent
        + ", queued="
        + waiters.size()
        + "/"
        + maxQueued
        + "]";
  }

  /** A taken slot; {@link #close()} gives it back. Closing twice gives it back once. */
  public final class Permit implements AutoCloseable {
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit() {}

    /** Gives the slot back. */
    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        release();
      }
    }
  }

  /** Builds an {@link AdmissionLimiter}. Not thread-safe. */
  public static final class Builder {
    private int maxConcurrent = 64;
    private int maxQueued = 256;
    private Duration acquireTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /** Sets how many calls may run at once. */
    public Builder maxConcurrent(int maxConcurrent) {
      if (maxConcurrent <= 0) {
        throw new IllegalArgumentException("maxConcurrent must be > 0");
      }
      this.maxConcurrent = maxConcurrent;
      return this;
    }

    /** Sets how many calls may wait for a slot; 0 rejects as soon as all slots are taken. */
    public Builder maxQueued(int maxQueued) {
      if (maxQueued < 0) {
        throw new IllegalArgumentException("maxQueued must be >= 0");
      }
      this.maxQueued = maxQueued;
      return this;
    }

    /** Sets how long a call may wait for a slot. */
    public Builder acquireTimeout(Duration timeout) {
      this.acquireTimeout = Durations.positive(timeout, "acquireTimeout");
      return this;
    }

    /** Returns the limiter. */
    public AdmissionLimiter build() {
      return new AdmissionLimiter(this);
    }
  }
}
