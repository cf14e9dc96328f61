package dev.codexcontinue.http.internal;

import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.OverloadedException;
import dev.codexcontinue.http.AdmissionLimiter;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.annotation.Nullable;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * Runs a call on OkHttp's dispatcher, retrying as the policy says; cancelling this future cancels
 * the HTTP call in flight and gives the admission permit back.
 */
public final class AsyncExchange extends CompletableFuture<HttpResult> implements Callback {
  private final TransportCore core;
  private final HttpCall call;
  @Nullable private final String key;
  @Nullable private volatile Call current;
  @Nullable private volatile AdmissionLimiter.Permit permit;
  private volatile int attempt;
  private volatile long startNanos;

  private AsyncExchange(TransportCore core, HttpCall call) {
    this.core = core;
    this.call = call;
    this.key = core.idempotencyKey(call);
  }

  /** Starts {@code call} once {@code admission} lets it run. */
  public static AsyncExchange start(TransportCore core, HttpCall call, AdmissionLimiter admission) {
    AsyncExchange exchange = new AsyncExchange(core, call);
    exchange.whenComplete((r, e) -> exchange.releasePermit());
    admission
        .acquireAsync()
        .whenComplete(
            (p, error) -> {
              if (error != null) {
                exchange.completeExceptionally(unwrap(error));
                return;
              }
              exchange.permit = p;
              if (exchange.isDone()) {
                exchange.releasePermit();
                return;
              }
              exchange.send(0);
            });
    return exchange;
  }

  private void send(int n) {
    attempt = n;
    startNanos = System.nanoTime();
    Call c = core.newCall(call, n, key, false);
    current = c;
    if (isDone()) {
      c.cancel();
      return;
    }
    c.enqueue(this);
  }

  @Override
  public void onFailure(Call c, IOException e) {
    if (!isDone()) {
      handle(core.ioFailure(call, e, attempt));
    }
  }

  @Override
  public void onResponse(Call c, Response response) {
    Outcome outcome;
    try (TrackedResponse tracked = core.track(response)) {
      outcome = core.evaluate(call, tracked.response(), attempt, startNanos);
    }
    handle(outcome);
  }

  private void handle(Outcome outcome) {
    if (outcome instanceof Outcome.Success success) {
      complete(success.result());
    } else if (outcome instanceof Outcome.Retry retry) {
      int next = attempt + 1;
      core.sleeper
          .delay(retry.delay())
          .whenComplete(
              (v, e) -> {
                if (!isDone()) {
                  send(next);
                }
              });
    } else {
      completeExceptionally(((Outcome.Fail) outcome).failure());
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Call c = current;
    if (c != null) {
      c.cancel();
    }
    return cancelled;
  }

  private void releasePermit() {
    AdmissionLimiter.Permit p = permit;
    if (p != null) {
      p.close();
    }
  }

  static CodexException unwrap(Throwable error) {
    Throwable t =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return t instanceof CodexException codex
        ? codex
        : new OverloadedException("admission failed: " + t);
  }
}
