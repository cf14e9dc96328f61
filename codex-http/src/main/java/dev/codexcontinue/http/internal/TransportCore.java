package dev.codexcontinue.http.internal;

import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.ErrorBody;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpError;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.http.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import javax.annotation.Nullable;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared machinery behind every call shape: building attempts, classifying their outcomes,
 * reading capped bodies, and counting open responses. Immutable apart from the counters.
 */
public final class TransportCore {
  private static final Logger log = LoggerFactory.getLogger(TransportCore.class);

  final ErrorMapper errors;
  final Redactor redactor;
  final RetryPolicy retry;
  final Sleeper sleeper;
  final int maxEventBytes;
  private final OkHttpClient client;
  private final Clock clock;
  private final DoubleSupplier random;
  private final int maxErrorBodyBytes;
  private final long maxResponseBytes;
  private final Duration callTimeout;
  private final Observers observers;
  private final AtomicInteger openResponses = new AtomicInteger();
  private final Map<Duration, OkHttpClient> clientsByReadTimeout = new ConcurrentHashMap<>();

  /** Creates the core; see {@code HttpTransport.Builder} for the meaning of each value. */
  public TransportCore(
      OkHttpClient client,
      ErrorMapper errors,
      Redactor redactor,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random,
      int maxEventBytes,
      int maxErrorBodyBytes,
      long maxResponseBytes,
      Duration callTimeout,
      Observers observers) {
    this.client = client;
    this.errors = errors;
    this.redactor = redactor;
    this.retry = retry;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.maxEventBytes = maxEventBytes;
    this.maxErrorBodyBytes = maxErrorBodyBytes;
    this.maxResponseBytes = maxResponseBytes;
    this.callTimeout = callTimeout;
    this.observers = observers;
  }

  /** Returns the client calls are made with. */
  public OkHttpClient client() {
    return client;
  }

  /** Returns the redactor. */
  public Redactor redactor() {
    return redactor;
  }

  /** Returns how many responses are open now. */
  public int openResponses() {
    return openResponses.get();
  }

  /** Returns the provider id. */
  public String provider() {
    return errors.provider();
  }

  /** Returns the idempotency key for one logical call, or {@code null} when none is sent. */
  @Nullable
  String idempotencyKey(HttpCall call) {
    Optional<String> header = retry.idempotencyHeader();
    if (header.isEmpty() || call.headers().get(header.get()) != null) {
      return null;
    }
    return UUID.randomUUID().toString();
  }

  /** Creates the OkHttp call for attempt {@code attempt} (0 first). */
  Call newCall(HttpCall call, int attempt, @Nullable String idempotencyKey, boolean streaming) {
    Request.Builder request = new Request.Builder().url(call.url()).headers(call.headers());
    RequestBody body =
        call.body()
            .map(bytes -> RequestBody.create(bytes, MediaType.parse(call.contentType())))
            .orElse(null);
    request.method(call.method(), body);
    retry
        .retryCountHeader()
        .filter(name -> call.headers().get(name) == null)
        .ifPresent(name -> request.header(name, Integer.toString(attempt)));
    if (idempotencyKey != null) {
      request.header(retry.idempotencyHeader().orElseThrow(), idempotencyKey);
    }
    OkHttpClient c = call.readTimeout().map(this::clientWithReadTimeout).orElse(client);
    Call okCall = c.newCall(request.build());
    // The client's own call timeout is off: a total deadline applies to whole exchanges, never to
    // streams, which only have an idle timeout and an optional maximum duration.
    Optional<Duration> deadline =
        streaming ? call.maxStreamDuration() : Optional.of(call.timeout().orElse(callTimeout));
    deadline
        .filter(d -> !d.isZero())
        .ifPresent(d -> okCall.timeout().timeout(d.toNanos(), TimeUnit.NANOSECONDS));
    if (log.isTraceEnabled() && body != null) {
      log.trace(
          "{} {} request headers:\n{}body: {}",
          provider(),
          call.operation(),
          redactor.redact(request.build().headers()),
          redactor.redact(new String(call.body().orElseThrow(), StandardCharsets.UTF_8)));
    }
    return okCall;
  }

  TrackedResponse track(Response response) {
    return new TrackedResponse(response, openResponses);
  }

  /** Classifies a response: reads the body of a success, or the capped body of a failure. */
  Outcome evaluate(HttpCall call, Response response, int attempt, long startNanos) {
    logResponse(call, response, attempt, startNanos);
    if (response.isSuccessful()) {
      try {
        byte[] body = readCapped(response.body(), maxResponseBytes);
        String requestId = errors.requestId(response.headers()).orElse("");
        return new Outcome.Success(
            new HttpResult(response.code(), response.headers(), body, requestId));
      } catch (ResponseTooLarge e) {
        return new Outcome.Fail(
            new ProviderException(
                "response of " + call + " larger than " + maxResponseBytes + " bytes",
                ErrorDetails.builder(provider()).statusCode(response.code()).build(),
                null));
      } catch (IOException e) {
        return ioFailure(call, e, attempt);
      }
    }
    return failure(call, response, attempt);
  }

  /** Classifies a non-2xx response; its body is read up to the error-body cap. */
  Outcome failure(HttpCall call, Response response, int attempt) {
    String text = readErrorBody(response.body());
    ErrorBody body = errors.readBody(response.code(), text);
    Optional<Duration> retryAfter = RetryAfter.parse(response.headers(), clock);
    boolean tooLong = retryAfter.filter(d -> d.compareTo(retry.maxRetryAfter()) > 0).isPresent();
    HttpError error =
        new HttpError(
            response.code(), response.headers(), text, body, retryAfter.orElse(null), tooLong);
    ProviderException exception = errors.fromResponse(error, redactor);
    boolean worthRetrying;
    String shouldRetry = response.header("x-should-retry");
    if (tooLong) {
      worthRetrying = false;
    } else if ("true".equalsIgnoreCase(shouldRetry)) {
      worthRetrying = true;
    } else if ("false".equalsIgnoreCase(shouldRetry)) {
      worthRetrying = false;
    } else {
      worthRetrying = retry.isRetryableStatus(response.code()) && exception.isRetryable();
    }
    if (worthRetrying && canRetry(call, attempt)) {
      return retry(call, attempt, retryAfter.orElseGet(() -> backoff(attempt)), exception);
    }
    return new Outcome.Fail(exception);
  }

  /** Classifies an I/O failure that happened before a response (or its whole body) arrived. */
  Outcome ioFailure(HttpCall call, IOException e, int attempt) {
    ProviderException exception = errors.fromIOException(e, target(call), redactor);
    log.debug(
        "{} {} attempt {} failed: {}",
        provider(),
        call.operation(),
        attempt,
        exception.getMessage());
    if (canRetry(call, attempt)) {
      return retry(call, attempt, backoff(attempt), exception);
    }
    return new Outcome.Fail(exception);
  }

  private Outcome retry(HttpCall call, int attempt, Duration delay, ProviderException failure) {
    observers.retry(call, attempt + 1, delay, failure);
    return new Outcome.Retry(delay, failure);
  }

  boolean canRetry(HttpCall call, int attempt) {
    return call.isRepeatable() && attempt < retry.maxRetries();
  }

  Duration backoff(int attempt) {
    return retry.backoff(attempt + 1, random.getAsDouble());
  }

  /** Sleeps before a retry on the calling thread. */
  void sleep(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while waiting to retry");
    }
  }

  String target(HttpCall call) {
    return call.url().host() + call.url().encodedPath();
  }

  /** Logs a response and shows its rate-limit headers to the observers; once per response. */
  void logResponse(HttpCall call, Response response, int attempt, long startNanos) {
    observers.response(call, response.headers());
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} {} {} status={} in {} ms request-id={} attempt={}",
          provider(),
          call.operation(),
          call.method(),
          target(call),
          response.code(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
          errors.requestId(response.headers()).orElse("-"),
          attempt);
    }
  }

  String readErrorBody(@Nullable ResponseBody body) {
    try {
      return new String(readCapped(body, maxErrorBodyBytes), StandardCharsets.UTF_8);
    } catch (ResponseTooLarge e) {
      return new String(e.head, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static byte[] readCapped(@Nullable ResponseBody body, long cap) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() < cap) {
      long n = source.read(buffer, cap - buffer.size());
      if (n == -1) {
        return buffer.readByteArray();
      }
    }
    if (source.exhausted()) {
      return buffer.readByteArray();
    }
    throw new ResponseTooLarge(buffer.readByteArray());
  }

  private OkHttpClient clientWithReadTimeout(Duration readTimeout) {
    return clientsByReadTimeout.computeIfAbsent(
        readTimeout, d -> client.newBuilder().readTimeout(d).build());
  }

  /** A body longer than its cap; {@link #head} holds the bytes up to the cap. */
  private static final class ResponseTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient byte[] head;

    ResponseTooLarge(byte[] head) {
      super("body larger than its cap");
      this.head = head;
    }
  }
}
