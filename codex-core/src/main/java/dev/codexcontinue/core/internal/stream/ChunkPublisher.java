package dev.codexcontinue.core.internal.stream;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.exception.CodexException;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nullable;

/**
 * A cold {@link Flow.Publisher} of chunks: each subscription starts its own stream. Signals are
 * serial (a work-in-progress counter drains the buffer on one thread at a time), chunks are sent
 * only as demanded, and the stream ends with {@code onComplete} or {@code onError} once. Chunks
 * that arrive before demand wait in a buffer; a stream's chunks are small and finite.
 *
 * @param <R> the final result type of the source, which the publisher does not emit
 */
public final class ChunkPublisher<R> implements Flow.Publisher<ChatChunk> {
  private final StreamSource<R> source;

  /** Returns a publisher that starts {@code source} for every subscriber. */
  public ChunkPublisher(StreamSource<R> source) {
    this.source = Objects.requireNonNull(source, "source == null");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber == null");
    Subscription<R> subscription = new Subscription<>(subscriber);
    subscriber.onSubscribe(subscription);
    subscription.start(source);
  }

  private static final class Subscription<R> implements Flow.Subscription, StreamSink<R> {
    private final Flow.Subscriber<? super ChatChunk> subscriber;
    private final Queue<ChatChunk> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean signalledEnd = new AtomicBoolean();
    private volatile boolean done;
    @Nullable private volatile Throwable error;
    @Nullable private volatile TerminalGuard<R> guard;

    Subscription(Flow.Subscriber<? super ChatChunk> subscriber) {
      this.subscriber = subscriber;
    }

    void start(StreamSource<R> source) {
      if (!cancelled.get()) {
        TerminalGuard<R> started = TerminalGuard.start(source, this);
        guard = started;
        if (cancelled.get()) {
          started.cancel();
        }
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        error = new IllegalArgumentException("Flow rule 3.9: request(" + n + ") must be positive");
        done = true;
        cancelUpstream();
      } else {
        demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      }
      drain();
    }

    @Override
    public void cancel() {
      if (cancelled.compareAndSet(false, true)) {
        cancelUpstream();
        buffer.clear();
      }
    }

    private void cancelUpstream() {
      TerminalGuard<R> g = guard;
      if (g != null) {
        g.cancel();
      }
    }

    @Override
    public void onChunk(ChatChunk chunk) {
      buffer.add(chunk);
      drain();
    }

    @Override
    public void onComplete(R result) {
      done = true;
      drain();
    }

    @Override
    public void onError(CodexException failure) {
      if (error == null) {
        error = failure;
      }
      done = true;
      drain();
    }

    private void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        emitDemanded();
        if (done && (buffer.isEmpty() || error instanceof IllegalArgumentException)) {
          signalEnd();
        }
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    private void emitDemanded() {
      while (!cancelled.get() && demand.get() > 0) {
        ChatChunk chunk = buffer.poll();
        if (chunk == null) {
          return;
        }
        if (demand.get() != Long.MAX_VALUE) {
          demand.decrementAndGet();
        }
        subscriber.onNext(chunk);
      }
    }

    private void signalEnd() {
      if (cancelled.get() || !signalledEnd.compareAndSet(false, true)) {
        return;
      }
      Throwable failure = error;
      if (failure == null) {
        subscriber.onComplete();
      } else {
        subscriber.onError(failure);
      }
    }
  }
}
