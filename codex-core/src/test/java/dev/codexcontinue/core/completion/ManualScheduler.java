package dev.codexcontinue.core.completion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A scheduler whose time moves only when the test advances it; due tasks run on that thread. */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final List<Task<?>> tasks = new ArrayList<>();
  private long nowNanos;
  private boolean shutdown;

  /** Moves time forward by {@code d}, running every task that falls due, in due order. */
  void advance(Duration d) {
    long target = nowNanos + d.toNanos();
    while (true) {
      Task<?> next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> t.dueNanos <= target && !t.isDone())
                .min(Comparator.comparingLong(t -> t.dueNanos))
                .orElse(null);
        if (next == null) {
          nowNanos = target;
          tasks.removeIf(FutureTask::isDone);
          return;
        }
        nowNanos = next.dueNanos;
      }
      next.run();
    }
  }

  /** Returns how many scheduled tasks have neither run nor been cancelled. */
  synchronized int pendingTasks() {
    return (int) tasks.stream().filter(t -> !t.isDone()).count();
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task<?> task = new Task<>(command, nowNanos + unit.toNanos(delay));
    tasks.add(task);
    return task;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    final long dueNanos;

    Task(Runnable command, long dueNanos) {
      super(command, null);
      this.dueNanos = dueNanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      synchronized (ManualScheduler.this) {
        return unit.convert(dueNanos - nowNanos, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
