package dev.codexcontinue.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.http.AdmissionLimiter;
import dev.codexcontinue.provider.openai.OpenAiProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RELIABILITY 36 on Java 17: 1,000 concurrent streaming sessions through the OpenAI provider over
 * codex-http against a loopback server (20 events 50 ms apart each) end with 0 errors within 60 s,
 * the SDK never running more than {@code maxConcurrentStreams + 50} threads; then RELIABILITY 40:
 * closing leaves no SDK thread and no file descriptor behind.
 */
@Tag("load")
final class ProviderStreamingLoadTest {
  private static final int MAX_CONCURRENT_STREAMS = 256;

  @Test
  @Timeout(120)
  void thousandConcurrentStreams_completeWithoutErrorsOnBoundedThreads() throws Exception {
    long fdsBefore = LoadProbe.openFileDescriptors();
    List<String> threadsBefore = LoadProbe.sdkThreadNames();
    StreamingLoad.Result result;
    LoadProbe probe = new LoadProbe(StreamingLoad.SESSIONS * StreamingLoad.EVENTS);
    try (LoopbackSseServer server =
            new LoopbackSseServer(StreamingLoad.EVENTS, StreamingLoad.INTERVAL);
        OpenAiProvider provider =
            StreamingLoad.provider(server)
                .maxRequests(MAX_CONCURRENT_STREAMS)
                .admission(
                    AdmissionLimiter.builder()
                        .maxConcurrent(MAX_CONCURRENT_STREAMS)
                        .maxQueued(StreamingLoad.SESSIONS)
                        .acquireTimeout(Duration.ofSeconds(60))
                        .build())
                .build()) {
      StreamingLoad.Starter starter =
          (i, session) ->
              provider.stream(ChatRequest.of("session " + i), session.providerListener());
      StreamingLoad.warmUp(starter);
      result = StreamingLoad.run(probe, starter);
      probe.close();
      probe.print(
          "provider, Java "
              + Runtime.version().feature()
              + ", "
              + MAX_CONCURRENT_STREAMS
              + " streams at once",
          StreamingLoad.SESSIONS,
          result.completed(),
          result.errors(),
          result.seconds());
      assertThat(server.requests()).isEqualTo(StreamingLoad.SESSIONS + 1);
      System.out.printf(
          "[load] the server streamed at most %d answers at once%n", server.maxConcurrentStreams());
      assertThat(server.maxConcurrentStreams()).isLessThanOrEqualTo(MAX_CONCURRENT_STREAMS);
    }
    StreamingLoad.assertAllCompleted(result, probe);
    assertThat(probe.peakSdkThreads() - threadsBefore.size())
        .as("SDK-created live threads")
        .isLessThanOrEqualTo(MAX_CONCURRENT_STREAMS + 50);
    StreamingLoad.assertCleanShutdown(threadsBefore, fdsBefore);
  }
}
