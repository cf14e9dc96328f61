package dev.codexcontinue.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.provider.openai.OpenAiProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY 36 on Java 25 with virtual threads: the agent's executor and OkHttp's dispatcher are
 * injected virtual-thread executors, so all 1,000 turns stream at once and the run adds at most 50
 * platform threads. The JFR {@code jdk.VirtualThreadPinned} events of the run are counted and
 * printed (target 0). Runs in a JVM forked from the Temurin 25 JDK by the {@code java25-load}
 * profile; on an older JVM it is skipped.
 */
@Tag("load")
final class VirtualThreadLoadTest {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void thousandConcurrentTurnsOnVirtualThreads_addAtMostFiftyPlatformThreads() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21 or later");
    long fdsBefore = LoadProbe.openFileDescriptors();
    List<String> threadsBefore = LoadProbe.sdkThreadNames();
    ExecutorService turns = virtualThreads();
    ExecutorService calls = virtualThreads();
    Dispatcher dispatcher = new Dispatcher(calls);
    dispatcher.setMaxRequests(StreamingLoad.SESSIONS);
    dispatcher.setMaxRequestsPerHost(StreamingLoad.SESSIONS);
    OkHttpClient client = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    StreamingLoad.Result result;
    LoadProbe probe = new LoadProbe(StreamingLoad.SESSIONS * StreamingLoad.EVENTS);
    long pinned;
    try (Recording jfr = new Recording()) {
      try (LoopbackSseServer server =
              new LoopbackSseServer(StreamingLoad.EVENTS, StreamingLoad.INTERVAL);
          OpenAiProvider provider =
              StreamingLoad.provider(server)
                  .httpClient(client)
                  .maxRequests(StreamingLoad.SESSIONS)
                  .build();
          Agent agent =
              Agent.builder()
                  .provider(provider)
                  .executor(turns)
                  .options(
                      AgentOptions.builder()
                          .maxConcurrentTurns(StreamingLoad.SESSIONS)
                          .maxQueuedTurns(StreamingLoad.SESSIONS)
                          .build())
                  .build()) {
        StreamingLoad.Starter starter =
            (i, session) -> agent.stream(StreamingLoad.request(i), session.agentListener());
        StreamingLoad.warmUp(starter);
        jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
        jfr.start();
        result = StreamingLoad.run(probe, starter);
        probe.close();
        probe.print(
            "agent, Java " + Runtime.version().feature() + ", virtual threads, all turns at once",
            StreamingLoad.SESSIONS,
            result.completed(),
            result.errors(),
            result.seconds());
        System.out.printf(
            "[load] the server streamed at most %d answers at once%n",
            server.maxConcurrentStreams());
      }
      jfr.stop();
      Path dump = dir.resolve("load.jfr");
      jfr.dump(dump);
      List<RecordedEvent> pins =
          RecordingFile.readAllEvents(dump).stream()
              .filter(e -> e.getEventType().getName().equals("jdk.VirtualThreadPinned"))
              .toList();
      pinned = pins.size();
      pins.stream()
          .map(VirtualThreadLoadTest::where)
          .collect(Collectors.groupingBy(w -> w, TreeMap::new, Collectors.counting()))
          .forEach((where, n) -> System.out.printf("[load] pinned %d times at %s%n", n, where));
      Files.deleteIfExists(dump);
    }
    System.out.printf("[load] JFR jdk.VirtualThreadPinned events: %d (target 0)%n", pinned);
    // The executors were the test's own: the agent and the provider borrowed them.
    turns.shutdown();
    calls.shutdown();
    client.connectionPool().evictAll();
    assertThat(turns.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(calls.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

    StreamingLoad.assertAllCompleted(result, probe);
    assertThat(probe.peakPlatformThreads() - probe.baselinePlatformThreads())
        .as("platform threads added by the run")
        .isLessThanOrEqualTo(50);
    StreamingLoad.assertCleanShutdown(threadsBefore, fdsBefore);
  }

  /** Returns the top frames of a pinned event's stack: where the virtual thread parked pinned. */
  private static String where(RecordedEvent event) {
    RecordedStackTrace stack = event.getStackTrace();
    if (stack == null) {
      return "(no stack)";
    }
    return stack.getFrames().stream()
        .limit(12)
        .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
        .collect(Collectors.joining(" < "));
  }

  /** Returns {@code Executors.newVirtualThreadPerTaskExecutor()}, reached by reflection on 17. */
  private static ExecutorService virtualThreads() throws ReflectiveOperationException {
    return (ExecutorService)
        Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }
}
