package dev.codexcontinue.http;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.http.internal.AsyncExchange;
import dev.codexcontinue.http.internal.BlockingExchange;
import dev.codexcontinue.http.internal.Durations;
import dev.codexcontinue.http.internal.Observers;
import dev.codexcontinue.http.internal.StreamRun;
import dev.codexcontinue.http.internal.TransportCore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import javax.annotation.Nullable;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport of one provider or plugin: sends calls blocking, asynchronously or as streams,
 * retries them by its {@link RetryPolicy}, admits them through its {@link AdmissionLimiter}, maps
 * failures through its {@link ErrorMapper}, and keeps secrets out of logs and messages with its
 * {@link Redactor}. Thread-safe.
 *
 * <p>The OkHttp client it builds is made for streaming: {@code maxRequestsPerHost} equals {@code
 * maxRequests} (64 by default) so one host is not capped at 5 streams; connect timeout 10 s, read
 * (idle) timeout 60 s, total deadline 10 min for calls that are not streams; OkHttp's own silent
 * retries are off so that the retry policy is the only one. A client passed to {@link
 * Builder#client} is borrowed: the transport derives its own with {@code newBuilder()}, sharing the
 * caller's connection pool and dispatcher, and never shuts it down.
 *
 * <pre>{@code
 * try (HttpTransport http = HttpTransport.builder("openai").build()) {
 *   HttpResult result = http.execute(HttpCall.post(url).jsonBody(json).build());
 * }
 * }</pre>
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);

  private final TransportCore core;
  private final AdmissionLimiter admission;
  private final boolean ownsClient;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpTransport(TransportCore core, AdmissionLimiter admission, boolean ownsClient) {
    this.core = core;
    this.admission = admission;
    this.ownsClient = ownsClient;
  }

  /** Returns a builder for the transport of provider {@code provider} (used in errors and logs). */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /**
   * Sends {@code call} and waits for the whole response, retrying as the policy says.
   *
   * @throws dev.codexcontinue.api.exception.ProviderException when the call fails for good
   * @throws dev.codexcontinue.api.exception.OverloadedException when admission is refused
   * @throws dev.codexcontinue.api.exception.CancelledException when the thread is interrupted while
   *     waiting
   */
  public HttpResult execute(HttpCall call) {
    Objects.requireNonNull(call, "call == null");
    try (AdmissionLimiter.Permit permit = admission.acquire()) {
      return BlockingExchange.execute(core, call);
    }
  }

  /**
   * Sends {@code call} without blocking. The future completes on an OkHttp dispatcher thread with
   * the result or with the exception {@link #execute} would throw; {@code cancel(true)} cancels the
   * HTTP call in flight.
   */
  public CompletableFuture<HttpResult> executeAsync(HttpCall call) {
    Objects.requireNonNull(call, "call == null");
    return AsyncExchange.start(core, call, admission);
  }

  /**
   * Sends {@code call} without blocking and turns the result with {@code reader} (on the thread
   * that completes the call). Unlike {@code executeAsync(call).thenApply(reader)}, cancelling the
   * returned future cancels the HTTP call. A {@link RuntimeException} from the reader fails the
   * future as it is.
   */
  public <T> CompletableFuture<T> executeAsync(HttpCall call, Function<HttpResult, T> reader) {
    Objects.requireNonNull(reader, "reader == null");
    CompletableFuture<HttpResult> exchange = executeAsync(call);
    CompletableFuture<T> result =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            exchange.cancel(mayInterruptIfRunning);
            return super.cancel(mayInterruptIfRunning);
          }
        };
    exchange.whenComplete(
        (r, error) -> {
          if (error != null) {
            result.completeExceptionally(
                error instanceof CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error);
            return;
          }
          try {
            result.complete(reader.apply(r));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  /**
   * Streams {@code call}, decoding its body as {@code format}, to {@code handler}, and returns at
   * once. The handler gets exactly one terminal call (see {@link StreamHandler}). The call is
   * retried only while no event has reached the handler. Cancelling the returned handle closes the
   * connection and ends the stream with {@code CancelledException}.
   */
  public Cancellable stream(HttpCall call, StreamFormat format, StreamHandler handler) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(format, "format == null");
    Objects.requireNonNull(handler, "handler == null");
    return StreamRun.start(core, call, format, handler, admission);
  }

  /**
   * Opens {@code call} as a stream read on the calling thread, waiting for the response headers.
   * Failures before the headers are retried as the policy says; the caller closes the stream.
   *
   * @throws dev.codexcontinue.api.exception.ProviderException when the call fails before the stream
   *     starts
   * @throws dev.codexcontinue.api.exception.OverloadedException when admission is refused
   */
  public EventStream openStream(HttpCall call, StreamFormat format) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(format, "format == null");
    AdmissionLimiter.Permit permit = admission.acquire();
    try {
      return BlockingExchange.open(core, call, format, permit);
    } catch (RuntimeException e) {
      permit.close();
      throw e;
    }
  }

  /** Returns the OkHttp client calls are made with (shared pool and dispatcher). */
  public OkHttpClient client() {
    return core.client();
  }

  /** Returns the redactor of logs and exception messages. */
  public Redactor redactor() {
    return core.redactor();
  }

  /** Returns the admission limiter. */
  public AdmissionLimiter admission() {
    return admission;
  }

  /**
   * Returns how many responses are open right now. Zero once every call has ended: a diagnostic for
   * leak checks.
   */
  public int openResponses() {
    return core.openResponses();
  }

  /**
   * Cancels running calls and releases the threads and connections of a client this transport
   * built; a borrowed client is left as it is. Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient) {
      OkHttpClient client = core.client();
      client.dispatcher().cancelAll();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "HttpTransport[" + core.provider() + ", " + admission + "]";
  }

  /** Builds an {@link HttpTransport}. Not thread-safe. */
  public static final class Builder {
    private final String provider;
    @Nullable private OkHttpClient client;
    @Nullable private Duration connectTimeout;
    @Nullable private Duration readTimeout;
    private Duration callTimeout = Duration.ofMinutes(10);
    private int maxRequests = 64;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    @Nullable private ErrorMapper errorMapper;
    private Redactor redactor = Redactor.create();
    private AdmissionLimiter admission = AdmissionLimiter.unlimited();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private int maxEventBytes = 1 << 20;
    private int maxErrorBodyBytes = 64 << 10;
    private long maxResponseBytes = 64L << 20;
    private final List<ProviderObserver> observers = new ArrayList<>();

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    /** Borrows the caller's client; it is never shut down by the transport. */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Sets the connect timeout; 10 s by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Durations.positive(timeout, "connectTimeout");
      return this;
    }

    /** Sets the read timeout, the longest silence between two reads; 60 s by default. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Durations.positive(timeout, "readTimeout");
      return this;
    }

    /** Sets the total deadline of calls that are not streams; 10 min by default. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Durations.positive(timeout, "callTimeout");
      return this;
    }

    /**
     * Sets how many calls the built client runs at once, in total and per host; 64 by default. With
     * a borrowed client, a per-host limit below this logs a warning.
     */
    public Builder maxRequests(int maxRequests) {
      if (maxRequests <= 0) {
        throw new IllegalArgumentException("maxRequests must be > 0");
      }
      this.maxRequests = maxRequests;
      return this;
    }

    /** Sets the retry policy; {@link RetryPolicy#defaults()} by default. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /** Sets the error mapper; a default mapper for the provider id otherwise. */
    public Builder errorMapper(ErrorMapper mapper) {
      this.errorMapper = Objects.requireNonNull(mapper, "mapper == null");
      return this;
    }

    /** Sets the redactor; a fresh one masking the default credential headers otherwise. */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor == null");
      return this;
    }

    /** Sets the admission limiter; unlimited by default. */
    public Builder admission(AdmissionLimiter admission) {
      this.admission = Objects.requireNonNull(admission, "admission == null");
      return this;
    }

    /** Sets what waits between retries; {@link Sleeper#SYSTEM} by default. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Sets the clock that {@code retry-after} dates are read against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the source of jitter, uniform in [0, 1). */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /** Sets the largest stream event (or NDJSON line) accepted; 1 MiB by default. */
    public Builder maxEventBytes(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxEventBytes must be > 0");
      }
      this.maxEventBytes = bytes;
      return this;
    }

    /** Sets how much of an error body is read; 64 KiB by default. */
    public Builder maxErrorBodyBytes(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxErrorBodyBytes must be > 0");
      }
      this.maxErrorBodyBytes = bytes;
      return this;
    }

    /** Sets the largest successful response body read whole; 64 MiB by default. */
    public Builder maxResponseBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be > 0");
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Adds an observer of retries and {@code x-ratelimit-*} response headers (codex-core's metrics
     * and rate limiter, for example). Observers are called on transport threads and must not block.
     */
    public Builder addObserver(ProviderObserver observer) {
      observers.add(Objects.requireNonNull(observer, "observer == null"));
      return this;
    }

    /** Returns the transport. */
    public HttpTransport build() {
      boolean owns = client == null;
      OkHttpClient.Builder b;
      if (client == null) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxRequests);
        dispatcher.setMaxRequestsPerHost(maxRequests);
        b =
            new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout)
                .readTimeout(readTimeout == null ? Duration.ofSeconds(60) : readTimeout)
                .writeTimeout(readTimeout == null ? Duration.ofSeconds(60) : readTimeout);
      } else {
        b = client.newBuilder();
        if (connectTimeout != null) {
          b.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
          b.readTimeout(readTimeout).writeTimeout(readTimeout);
        }
        if (client.dispatcher().getMaxRequestsPerHost() < maxRequests) {
          log.warn(
              "{}: the OkHttpClient given has maxRequestsPerHost={} < {}: streams to one host"
                  + " will queue; raise it with dispatcher().setMaxRequestsPerHost",
              provider,
              client.dispatcher().getMaxRequestsPerHost(),
              maxRequests);
        }
      }
      OkHttpClient built = b.callTimeout(Duration.ZERO).retryOnConnectionFailure(false).build();
      ErrorMapper mapper =
          errorMapper == null ? ErrorMapper.builder(provider).build() : errorMapper;
      TransportCore core =
          new TransportCore(
              built,
              mapper,
              redactor,
              retryPolicy,
              sleeper,
              clock,
              random,
              maxEventBytes,
              maxErrorBodyBytes,
              maxResponseBytes,
              callTimeout,
              new Observers(provider, observers));
      return new HttpTransport(core, admission, owns);
    }
  }
}
