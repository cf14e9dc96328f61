package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.IncompleteStreamException;
import dev.codexcontinue.api.exception.ProviderStreamException;
import dev.codexcontinue.api.exception.StreamException;
import dev.codexcontinue.api.exception.StreamInterruptedException;
import dev.codexcontinue.api.exception.StreamProtocolException;
import dev.codexcontinue.api.exception.StreamTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RELIABILITY 5, 11, 12, 14 and 15: streams end once, are retried only before their first event.
 */
@Timeout(30)
final class StreamTest {
  private static final String EVENT = "data: {\"n\":1}\n\n";

  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
    transport =
        HttpTransport.builder("test").sleeper(sleeper).readTimeout(Duration.ofMillis(500)).build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(transport);
    transport.close();
    server.close();
  }

  @Test
  void stream_503ThenValidStream_retriesAndDeliversEachEventOnce() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(sse(EVENT + EVENT + "data: [DONE]\n\n"));

    RecordingHandler handler = RecordingHandler.untilDone();
    transport.stream(call(), StreamFormat.SSE, handler);

    handler.await();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(handler.data()).containsExactly("{\"n\":1}", "{\"n\":1}", "[DONE]");
    assertThat(handler.completions()).isEqualTo(1);
  }

  @Test
  void stream_eofWithoutTerminator_isIncomplete() {
    server.enqueue(sse(EVENT + EVENT));

    RecordingHandler handler = RecordingHandler.untilDone();
    transport.stream(call(), StreamFormat.SSE, handler);

    handler.await();
    assertThat(handler.error())
        .isInstanceOfSatisfying(
            IncompleteStreamException.class, e -> assertThat(e.eventsDelivered()).isEqualTo(2));
  }

  @Test
  void stream_disconnectAfterTwoEvents_isNotRetriedAndReportsEventsDelivered() {
    server.enqueue(RawBodies.sseThenDisconnect(EVENT + EVENT + "data: {\"n\""));
    server.enqueue(sse(EVENT + "data: [DONE]\n\n"));

    RecordingHandler handler = RecordingHandler.untilDone();
    transport.stream(call(), StreamFormat.SSE, handler);

    handler.await();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(handler.events()).hasSize(2);
    assertThat(handler.error())
        .isInstanceOfSatisfying(
            StreamInterruptedException.class, e -> assertThat(e.eventsDelivered()).isEqualTo(2));
  }

  @Test
  void stream_ndjsonErrorLine_failsOnceWithTheProviderMessage() {
    server.enqueue(
        RawBodies.of(
            "application/x-ndjson",
            sink ->
                sink.writeUtf8(
                    "{\"message\":\"a\"}\n{\"message\":\"b\"}\n{\"message\":\"c\"}\n"
                        + "{\"error\":\"an error was encountered while running the model\"}\n")));
    RecordingHandler recorder = RecordingHandler.untilEof();
    StreamHandler ollamaLike =
        new Delegate(recorder) {
          @Override
          public boolean onEvent(StreamEvent event, long sequence) {
            if (event.data().startsWith("{\"error\"")) {
              String message = ErrorBodyReader.DEFAULT.read(200, event.data()).message();
              throw new ProviderStreamException(message, sequence - 1, null, null);
            }
            return recorder.onEvent(event, sequence);
          }
        };

    transport.stream(call(), StreamFormat.NDJSON, ollamaLike);

    recorder.await();
    assertThat(recorder.events()).hasSize(3);
    assertThat(recorder.completions()).isZero();
    assertThat(recorder.errors()).isEqualTo(1);
    assertThat(recorder.error())
        .isInstanceOf(ProviderStreamException.class)
        .hasMessageContaining("an error was encountered while running the model");
  }

  enum Ending {
    NORMAL,
    EOF_WITHOUT_TERMINATOR,
    DISCONNECT_DURING_BODY,
    STALL_PAST_IDLE_TIMEOUT,
    CONSUMER_CANCELS,
    CONSUMER_THROWS
  }

  @ParameterizedTest
  @EnumSource(Ending.class)
  void stream_everyEnding_hasExactlyOneTerminalCall(Ending ending) {
    RecordingHandler recorder = RecordingHandler.untilDone();
    AtomicBoolean cancelOnFirst = new AtomicBoolean(ending == Ending.CONSUMER_CANCELS);
    Cancellable[] handle = new Cancellable[1];
    CountDownLatch started = new CountDownLatch(1);
    StreamHandler handler =
        new Delegate(recorder) {
          @Override
          public boolean onEvent(StreamEvent event, long sequence) {
            awaitQuietly(started);
            if (ending == Ending.CONSUMER_THROWS) {
              throw new IllegalStateException("consumer bug");
            }
            if (cancelOnFirst.getAndSet(false)) {
              handle[0].cancel();
            }
            return recorder.onEvent(event, sequence);
          }
        };
    server.enqueue(
        switch (ending) {
          case NORMAL -> sse(EVENT + "data: [DONE]\n\n");
          case EOF_WITHOUT_TERMINATOR -> sse(EVENT + EVENT);
          case DISCONNECT_DURING_BODY -> RawBodies.sseThenDisconnect(EVENT + "data: {");
          case STALL_PAST_IDLE_TIMEOUT, CONSUMER_CANCELS, CONSUMER_THROWS ->
              RawBodies.of(
                  "text/event-stream",
                  sink -> {
                    sink.writeUtf8(EVENT).flush();
                    RawBodies.pause(3000);
                  });
        });

    handle[0] = transport.stream(call(), StreamFormat.SSE, handler);
    started.countDown();

    recorder.await();
    LeakCheck.await(() -> transport.openResponses() == 0, Duration.ofSeconds(5));
    assertThat(recorder.terminalCalls()).isEqualTo(1);
    Class<?> expected =
        switch (ending) {
          case NORMAL -> null;
          case EOF_WITHOUT_TERMINATOR -> IncompleteStreamException.class;
          case DISCONNECT_DURING_BODY -> StreamInterruptedException.class;
          case STALL_PAST_IDLE_TIMEOUT -> StreamTimeoutException.class;
          case CONSUMER_CANCELS -> CancelledException.class;
          case CONSUMER_THROWS -> StreamException.class;
        };
    if (expected == null) {
      assertThat(recorder.completions()).isEqualTo(1);
    } else {
      assertThat(recorder.error()).isInstanceOf(expected);
    }
  }

  @Test
  void cancel_endlessStream_stopsAtOnceAndClosesTheSocket() throws Exception {
    AtomicBoolean writeFailed = new AtomicBoolean();
    CountDownLatch socketClosed = new CountDownLatch(1);
    server.enqueue(
        RawBodies.of(
            "text/event-stream",
            sink -> {
              try {
                for (int i = 0; i < 100_000; i++) {
                  sink.writeUtf8("data: {\"i\":" + i + "}\n\n").flush();
                  RawBodies.pause(5);
                }
              } catch (java.io.IOException e) {
                writeFailed.set(true);
                socketClosed.countDown();
              }
            }));
    List<StreamEvent> afterCancel = new CopyOnWriteArrayList<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    CountDownLatch threeEvents = new CountDownLatch(3);
    RecordingHandler recorder = RecordingHandler.untilDone();
    StreamHandler handler =
        new Delegate(recorder) {
          @Override
          public boolean onEvent(StreamEvent event, long sequence) {
            if (cancelled.get()) {
              afterCancel.add(event);
            }
            threeEvents.countDown();
            return recorder.onEvent(event, sequence);
          }
        };

    Cancellable handle = transport.stream(call(), StreamFormat.SSE, handler);
    assertThat(threeEvents.await(5, TimeUnit.SECONDS)).isTrue();
    handle.cancel();
    cancelled.set(true);

    assertThat(recorder.error()).isInstanceOf(CancelledException.class);
    assertThat(socketClosed.await(1, TimeUnit.SECONDS)).as("server write fails").isTrue();
    assertThat(writeFailed).isTrue();
    assertThat(
            LeakCheck.await(
                () -> transport.client().dispatcher().runningCallsCount() == 0,
                Duration.ofSeconds(1)))
        .isTrue();
    assertThat(afterCancel).isEmpty();
    assertThat(recorder.terminalCalls()).isEqualTo(1);
    handle.cancel();
    assertThat(recorder.terminalCalls()).isEqualTo(1);
  }

  @Test
  void stream_firstEventThenPause_deliversTheFirstEventAtOnce() {
    AtomicLong firstEventNanos = new AtomicLong();
    server.enqueue(
        RawBodies.of(
            "text/event-stream",
            sink -> {
              sink.writeUtf8(EVENT).flush();
              RawBodies.pause(2000);
              sink.writeUtf8(EVENT + "data: [DONE]\n\n").flush();
            }));
    transport.close();
    transport = HttpTransport.builder("test").readTimeout(Duration.ofSeconds(5)).build();
    RecordingHandler recorder = RecordingHandler.untilDone();
    StreamHandler handler =
        new Delegate(recorder) {
          @Override
          public boolean onEvent(StreamEvent event, long sequence) {
            firstEventNanos.compareAndSet(0, System.nanoTime());
            return recorder.onEvent(event, sequence);
          }
        };

    long start = System.nanoTime();
    transport.stream(call(), StreamFormat.SSE, handler);
    recorder.await();

    assertThat(Duration.ofNanos(firstEventNanos.get() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(recorder.completions()).isEqualTo(1);
  }

  @Test
  void stream_lineLargerThanLimit_failsWithoutGrowingTheHeap() {
    server.enqueue(
        RawBodies.of(
            "text/event-stream",
            sink -> {
              sink.writeUtf8("data: ");
              byte[] block = new byte[1 << 16];
              java.util.Arrays.fill(block, (byte) 'a');
              for (int i = 0; i < 256; i++) {
                sink.write(block);
              }
            }));
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    AtomicLong peak = new AtomicLong();
    RecordingHandler handler = RecordingHandler.untilDone();

    transport.stream(call(), StreamFormat.SSE, handler);
    while (!handler.isDone()) {
      peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
      Thread.onSpinWait();
    }

    assertThat(handler.error()).isInstanceOf(StreamProtocolException.class);
    assertThat(peak.get() - before).isLessThan(64L << 20);
  }

  @Test
  void stream_jsonInsteadOfEventStream_reportsTheProviderMessage() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .body("{\"error\":{\"message\":\"model is loading\"}}")
            .build());

    RecordingHandler handler = RecordingHandler.untilDone();
    transport.stream(call(), StreamFormat.SSE, handler);

    handler.await();
    assertThat(handler.error())
        .isInstanceOf(ProviderStreamException.class)
        .hasMessageContaining("model is loading");
  }

  @Test
  void stream_unavailableAfterRetries_failsWithProviderException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(500).build());
    }

    RecordingHandler handler = RecordingHandler.untilDone();
    transport.stream(call(), StreamFormat.SSE, handler);

    handler.await();
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(handler.error())
        .isInstanceOf(dev.codexcontinue.api.exception.ProviderUnavailableException.class);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  private HttpCall call() {
    return HttpCall.post(server.url("/v1/stream").toString()).jsonBody("{}").build();
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(body)
        .build();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Forwards to a recorder; tests override {@link #onEvent}. */
  private static class Delegate implements StreamHandler {
    private final RecordingHandler target;

    Delegate(RecordingHandler target) {
      this.target = target;
    }

    @Override
    public boolean onEvent(StreamEvent event, long sequence) {
      return target.onEvent(event, sequence);
    }

    @Override
    public boolean completesAtEndOfInput() {
      return target.completesAtEndOfInput();
    }

    @Override
    public void onComplete() {
      target.onComplete();
    }

    @Override
    public void onError(CodexException error) {
      target.onError(error);
    }
  }
}
