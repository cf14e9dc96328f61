package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.exception.CancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cancellation signal of one turn. Whatever the turn is waiting on (a model call, a stream, a
 * tool) registers how to stop it; cancelling runs those hooks once, from the cancelling thread.
 */
final class TurnCancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Runnable> hooks = new ArrayList<>();

  /** Registers {@code hook}; runs it at once when already cancelled. Returns its removal. */
  Runnable onCancel(Runnable hook) {
    synchronized (hooks) {
      if (!cancelled.get()) {
        hooks.add(hook);
        return () -> {
          synchronized (hooks) {
            hooks.remove(hook);
          }
        };
      }
    }
    hook.run();
    return () -> {};
  }

  /** Cancels the turn. Idempotent. */
  void cancel() {
    if (!cancelled.compareAndSet(false, true)) {
      return;
    }
    List<Runnable> toRun;
    synchronized (hooks) {
      toRun = new ArrayList<>(hooks);
      hooks.clear();
    }
    toRun.forEach(Runnable::run);
  }

  boolean isCancelled() {
    return cancelled.get();
  }

  void throwIfCancelled() {
    if (cancelled.get()) {
      throw new CancelledException("agent turn cancelled");
    }
  }
}
