package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.StreamInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The blocking stream form, including RELIABILITY 14's dropped-handle case. */
@Timeout(30)
final class EventStreamTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
    transport = HttpTransport.builder("test").sleeper(sleeper).build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(transport);
    transport.close();
    server.close();
  }

  @Test
  void openStream_afterA503_readsEveryEventThenEnds() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/event-stream")
            .body("data: a\n\ndata: b\n\n")
            .build());

    List<String> data = new ArrayList<>();
    try (EventStream events = transport.openStream(call(), StreamFormat.SSE)) {
      events.forEachRemaining(e -> data.add(e.data()));
      assertThat(events.eventsDelivered()).isEqualTo(2);
    }

    assertThat(data).containsExactly("a", "b");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void openStream_401_throwsBeforeStreaming() {
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"no\"}").build());

    assertThatThrownBy(() -> transport.openStream(call(), StreamFormat.SSE))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void next_connectionCut_throwsStreamInterrupted() {
    server.enqueue(RawBodies.sseThenDisconnect("data: a\n\ndata: {"));

    try (EventStream events = transport.openStream(call(), StreamFormat.SSE)) {
      assertThat(events.next().data()).isEqualTo("a");
      assertThatThrownBy(events::hasNext)
          .isInstanceOfSatisfying(
              StreamInterruptedException.class, e -> assertThat(e.eventsDelivered()).isEqualTo(1));
    }
  }

  @Test
  void openStream_droppedWithoutClose_isClosedByTheCleaner() {
    server.enqueue(
        RawBodies.of(
            "text/event-stream",
            sink -> {
              for (int i = 0; i < 2000; i++) {
                sink.writeUtf8("data: " + i + "\n\n").flush();
                RawBodies.pause(5);
              }
            }));

    readOneEventAndDrop();

    assertThat(
            LeakCheck.await(
                () -> {
                  System.gc();
                  return transport.openResponses() == 0;
                },
                Duration.ofSeconds(5)))
        .isTrue();
  }

  private void readOneEventAndDrop() {
    EventStream events = transport.openStream(call(), StreamFormat.SSE);
    assertThat(events.next().data()).isEqualTo("0");
    assertThat(transport.openResponses()).isEqualTo(1);
  }

  private HttpCall call() {
    return HttpCall.post(server.url("/s").toString()).jsonBody("{}").build();
  }
}
