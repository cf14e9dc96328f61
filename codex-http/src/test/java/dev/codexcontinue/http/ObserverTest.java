package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ProviderObserver;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.api.exception.RateLimitException;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Observers see every retry the transport makes and the {@code x-ratelimit-*} headers of every
 * response, on every call shape; a throwing observer changes nothing.
 */
@Timeout(30)
final class ObserverTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final RecordingObserver observer = new RecordingObserver();
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
    transport =
        HttpTransport.builder("test")
            .sleeper(sleeper)
            .addObserver(
                new ProviderObserver() {
                  @Override
                  public void onRetry(Retry retry) {
                    throw new IllegalStateException("a broken observer must not break calls");
                  }

                  @Override
                  public void onRateLimits(RateLimits limits) {
                    throw new IllegalStateException("a broken observer must not break calls");
                  }
                })
            .addObserver(observer)
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(transport);
    transport.close();
    server.close();
  }

  @Test
  void execute_twoRetries_reportsEachWithItsDelayAndCause() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after", "2").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    transport.execute(call("chat"));

    assertThat(observer.retries()).hasSize(2);
    assertThat(observer.retries()).extracting(ProviderObserver.Retry::retry).containsExactly(1, 2);
    assertThat(observer.retries())
        .extracting(ProviderObserver.Retry::delay)
        .containsExactlyElementsOf(sleeper.sleeps());
    assertThat(observer.retries().get(0).cause()).isInstanceOf(ProviderUnavailableException.class);
    assertThat(observer.retries().get(1).cause()).isInstanceOf(RateLimitException.class);
    assertThat(observer.retries().get(1).delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(observer.retries()).allSatisfy(r -> assertThat(r.operation()).isEqualTo("chat"));
    assertThat(observer.retries()).allSatisfy(r -> assertThat(r.provider()).isEqualTo("test"));
  }

  @Test
  void execute_finalFailure_isNotReportedAsARetry() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(500).build());
    }

    assertThatThrownBy(() -> transport.execute(call("chat")))
        .isInstanceOf(ProviderUnavailableException.class);

    assertThat(observer.retries()).hasSize(2);
  }

  @Test
  void executeAsync_rateLimitHeaders_areReportedLowerCased() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body("ok")
            .setHeader("X-RateLimit-Remaining-Requests", "59")
            .setHeader("x-ratelimit-reset-tokens", "6m0s")
            .setHeader("x-request-id", "r1")
            .build());

    transport.executeAsync(call("chat")).get();

    assertThat(observer.limits())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.provider()).isEqualTo("test");
              assertThat(l.operation()).isEqualTo("chat");
              assertThat(l.headers())
                  .isEqualTo(
                      Map.of(
                          "x-ratelimit-remaining-requests", "59",
                          "x-ratelimit-reset-tokens", "6m0s"));
            });
  }

  @Test
  void stream_headersOfEveryAttempt_areReported() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("x-ratelimit-remaining-requests", "0")
            .setHeader("retry-after-ms", "10")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("content-type", "text/event-stream")
            .setHeader("x-ratelimit-remaining-requests", "7")
            .body("data: a\n\ndata: [DONE]\n\n")
            .build());

    RecordingHandler handler = RecordingHandler.untilDone();
    transport.stream(call("chat-stream"), StreamFormat.SSE, handler);
    handler.await();

    assertThat(handler.completions()).isEqualTo(1);
    assertThat(observer.limits())
        .extracting(l -> l.headers().get("x-ratelimit-remaining-requests"))
        .containsExactly("0", "7");
    assertThat(observer.retries())
        .singleElement()
        .satisfies(r -> assertThat(r.retry()).isEqualTo(1));
  }

  @Test
  void execute_responseWithoutRateLimitHeaders_reportsNothing() {
    server.enqueue(new MockResponse.Builder().body("ok").build());

    transport.execute(call("chat"));

    assertThat(observer.limits()).isEmpty();
    assertThat(observer.retries()).isEmpty();
  }

  private HttpCall call(String operation) {
    return HttpCall.post(server.url("/v1/x").toString())
        .jsonBody("{\"a\":1}")
        .operation(operation)
        .build();
  }
}
