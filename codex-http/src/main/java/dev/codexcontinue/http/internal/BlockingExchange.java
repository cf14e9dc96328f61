package dev.codexcontinue.http.internal;

import dev.codexcontinue.http.AdmissionLimiter;
import dev.codexcontinue.http.EventStream;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.StreamFormat;
import java.io.IOException;
import javax.annotation.Nullable;
import okhttp3.Call;
import okhttp3.Response;

/** Runs a call on the calling thread, retrying as the policy says. */
public final class BlockingExchange {
  private BlockingExchange() {}

  /** Runs {@code call} until it succeeds or fails for good. */
  public static HttpResult execute(TransportCore core, HttpCall call) {
    @Nullable String key = core.idempotencyKey(call);
    for (int attempt = 0; ; attempt++) {
      Outcome outcome = attempt(core, call, attempt, key);
      if (outcome instanceof Outcome.Success success) {
        return success.result();
      }
      if (outcome instanceof Outcome.Retry retry) {
        // The failed response is closed by now: sleeping never holds a connection.
        core.sleep(retry.delay());
        continue;
      }
      throw ((Outcome.Fail) outcome).failure();
    }
  }

  /**
   * Opens {@code call} as a stream read on the calling thread, retrying failures that happen before
   * the response headers; {@code permit} is released when the stream closes.
   */
  public static EventStream open(
      TransportCore core, HttpCall call, StreamFormat format, AdmissionLimiter.Permit permit) {
    @Nullable String key = core.idempotencyKey(call);
    for (int attempt = 0; ; attempt++) {
      Call okCall = core.newCall(call, attempt, key, true);
      long start = System.nanoTime();
      Outcome outcome;
      try {
        Response response = okCall.execute();
        TrackedResponse tracked = core.track(response);
        core.logResponse(call, response, attempt, start);
        if (response.isSuccessful()) {
          return new PullStream(core, tracked, format, permit);
        }
        try {
          outcome = core.failure(call, response, attempt);
        } finally {
          tracked.close();
        }
      } catch (IOException e) {
        outcome = core.ioFailure(call, e, attempt);
      }
      if (outcome instanceof Outcome.Retry retry) {
        core.sleep(retry.delay());
      } else {
        throw ((Outcome.Fail) outcome).failure();
      }
    }
  }

  private static Outcome attempt(
      TransportCore core, HttpCall call, int attempt, @Nullable String key) {
    Call okCall = core.newCall(call, attempt, key, false);
    long start = System.nanoTime();
    Response response;
    try {
      response = okCall.execute();
    } catch (IOException e) {
      return core.ioFailure(call, e, attempt);
    }
    try (TrackedResponse tracked = core.track(response)) {
      return core.evaluate(call, tracked.response(), attempt, start);
    }
  }
}
