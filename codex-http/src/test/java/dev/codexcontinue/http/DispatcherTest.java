package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RELIABILITY 8: SDK-built clients are not capped at 5 calls per host. */
@Timeout(30)
final class DispatcherTest {
  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile int expectedTogether;
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
              // Hold each call until the calls expected together have all arrived (bounded, so
              // that a slow machine cannot make this flaky), then a little longer, so that any
              // call beyond the expected ones would arrive while they are still held.
              long deadline = System.nanoTime() + 5_000_000_000L;
              while (inFlight.get() < expectedTogether && System.nanoTime() < deadline) {
                Thread.sleep(5);
              }
              Thread.sleep(100);
            } finally {
              inFlight.decrementAndGet();
            }
            return new MockResponse.Builder()
                .setHeader("Content-Type", "text/event-stream")
                .body("data: [DONE]\n\n")
                .build();
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(transport);
    transport.close();
    server.close();
  }

  @Test
  void stream_twentyAtOnceToOneHost_allRunTogether() {
    transport = HttpTransport.builder("test").build();
    expectedTogether = 20;

    assertThat(runTwentyStreams()).isEqualTo(20);
  }

  @Test
  void stream_defaultOkHttpClient_isCappedAtFivePerHost() {
    OkHttpClient plain = new OkHttpClient();
    transport = HttpTransport.builder("test").client(plain).build();
    expectedTogether = 5;

    assertThat(runTwentyStreams()).isEqualTo(5);
    plain.dispatcher().executorService().shutdown();
  }

  private int runTwentyStreams() {
    List<RecordingHandler> handlers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      RecordingHandler handler = RecordingHandler.untilDone();
      handlers.add(handler);
      transport.stream(
          HttpCall.post(server.url("/s").toString()).jsonBody("{}").build(),
          StreamFormat.SSE,
          handler);
    }
    handlers.forEach(RecordingHandler::await);
    assertThat(handlers).allSatisfy(h -> assertThat(h.completions()).isEqualTo(1));
    return maxInFlight.get();
  }
}
