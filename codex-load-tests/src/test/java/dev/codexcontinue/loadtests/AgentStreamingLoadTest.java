package dev.codexcontinue.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.metrics.AgentMetrics;
import dev.codexcontinue.core.metrics.MetricsSnapshot;
import dev.codexcontinue.provider.openai.OpenAiProvider;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RELIABILITY 36 through an agent on Java 17: 1,000 concurrent streamed turns, each its own
 * session, admitted {@value #MAX_CONCURRENT_TURNS} at a time by the agent's fair queue, end with 0
 * errors within 60 s. A running turn holds an agent thread while its stream holds an OkHttp thread,
 * so the SDK's threads stay within {@code 2 × maxConcurrentTurns + 50}; on Java 25 virtual threads
 * remove that cost ({@link VirtualThreadLoadTest}). Then closing leaves nothing behind.
 */
@Tag("load")
final class AgentStreamingLoadTest {
  private static final int MAX_CONCURRENT_TURNS = 128;

  @Test
  @Timeout(120)
  void thousandConcurrentTurns_completeWithoutErrorsOnBoundedThreads() throws Exception {
    long fdsBefore = LoadProbe.openFileDescriptors();
    List<String> threadsBefore = LoadProbe.sdkThreadNames();
    AgentMetrics metrics = AgentMetrics.create();
    StreamingLoad.Result result;
    LoadProbe probe = new LoadProbe(StreamingLoad.SESSIONS * StreamingLoad.EVENTS);
    try (LoopbackSseServer server =
            new LoopbackSseServer(StreamingLoad.EVENTS, StreamingLoad.INTERVAL);
        OpenAiProvider provider =
            StreamingLoad.provider(server)
                .maxRequests(MAX_CONCURRENT_TURNS)
                .addObserver(metrics)
                .build();
        Agent agent =
            Agent.builder()
                .provider(provider)
                .options(
                    AgentOptions.builder()
                        .maxConcurrentTurns(MAX_CONCURRENT_TURNS)
                        .maxQueuedTurns(StreamingLoad.SESSIONS)
                        .build())
                .addSpanListener(metrics)
                .build()) {
      StreamingLoad.Starter starter =
          (i, session) -> agent.stream(StreamingLoad.request(i), session.agentListener());
      StreamingLoad.warmUp(starter);
      result = StreamingLoad.run(probe, starter);
      probe.close();
      probe.print(
          "agent, Java "
              + Runtime.version().feature()
              + ", "
              + MAX_CONCURRENT_TURNS
              + " turns at once",
          StreamingLoad.SESSIONS,
          result.completed(),
          result.errors(),
          result.seconds());
      MetricsSnapshot m = metrics.snapshot();
      System.out.printf(
          "[load] agent metrics: %d turns, %d model calls, TTFT p50 <= %s, turn p99 <= %s%n",
          m.turns(),
          m.modelCalls(),
          m.timeToFirstToken().percentile(0.5),
          m.turnLatency().percentile(0.99));
      assertThat(m.turns()).isEqualTo(StreamingLoad.SESSIONS + 1);
      assertThat(m.turnErrors()).isZero();
    }
    StreamingLoad.assertAllCompleted(result, probe);
    assertThat(probe.peakSdkThreads() - threadsBefore.size())
        .as("SDK-created live threads")
        .isLessThanOrEqualTo(2 * MAX_CONCURRENT_TURNS + 50);
    StreamingLoad.assertCleanShutdown(threadsBefore, fdsBefore);
  }
}
