package dev.codexcontinue.server.internal;

import dev.codexcontinue.api.Cancellable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.Nullable;

/**
 * The part of every streamed answer that does not depend on its format: the request thread waits
 * for the terminal event, and the first failed write (the client left) cancels the work behind the
 * stream, even when it fails before the work's handle is known.
 */
abstract class Relay {
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicReference<Cancellable> handle = new AtomicReference<>();
  private final AtomicBoolean gone = new AtomicBoolean();

  /** Waits for the end of the stream that {@code started} controls. */
  final void await(Cancellable started) throws InterruptedException {
    handle.set(started);
    if (gone.get()) {
      started.cancel();
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      started.cancel();
      throw e;
    }
  }

  /** Returns whether the client left before the end. */
  final boolean clientGone() {
    return gone.get();
  }

  /** Records that a write failed and cancels the work. */
  final void clientLeft() {
    if (gone.compareAndSet(false, true)) {
      @Nullable Cancellable h = handle.get();
      if (h != null) {
        h.cancel();
      }
    }
  }

  /** Releases the waiting request thread; called after the terminal event. */
  final void finished() {
    done.countDown();
  }
}
