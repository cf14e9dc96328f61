package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one model call of the tool loop, either as a plain call or as a stream whose chunks reach
 * the turn's consumer. Both wait the same way: within the turn's wall clock, and stoppable by the
 * turn's cancellation, which cancels the underlying HTTP call.
 */
interface ModelInvoker {
  /**
   * Calls the model and waits for the whole response.
   *
   * @throws WallClockExceeded when the turn's wall-clock budget runs out first
   */
  ChatResponse call(ChatRequest request, TurnContext turn);

  /** Returns whether the call streams its chunks to the turn's consumer. */
  default boolean streams() {
    return false;
  }

  /** The turn ran out of wall-clock time while waiting for the model. */
  final class WallClockExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WallClockExceeded() {
      super("wall-clock budget exceeded", null, false, false);
    }
  }

  /** Waits for {@code future} within the turn's budget; {@code stop} cancels the call. */
  static ChatResponse await(
      CompletableFuture<ChatResponse> future, Runnable stop, TurnContext turn) {
    Runnable unregister = turn.cancellation.onCancel(stop);
    try {
      long remaining = turn.remainingNanos();
      if (remaining <= 0) {
        throw new WallClockExceeded();
      }
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      stop.run();
      throw new WallClockExceeded();
    } catch (CancellationException e) {
      throw new CancelledException("agent turn cancelled");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.run();
      throw new CancelledException("interrupted while waiting for the model");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CodexException codex) {
        throw codex;
      }
      throw new CodexException("the provider failed: " + cause, cause);
    } finally {
      unregister.run();
    }
  }
}
