package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.api.exception.RateLimitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY 1 to 4 and 6: classification, backoff, server-directed delays, no leaks, headers. */
@Timeout(30)
final class RetryTest {
  private static final Set<Integer> RETRYABLE = Set.of(408, 409, 429, 500, 502, 503, 504);

  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
    transport = transport(RetryPolicy.defaults(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(transport);
    transport.close();
    server.close();
  }

  private HttpTransport transport(RetryPolicy policy, Clock clock) {
    if (transport != null) {
      transport.close();
    }
    return HttpTransport.builder("test").retryPolicy(policy).sleeper(sleeper).clock(clock).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504})
  void execute_status_retriedOnlyWhenRetryable(int status) {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(status).body("{}").build());
    }

    assertThatThrownBy(() -> transport.execute(call())).isInstanceOf(ProviderException.class);

    assertThat(server.getRequestCount()).isEqualTo(RETRYABLE.contains(status) ? 3 : 1);
  }

  @Test
  void execute_shouldRetryFalse_overridesRetryableStatus() {
    enqueue(3, new MockResponse.Builder().code(503).setHeader("x-should-retry", "false").build());

    assertThatThrownBy(() -> transport.execute(call()))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void execute_shouldRetryTrue_overridesClientError() {
    enqueue(3, new MockResponse.Builder().code(400).setHeader("x-should-retry", "true").build());

    assertThatThrownBy(() -> transport.execute(call())).isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void execute_disconnectAtStartTwice_succeedsOnThirdAttempt() {
    enqueue(2, new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    HttpResult result = transport.execute(call());

    assertThat(result.bodyText()).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void execute_always503_backsOffExponentiallyWithJitter() {
    transport = transport(RetryPolicy.builder().maxRetries(6).build(), Clock.systemUTC());
    enqueue(7, new MockResponse.Builder().code(503).build());

    assertThatThrownBy(() -> transport.execute(call()))
        .isInstanceOf(ProviderUnavailableException.class);

    assertThat(server.getRequestCount()).isEqualTo(7);
    List<Duration> sleeps = sleeper.sleeps();
    long[][] bounds = {
      {375, 500}, {750, 1000}, {1500, 2000}, {3000, 4000}, {6000, 8000}, {6000, 8000}
    };
    assertThat(sleeps).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(sleeps.get(i).toMillis()).isBetween(bounds[i][0], bounds[i][1]);
    }
  }

  @Test
  void execute_retryAfterSeconds_sleepsExactlyThatLong() {
    enqueue(2, new MockResponse.Builder().code(429).setHeader("retry-after", "1").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    assertThat(transport.execute(call()).bodyText()).isEqualTo("ok");

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void execute_retryAfterSecondsWithRealClock_waitsAtLeastTwoSeconds() {
    transport.close();
    transport = HttpTransport.builder("test").build();
    enqueue(2, new MockResponse.Builder().code(429).setHeader("retry-after", "1").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    long start = System.nanoTime();
    transport.execute(call());

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void execute_retryAfterHttpDate_sleepsUntilThatDateByTheInjectedClock() {
    Instant retryAt = Instant.parse("2026-03-01T12:00:05Z");
    transport =
        transport(RetryPolicy.defaults(), Clock.fixed(retryAt.minusSeconds(5), ZoneOffset.UTC));
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atZone(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).setHeader("retry-after", date).build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    transport.execute(call());

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void execute_retryAfterAboveCap_doesNotRetryAndCarriesTheDelay() {
    enqueue(3, new MockResponse.Builder().code(429).setHeader("retry-after", "121").build());

    assertThatThrownBy(() -> transport.execute(call()))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(121));
              assertThat(e.isRetryable()).isFalse();
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void execute_retryAfterMsAndSeconds_millisecondsWin() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("retry-after-ms", "50")
            .setHeader("retry-after", "3")
            .build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    transport.execute(call());

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(50));
  }

  @Test
  void execute_unparseableRetryAfter_fallsBackToBackoff() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after", "soon").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    transport.execute(call());

    assertThat(sleeper.sleeps().get(0).toMillis()).isBetween(375L, 500L);
  }

  @Test
  void execute_hugeErrorBodies_messageCappedAndNothingLeaks() {
    Buffer tenMiB = new Buffer();
    byte[] block = new byte[1 << 16];
    java.util.Arrays.fill(block, (byte) 'x');
    for (int i = 0; i < 160; i++) {
      tenMiB.write(block);
    }
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(500).body(tenMiB.copy()).build());
    }

    assertThatThrownBy(() -> transport.execute(call()))
        .isInstanceOfSatisfying(
            ProviderUnavailableException.class,
            e -> assertThat(e.getMessage().length()).isLessThanOrEqualTo(64 << 10));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(transport.openResponses()).isZero();
  }

  @Test
  void execute_retries_sendAttemptNumberAndOneIdempotencyKey() throws Exception {
    transport =
        transport(
            RetryPolicy.builder().idempotencyHeader("Idempotency-Key").build(), Clock.systemUTC());
    enqueue(2, new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    transport.execute(call());

    RecordedRequest first = take();
    RecordedRequest second = take();
    RecordedRequest third = take();
    assertThat(List.of(first, second, third))
        .extracting(r -> r.getHeaders().get("X-Retry-Count"))
        .containsExactly("0", "1", "2");
    String key = first.getHeaders().get("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(List.of(second, third))
        .extracting(r -> r.getHeaders().get("Idempotency-Key"))
        .containsOnly(key);
  }

  @Test
  void execute_callerSetIdempotencyKey_survivesEveryAttempt() throws Exception {
    transport =
        transport(
            RetryPolicy.builder().idempotencyHeader("Idempotency-Key").build(), Clock.systemUTC());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    transport.execute(
        HttpCall.post(server.url("/v1/x").toString())
            .jsonBody("{}")
            .header("Idempotency-Key", "mine")
            .header("X-Retry-Count", "custom")
            .build());

    for (int i = 0; i < 2; i++) {
      RecordedRequest r = take();
      assertThat(r.getHeaders().get("Idempotency-Key")).isEqualTo("mine");
      assertThat(r.getHeaders().get("X-Retry-Count")).isEqualTo("custom");
    }
  }

  @Test
  void executeAsync_503Then200_completesWithTheResult() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    HttpResult result = transport.executeAsync(call()).get(5, TimeUnit.SECONDS);

    assertThat(result.bodyText()).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void execute_nonRepeatableCall_isNeverRetried() {
    enqueue(3, new MockResponse.Builder().code(503).build());

    assertThatThrownBy(
            () ->
                transport.execute(
                    HttpCall.post(server.url("/v1/x").toString())
                        .jsonBody("{}")
                        .repeatable(false)
                        .build()))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private HttpCall call() {
    return HttpCall.post(server.url("/v1/x").toString()).jsonBody("{\"a\":1}").build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    return r;
  }

  private void enqueue(int times, MockResponse response) {
    for (int i = 0; i < times; i++) {
      server.enqueue(response);
    }
  }
}
