package dev.codexcontinue.provider.ollama.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Chains two asynchronous steps (ask the model's context length, then call) into one future whose
 * {@code cancel(true)} cancels whichever step is running, so cancelling still closes the HTTP call.
 */
final class Chained {
  private Chained() {}

  /**
   * Returns the future {@code next} makes from the outcome of {@code first} (its value, or its
   * error unwrapped, the other being null), cancellable as one. An exception {@code next} throws
   * fails the result.
   */
  static <A, B> CompletableFuture<B> then(
      CompletableFuture<A> first, BiFunction<A, Throwable, CompletableFuture<B>> next) {
    AtomicReference<CompletableFuture<B>> second = new AtomicReference<>();
    CompletableFuture<B> result =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            first.cancel(mayInterruptIfRunning);
            CompletableFuture<B> s = second.get();
            if (s != null) {
              s.cancel(mayInterruptIfRunning);
            }
            return cancelled;
          }
        };
    first.whenComplete(
        (a, error) -> {
          if (result.isDone()) {
            return;
          }
          CompletableFuture<B> s;
          try {
            s = next.apply(a, error == null ? null : unwrap(error));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
          }
          second.set(s);
          if (result.isCancelled()) {
            s.cancel(true);
            return;
          }
          s.whenComplete(
              (b, e) -> {
                if (e != null) {
                  result.completeExceptionally(unwrap(e));
                } else {
                  result.complete(b);
                }
              });
        });
    return result;
  }

  /** Returns the cause of a {@link CompletionException}, else {@code error} itself. */
  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
