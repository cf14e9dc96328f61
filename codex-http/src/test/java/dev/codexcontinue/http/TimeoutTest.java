package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.ProviderTimeoutException;
import dev.codexcontinue.api.exception.StreamTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RELIABILITY 7: connect, idle and total timeouts; streams have no total deadline. */
@Timeout(40)
final class TimeoutTest {
  private final MockWebServer server = new MockWebServer();
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(transport);
    transport.close();
    server.close();
  }

  @Test
  void execute_serverStallsAtStart_timesOutQuicklyAndIsRetryable() {
    transport =
        HttpTransport.builder("test")
            .readTimeout(Duration.ofMillis(200))
            .retryPolicy(RetryPolicy.none())
            .build();
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    long start = System.nanoTime();
    assertThatThrownBy(() -> transport.execute(call()))
        .isInstanceOfSatisfying(
            ProviderTimeoutException.class, e -> assertThat(e.isRetryable()).isTrue());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void stream_oneEventThenStall_failsWithIdleTimeoutInTime() {
    transport = HttpTransport.builder("test").readTimeout(Duration.ofMillis(500)).build();
    server.enqueue(
        RawBodies.of(
            "text/event-stream",
            sink -> {
              sink.writeUtf8("data: 1\n\n").flush();
              RawBodies.pause(3000);
            }));

    long start = System.nanoTime();
    RecordingHandler handler = RecordingHandler.untilDone();
    transport.stream(call(), StreamFormat.SSE, handler);
    handler.await();

    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(handler.error()).isInstanceOf(StreamTimeoutException.class);
    assertThat(handler.events()).hasSize(1);
    assertThat(elapsed).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
  }

  @Test
  void stream_slowButSteady_outlivesTheCallTimeout() {
    transport =
        HttpTransport.builder("test")
            .readTimeout(Duration.ofSeconds(2))
            .callTimeout(Duration.ofSeconds(5))
            .build();
    String event = "data: {\"tick\":\"x\"}\n\n";
    String body = event.repeat(14) + "data: [DONE]\n\n".repeat(1) + " ".repeat(event.length() - 14);
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/event-stream")
            .body(body)
            .throttleBody(event.length(), 1, TimeUnit.SECONDS)
            .build());

    RecordingHandler handler = RecordingHandler.untilDone();
    transport.stream(call(), StreamFormat.SSE, handler);
    handler.await(Duration.ofSeconds(25));

    assertThat(handler.completions()).isEqualTo(1);
    assertThat(handler.events()).hasSize(15);
  }

  @Test
  void stream_maxStreamDuration_endsALongStream() {
    transport = HttpTransport.builder("test").readTimeout(Duration.ofSeconds(2)).build();
    server.enqueue(
        RawBodies.of(
            "text/event-stream",
            sink -> {
              for (int i = 0; i < 50; i++) {
                sink.writeUtf8("data: 1\n\n").flush();
                RawBodies.pause(100);
              }
            }));

    RecordingHandler handler = RecordingHandler.untilDone();
    transport.stream(
        HttpCall.post(server.url("/s").toString())
            .jsonBody("{}")
            .maxStreamDuration(Duration.ofMillis(700))
            .build(),
        StreamFormat.SSE,
        handler);
    handler.await();

    assertThat(handler.error())
        .isInstanceOf(StreamTimeoutException.class)
        .hasMessageContaining("maximum duration");
  }

  private HttpCall call() {
    return HttpCall.post(server.url("/v1/x").toString()).jsonBody("{}").build();
  }
}
