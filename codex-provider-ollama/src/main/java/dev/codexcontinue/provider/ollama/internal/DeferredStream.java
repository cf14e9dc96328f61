package dev.codexcontinue.provider.ollama.internal;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.StreamException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import javax.annotation.Nullable;

/**
 * A stream that starts once a preparation step (asking {@code /api/show} for the model's context
 * length) has finished. Cancelling it cancels the preparation or the running stream, whichever is
 * under way; the listener still gets exactly one terminal call and nothing after it, whatever the
 * race between the two threads.
 */
final class DeferredStream<T> implements Cancellable {
  private final Guard listener;
  private final CompletableFuture<T> preparation;
  private final BiFunction<T, StreamListener, Cancellable> open;
  private volatile boolean cancelled;
  @Nullable private volatile Cancellable inner;

  private DeferredStream(
      StreamListener listener,
      CompletableFuture<T> preparation,
      BiFunction<T, StreamListener, Cancellable> open) {
    this.listener = new Guard(listener);
    this.preparation = preparation;
    this.open = open;
  }

  /**
   * Starts {@code open} with the result of {@code preparation}; a failed preparation ends the
   * stream with its error.
   */
  static <T> Cancellable start(
      CompletableFuture<T> preparation,
      BiFunction<T, StreamListener, Cancellable> open,
      StreamListener listener) {
    DeferredStream<T> stream = new DeferredStream<>(listener, preparation, open);
    preparation.whenComplete(stream::prepared);
    return stream;
  }

  private void prepared(@Nullable T value, @Nullable Throwable error) {
    if (cancelled) {
      return;
    }
    if (error != null) {
      Throwable cause = Chained.unwrap(error);
      listener.onError(
          cause instanceof CodexException codex
              ? codex
              : new StreamException("preparing the stream failed", 0, null, cause));
      return;
    }
    Cancellable started;
    try {
      started = open.apply(value, listener);
    } catch (CodexException e) {
      listener.onError(e);
      return;
    } catch (RuntimeException e) {
      listener.onError(new StreamException("starting the stream failed", 0, null, e));
      return;
    }
    inner = started;
    // Dekker-style: cancel() writes cancelled then reads inner; this writes inner then reads
    // cancelled, so at least one of them cancels the started stream.
    if (cancelled) {
      started.cancel();
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    preparation.cancel(true);
    Cancellable c = inner;
    if (c != null) {
      c.cancel();
    }
    listener.onError(new CancelledException("stream cancelled"));
  }

  /** Passes calls on until the first terminal one, then drops everything. */
  private static final class Guard implements StreamListener {
    private final StreamListener delegate;
    private boolean ended;

    Guard(StreamListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized void onChunk(ChatChunk chunk) {
      if (!ended) {
        delegate.onChunk(chunk);
      }
    }

    @Override
    public synchronized void onComplete(ChatResponse response) {
      if (!ended) {
        ended = true;
        delegate.onComplete(response);
      }
    }

    @Override
    public synchronized void onError(CodexException error) {
      if (!ended) {
        ended = true;
        delegate.onError(error);
      }
    }
  }
}
