package dev.codexcontinue.http.internal;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.IncompleteStreamException;
import dev.codexcontinue.api.exception.ProviderStreamException;
import dev.codexcontinue.api.exception.StreamException;
import dev.codexcontinue.api.exception.StreamInterruptedException;
import dev.codexcontinue.api.exception.StreamProtocolException;
import dev.codexcontinue.api.exception.StreamTimeoutException;
import dev.codexcontinue.http.AdmissionLimiter;
import dev.codexcontinue.http.ErrorBody;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.EventDecoder;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.StreamEvent;
import dev.codexcontinue.http.StreamFormat;
import dev.codexcontinue.http.StreamHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.annotation.Nullable;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed call: retried only while no event has reached the handler, decoded on the OkHttp
 * dispatcher thread, and ended with exactly one terminal call. Event delivery and the terminal call
 * hold one lock, so {@link #cancel()} waits for an event being delivered, delivers the terminal
 * {@link CancelledException}, and no event follows once it returns.
 */
public final class StreamRun implements Cancellable, Callback {
  private static final Logger log = LoggerFactory.getLogger(StreamRun.class);

  private final TransportCore core;
  private final HttpCall call;
  private final StreamFormat format;
  private final StreamHandler handler;
  @Nullable private final String key;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicBoolean terminated = new AtomicBoolean();
  private volatile boolean cancelled;
  @Nullable private volatile Call current;
  @Nullable private volatile AdmissionLimiter.Permit permit;
  private volatile int attempt;
  private volatile long startNanos;
  private long delivered;
  private boolean endSeen;

  private StreamRun(TransportCore core, HttpCall call, StreamFormat format, StreamHandler handler) {
    this.core = core;
    this.call = call;
    this.format = format;
    this.handler = handler;
    this.key = core.idempotencyKey(call);
  }

  /** Starts streaming {@code call} to {@code handler} once {@code admission} lets it run. */
  public static StreamRun start(
      TransportCore core,
      HttpCall call,
      StreamFormat format,
      StreamHandler handler,
      AdmissionLimiter admission) {
    StreamRun run = new StreamRun(core, call, format, handler);
    admission
        .acquireAsync()
        .whenComplete(
            (p, error) -> {
              if (error != null) {
                run.fail(AsyncExchange.unwrap(error));
                return;
              }
              run.permit = p;
              if (run.terminated.get()) {
                p.close();
                return;
              }
              run.send(0);
            });
    return run;
  }

  private void send(int n) {
    attempt = n;
    startNanos = System.nanoTime();
    Call c = core.newCall(call, n, key, true);
    current = c;
    if (cancelled || terminated.get()) {
      c.cancel();
      return;
    }
    c.enqueue(this);
  }

  @Override
  public void onFailure(Call c, IOException e) {
    if (!cancelled && !terminated.get()) {
      beforeFirstEvent(core.ioFailure(call, e, attempt));
    }
  }

  @Override
  public void onResponse(Call c, Response response) {
    try (TrackedResponse tracked = core.track(response)) {
      if (!response.isSuccessful()) {
        core.logResponse(call, response, attempt, startNanos);
        Outcome outcome = core.failure(call, response, attempt);
        tracked.close();
        beforeFirstEvent(outcome);
        return;
      }
      core.logResponse(call, response, attempt, startNanos);
      ResponseBody body = response.body();
      if (format == StreamFormat.SSE && isJson(body.contentType())) {
        rejectJson(response);
        return;
      }
      read(tracked, body.source());
    }
  }

  private void read(TrackedResponse tracked, BufferedSource source) {
    EventDecoder decoder = format.newDecoder(core.maxEventBytes);
    byte[] buffer = new byte[8192];
    try {
      while (!endSeen) {
        int n = source.read(buffer, 0, buffer.length);
        if (n == -1) {
          decoder.finish(this::deliver);
          break;
        }
        decoder.feed(buffer, 0, n, this::deliver);
      }
    } catch (IOException e) {
      tracked.close();
      readFailed(e);
      return;
    } catch (Stop stop) {
      return;
    } catch (CodexException e) {
      tracked.close();
      fail(e);
      return;
    } catch (RuntimeException e) {
      tracked.close();
      fail(
          new StreamException(
              "stream consumer failed: " + e.getClass().getName(), delivered, null, e));
      return;
    }
    // Closing discards what follows the terminator, with OkHttp's own short cap, then releases
    // the connection.
    tracked.close();
    if (endSeen || handler.completesAtEndOfInput()) {
      complete();
    } else {
      fail(
          new IncompleteStreamException(
              "stream from " + core.target(call) + " ended without its terminator",
              delivered,
              ErrorDetails.of(core.provider()),
              null));
    }
  }

  private void deliver(StreamEvent event) {
    lock.lock();
    try {
      if (cancelled || terminated.get()) {
        throw Stop.INSTANCE;
      }
      if (endSeen) {
        return;
      }
      delivered++;
      endSeen = handler.onEvent(event, delivered);
    } finally {
      lock.unlock();
    }
  }

  private void readFailed(IOException e) {
    if (cancelled || terminated.get()) {
      return;
    }
    if (delivered == 0 && core.canRetry(call, attempt)) {
      beforeFirstEvent(core.ioFailure(call, e, attempt));
      return;
    }
    long elapsed = System.nanoTime() - startNanos;
    Duration max = call.maxStreamDuration().orElse(null);
    ErrorDetails details = ErrorDetails.of(core.provider());
    String where = " after " + delivered + " events from " + core.target(call);
    if (max != null && elapsed >= max.toNanos()) {
      fail(
          new StreamTimeoutException(
              "stream ran past its maximum duration of " + max + where, delivered, details, e));
    } else if (ErrorMapper.isTimeout(e)) {
      fail(new StreamTimeoutException("stream idle timeout" + where, delivered, details, e));
    } else {
      String what = core.redactor.redact(String.valueOf(e.getMessage()));
      fail(
          new StreamInterruptedException(
              "stream broken" + where + ": " + what, delivered, details, e));
    }
  }

  private void beforeFirstEvent(Outcome outcome) {
    if (outcome instanceof Outcome.Retry retry) {
      int next = attempt + 1;
      core.sleeper
          .delay(retry.delay())
          .whenComplete(
              (v, e) -> {
                if (!cancelled && !terminated.get()) {
                  send(next);
                }
              });
    } else if (outcome instanceof Outcome.Fail failure) {
      fail(failure.failure());
    } else {
      fail(new StreamProtocolException("unexpected outcome " + outcome, 0, null, null));
    }
  }

  private void rejectJson(Response response) {
    String text = core.readErrorBody(response.body());
    ErrorBody body = core.errors.readBody(response.code(), text);
    ErrorDetails details =
        ErrorDetails.builder(core.provider()).statusCode(response.code()).build();
    response.close();
    if (!body.message().isEmpty()) {
      fail(new ProviderStreamException(core.redactor.redact(body.message()), 0, details, null));
    } else {
      fail(new StreamProtocolException("expected an event stream, got JSON", 0, details, null));
    }
  }

  private static boolean isJson(@Nullable MediaType type) {
    return type != null && type.subtype().equalsIgnoreCase("json");
  }

  @Override
  public void cancel() {
    cancelled = true;
    terminate(null, new CancelledException("stream cancelled"));
    Call c = current;
    if (c != null) {
      c.cancel();
    }
  }

  private void complete() {
    terminate(null, null);
  }

  private void fail(CodexException error) {
    terminate(error, null);
  }

  private void terminate(@Nullable CodexException error, @Nullable CancelledException cancel) {
    lock.lock();
    try {
      if (!terminated.compareAndSet(false, true)) {
        return;
      }
      CodexException terminal = error != null ? error : cancel;
      try {
        if (terminal == null) {
          handler.onComplete();
        } else {
          handler.onError(terminal);
        }
      } catch (RuntimeException e) {
        log.warn(
            "{} stream handler threw from its terminal callback: {}",
            core.provider(),
            e.toString());
      }
    } finally {
      lock.unlock();
    }
    AdmissionLimiter.Permit p = permit;
    if (p != null) {
      p.close();
    }
  }

  /** Unwinds the decoder once the stream has ended or been cancelled. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Stop INSTANCE = new Stop();

    private Stop() {
      super("stream ended", null, false, false);
    }
  }
}
