package dev.codexcontinue.core.internal.stream;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.StreamException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the stream contract around a consumer's sink, whatever the source does: chunks are
 * delivered serially, nothing follows the first terminal call, and exactly one terminal call is
 * made. A consumer whose {@code onChunk} throws gets its stream cancelled and one {@code onError};
 * {@link #cancel()} ends the stream with one {@link CancelledException}.
 *
 * @param <R> the final result type
 */
public final class TerminalGuard<R> implements StreamSink<R>, Cancellable {
  private static final Logger log = LoggerFactory.getLogger(TerminalGuard.class);

  private final StreamSink<R> consumer;
  private final AtomicBoolean terminated = new AtomicBoolean();
  private volatile Cancellable upstream = () -> {};
  private final AtomicLong delivered = new AtomicLong();
  private final Object lock = new Object();

  private TerminalGuard(StreamSink<R> consumer) {
    this.consumer = consumer;
  }

  /** Starts {@code source} into {@code consumer} under the guard and returns the guard. */
  public static <R> TerminalGuard<R> start(StreamSource<R> source, StreamSink<R> consumer) {
    TerminalGuard<R> guard = new TerminalGuard<>(consumer);
    try {
      guard.setUpstream(source.start(guard));
    } catch (CodexException e) {
      guard.onError(e);
    } catch (RuntimeException e) {
      guard.onError(new StreamException("stream failed to start: " + e, 0, null, e));
    }
    return guard;
  }

  private void setUpstream(Cancellable handle) {
    upstream = handle;
    if (terminated.get()) {
      handle.cancel();
    }
  }

  /** Returns whether the stream has ended. */
  public boolean isTerminated() {
    return terminated.get();
  }

  @Override
  public void onChunk(ChatChunk chunk) {
    synchronized (lock) {
      if (terminated.get()) {
        return;
      }
      try {
        consumer.onChunk(chunk);
        delivered.incrementAndGet();
      } catch (RuntimeException e) {
        failFromConsumer(e);
      }
    }
  }

  @Override
  public void onComplete(R result) {
    synchronized (lock) {
      if (terminated.compareAndSet(false, true)) {
        callTerminal(() -> consumer.onComplete(result));
      }
    }
  }

  @Override
  public void onError(CodexException error) {
    synchronized (lock) {
      if (terminated.compareAndSet(false, true)) {
        callTerminal(() -> consumer.onError(error));
      }
    }
  }

  /** Cancels the source and ends the stream with a {@link CancelledException}. Idempotent. */
  @Override
  public void cancel() {
    upstream.cancel();
    onError(new CancelledException("stream cancelled by the caller"));
  }

  private void failFromConsumer(RuntimeException e) {
    upstream.cancel();
    if (terminated.compareAndSet(false, true)) {
      StreamException failure =
          new StreamException(
              "the stream's listener threw " + e.getClass().getName() + "; stream cancelled",
              delivered.get(),
              null,
              e);
      callTerminal(() -> consumer.onError(failure));
    }
  }

  private static void callTerminal(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      // A terminal callback has nowhere left to report to: the contract says listeners never
      // throw, so log once and carry on.
      log.warn("a stream listener threw from its terminal callback", e);
    }
  }
}
