package dev.codexcontinue.provider.ollama;

import static dev.codexcontinue.provider.ollama.OllamaTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.IncompleteStreamException;
import dev.codexcontinue.api.exception.StreamException;
import dev.codexcontinue.api.exception.StreamInterruptedException;
import dev.codexcontinue.api.exception.StreamTimeoutException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RawBodies;
import dev.codexcontinue.test.RecordingStreamListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RELIABILITY 12 (exactly one terminal signal, for every way an NDJSON stream can end) and 14
 * (cancellation closes the socket at once and frees the dispatcher).
 */
@Timeout(30)
final class StreamReliabilityTest {
  private static final List<String> LINES = text("chat.stream.ndjson").lines().toList();

  private final MockWebServer server = new MockWebServer();
  private OllamaProvider provider;

  /** The ways a stream ends, and the terminal signal each must produce. */
  enum Ending {
    NORMAL,
    EOF_WITHOUT_DONE,
    DISCONNECT_MID_BODY,
    STALL_PAST_IDLE_TIMEOUT,
    CONSUMER_CANCELS,
    CONSUMER_THROWS
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        OllamaTestSupport.builderFor(server)
            .model("llama3.2")
            .readTimeout(Duration.ofMillis(500))
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  private static String firstLines(int n) {
    return String.join("\n", LINES.subList(0, n)) + "\n";
  }

  @ParameterizedTest
  @EnumSource(Ending.class)
  void stream_everyEnding_givesExactlyOneTerminalSignal(Ending ending) throws Exception {
    server.enqueue(response(ending));
    CountDownLatch threeChunks = new CountDownLatch(3);
    RecordingStreamListener recorder = new RecordingStreamListener();
    AtomicInteger terminals = new AtomicInteger();
    dev.codexcontinue.api.StreamListener listener =
        new dev.codexcontinue.api.StreamListener() {
          @Override
          public void onChunk(ChatChunk chunk) {
            recorder.onChunk(chunk);
            threeChunks.countDown();
            if (ending == Ending.CONSUMER_THROWS) {
              throw new IllegalStateException("consumer bug");
            }
          }

          @Override
          public void onComplete(dev.codexcontinue.api.ChatResponse response) {
            terminals.incrementAndGet();
            recorder.onComplete(response);
          }

          @Override
          public void onError(CodexException error) {
            terminals.incrementAndGet();
            recorder.onError(error);
          }
        };

    Cancellable handle = provider.stream(ChatRequest.of("why is the sky blue?"), listener);
    if (ending == Ending.CONSUMER_CANCELS) {
      assertThat(threeChunks.await(5, TimeUnit.SECONDS)).isTrue();
      handle.cancel();
    }

    switch (ending) {
      case NORMAL ->
          assertThat(recorder.awaitResponse(5, TimeUnit.SECONDS).text())
              .isEqualTo("The sky appears blue because of Rayleigh scattering.");
      case EOF_WITHOUT_DONE ->
          assertThat(recorder.awaitError(5, TimeUnit.SECONDS))
              .isInstanceOf(IncompleteStreamException.class)
              .hasMessageContaining("without its terminator");
      case DISCONNECT_MID_BODY ->
          assertThat(recorder.awaitError(5, TimeUnit.SECONDS))
              .isInstanceOfAny(StreamInterruptedException.class, IncompleteStreamException.class);
      case STALL_PAST_IDLE_TIMEOUT ->
          assertThat(recorder.awaitError(5, TimeUnit.SECONDS))
              .isInstanceOf(StreamTimeoutException.class);
      case CONSUMER_CANCELS ->
          assertThat(recorder.awaitError(5, TimeUnit.SECONDS))
              .isInstanceOf(CancelledException.class);
      case CONSUMER_THROWS ->
          assertThat(recorder.awaitError(5, TimeUnit.SECONDS))
              .isInstanceOf(StreamException.class)
              .hasMessageContaining("consumer failed");
    }
    recorder.assertSettled(300, TimeUnit.MILLISECONDS);
    assertThat(terminals.get()).isEqualTo(1);
  }

  private MockResponse response(Ending ending) {
    return switch (ending) {
      case NORMAL, CONSUMER_THROWS ->
          OllamaResponses.ndjson(text("chat.stream.ndjson"), OllamaResponses.Feed.WHOLE);
      case EOF_WITHOUT_DONE -> OllamaResponses.ndjson(firstLines(5), OllamaResponses.Feed.WHOLE);
      case DISCONNECT_MID_BODY -> RawBodies.sseThenDisconnect(firstLines(5));
      case STALL_PAST_IDLE_TIMEOUT ->
          RawBodies.of(
              "application/x-ndjson",
              sink -> {
                sink.writeUtf8(firstLines(2)).flush();
                RawBodies.pause(3_000);
              });
      case CONSUMER_CANCELS -> endless(new CountDownLatch(1));
    };
  }

  /** An endless throttled stream; {@code closed} counts down when a write finds the socket shut. */
  private static MockResponse endless(CountDownLatch closed) {
    return RawBodies.of(
        "application/x-ndjson",
        sink -> {
          try {
            for (int i = 0; i < 3000; i++) {
              sink.writeUtf8(OllamaResponses.line("w" + i + " ") + "\n").flush();
              RawBodies.pause(10);
            }
          } catch (IOException e) {
            closed.countDown();
            throw e;
          }
        });
  }

  @Test
  void cancel_afterThreeChunks_stopsEventsClosesTheSocketAndFreesTheDispatcher() throws Exception {
    CountDownLatch socketClosed = new CountDownLatch(1);
    server.enqueue(endless(socketClosed));
    RecordingStreamListener listener = new RecordingStreamListener();

    Cancellable handle = provider.stream(ChatRequest.of("go on"), listener);
    listener.awaitChunksOrIdle(3, 5, TimeUnit.SECONDS);
    assertThat(listener.chunks()).hasSizeGreaterThanOrEqualTo(3);
    handle.cancel();
    int atCancel = listener.chunks().size();

    assertThat(listener.awaitError(1, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    assertThat(
            LeakCheck.await(
                () -> provider.transport().client().dispatcher().runningCallsCount() == 0,
                Duration.ofSeconds(1)))
        .isTrue();
    assertThat(socketClosed.await(1, TimeUnit.SECONDS)).as("the server's write failed").isTrue();
    listener.assertSettled(100, TimeUnit.MILLISECONDS);
    assertThat(listener.chunks()).hasSize(atCancel);
  }
}
