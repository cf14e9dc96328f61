package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.core.ratelimit.RateLimiter;
import dev.codexcontinue.core.trace.Span;
import dev.codexcontinue.core.trace.SpanKind;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;

/**
 * One model call of the tool loop: reserves its request and estimated tokens with the rate limiter
 * (waiting, cancellably and within the turn's wall clock, when the limiter says so), calls the
 * model, settles the tokens it really used, and reports the call as a span.
 */
final class ModelCall {
  private ModelCall() {}

  static ChatResponse run(ModelInvoker invoker, ChatRequest request, TurnContext turn) {
    TurnTracer tracer = turn.tracer;
    TurnTracer.Open span = null;
    if (tracer.enabled()) {
      Span.Builder b =
          tracer
              .span(turn, SpanKind.MODEL_CALL, "chat", turn.stepSpan)
              .provider(turn.runtime.provider().id())
              .streaming(invoker.streams());
      request.model().ifPresent(b::model);
      span = tracer.start(b);
    }
    Duration waited = Duration.ZERO;
    try {
      RateLimiter.Reservation reservation = reserve(turn, request);
      if (reservation != null && !reservation.delay().isZero()) {
        waited = reservation.delay();
        await(turn, reservation);
      }
      turn.firstChunkNanos = 0;
      long sent = System.nanoTime();
      ChatResponse response = invoker.call(request, turn);
      if (reservation != null) {
        reservation.settle(response.usage().totalTokens());
      }
      long first = turn.firstChunkNanos;
      Duration wait = waited;
      tracer.end(
          span,
          end -> {
            end.usage(response.usage()).finishReason(response.finishReason()).rateLimitWait(wait);
            response.id().ifPresent(end::responseId);
            response.model().ifPresent(end::responseModel);
            if (first != 0) {
              end.timeToFirstToken(Duration.ofNanos(Math.max(0, first - sent)));
            }
          });
      return response;
    } catch (RuntimeException e) {
      Duration wait = waited;
      tracer.end(span, end -> end.error(e).rateLimitWait(wait));
      throw e;
    }
  }

  @Nullable
  private static RateLimiter.Reservation reserve(TurnContext turn, ChatRequest request) {
    RateLimiter limiter = turn.runtime.limiterOrNull();
    if (limiter == null) {
      return null;
    }
    long tokens = 0;
    for (ChatMessage m : request.messages()) {
      tokens += turn.runtime.tokenCounter().count(m);
    }
    return limiter.reserve(turn.runtime.provider().id(), turn.session().userId(), tokens);
  }

  /** Waits out the reservation's delay; a cancelled turn or a spent wall clock gives it back. */
  private static void await(TurnContext turn, RateLimiter.Reservation reservation) {
    long nanos = reservation.delay().toNanos();
    if (nanos >= turn.remainingNanos()) {
      reservation.cancel();
      throw new ModelInvoker.WallClockExceeded();
    }
    CompletableFuture<Void> timer = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, Runnable::run)
        .execute(() -> timer.complete(null));
    Runnable unregister = turn.cancellation.onCancel(() -> timer.cancel(false));
    try {
      timer.get();
    } catch (CancellationException e) {
      reservation.cancel();
      throw new CancelledException("agent turn cancelled while waiting for the rate limiter");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reservation.cancel();
      throw new CancelledException("interrupted while waiting for the rate limiter");
    } catch (ExecutionException e) {
      throw new IllegalStateException("a timer failed", e);
    } finally {
      unregister.run();
    }
  }
}
