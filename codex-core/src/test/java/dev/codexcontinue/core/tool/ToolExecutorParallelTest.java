package dev.codexcontinue.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.core.tool.ToolExecution.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several calls of one batch run at once on the given executor, never more than maxParallel. */
@Timeout(30)
final class ToolExecutorParallelTest {
  private final AtomicInteger threadCount = new AtomicInteger();
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          8, r -> new Thread(r, "test-pool-" + threadCount.incrementAndGet()));

  @AfterEach
  void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  private static List<ToolCall> calls(String tool, int count) {
    List<ToolCall> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(ToolCall.of("c" + i, tool, "{}"));
    }
    return calls;
  }

  @Test
  void executeAll_runsUpToMaxParallelAtOnceOnTheGivenExecutor() {
    int maxParallel = 3;
    CountDownLatch allThreeRunning = new CountDownLatch(maxParallel);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    RecordingTool tool =
        RecordingTool.answering(
            "work",
            call -> {
              threads.add(Thread.currentThread().getName());
              maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                allThreeRunning.countDown();
                // Only returns "together" when maxParallel calls were in here at the same time.
                boolean together = allThreeRunning.await(10, TimeUnit.SECONDS);
                return ToolResult.of((together ? "together " : "alone ") + call.id());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ToolResult.error("interrupted");
              } finally {
                running.decrementAndGet();
              }
            });
    ToolExecutor executor =
        ToolExecutor.builder().addTool(tool).executor(pool).maxParallel(maxParallel).build();

    List<ToolExecution> executions = executor.executeAll(calls("work", 7), ToolContext.none());

    assertThat(executions)
        .extracting(e -> e.result().content())
        .containsExactly(
            "together c0",
            "together c1",
            "together c2",
            "together c3",
            "together c4",
            "together c5",
            "together c6");
    assertThat(maxRunning).hasValue(maxParallel);
    assertThat(threads).allMatch(name -> name.startsWith("test-pool-"));
    assertThat(pool.isShutdown()).isFalse();
  }

  @Test
  void executeAll_laterCallFinishingFirst_keepsCallOrder() {
    CountDownLatch secondDone = new CountDownLatch(1);
    RecordingTool tool =
        RecordingTool.answering(
            "work",
            call -> {
              if (call.id().equals("c1")) {
                secondDone.countDown();
                return ToolResult.of("second");
              }
              try {
                boolean waited = secondDone.await(10, TimeUnit.SECONDS);
                return ToolResult.of(waited ? "first, after second" : "first, alone");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ToolResult.error("interrupted");
              }
            });
    ToolExecutor executor = ToolExecutor.builder().addTool(tool).executor(pool).build();

    List<ToolExecution> executions = executor.executeAll(calls("work", 2), ToolContext.none());

    assertThat(executions).extracting(e -> e.call().id()).containsExactly("c0", "c1");
    assertThat(executions)
        .extracting(e -> e.result().content())
        .containsExactly("first, after second", "second");
  }

  @Test
  void executeAll_maxParallelOne_runsOneAtATime() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    RecordingTool tool =
        RecordingTool.answering(
            "work",
            call -> {
              maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              running.decrementAndGet();
              return ToolResult.of(call.id());
            });
    ToolExecutor executor =
        ToolExecutor.builder().addTool(tool).executor(pool).maxParallel(1).build();

    List<ToolExecution> executions = executor.executeAll(calls("work", 5), ToolContext.none());

    assertThat(executions).extracting(ToolExecution::outcome).containsOnly(Outcome.EXECUTED);
    assertThat(maxRunning).hasValue(1);
  }

  @Test
  void executeAll_mixedOutcomes_stayInCallOrder() {
    RecordingTool ok = RecordingTool.answering("ok", call -> ToolResult.of("fine"));
    ToolExecutor executor = ToolExecutor.builder().addTool(ok).executor(pool).build();

    List<ToolExecution> executions =
        executor.executeAll(
            List.of(
                ToolCall.of("a", "missing", "{}"),
                ToolCall.of("b", "ok", "{}"),
                ToolCall.of("c", "ok", "{\"x\":1}"),
                ToolCall.of("d", "ok", "{}")),
            ToolContext.none());

    assertThat(executions)
        .extracting(ToolExecution::outcome)
        .containsExactly(
            Outcome.NOT_AVAILABLE, Outcome.EXECUTED, Outcome.INVALID_ARGUMENTS, Outcome.EXECUTED);
    assertThat(executions).extracting(e -> e.call().id()).containsExactly("a", "b", "c", "d");
    assertThat(ok.executions()).isEqualTo(2);
  }

  @Test
  void executeAll_withoutExecutor_runsOnDaemonThreads() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Set<Boolean> daemon = ConcurrentHashMap.newKeySet();
    RecordingTool tool =
        RecordingTool.answering(
            "work",
            call -> {
              threads.add(Thread.currentThread().getName());
              daemon.add(Thread.currentThread().isDaemon());
              return ToolResult.of("ok");
            });
    ToolExecutor executor = ToolExecutor.builder().addTool(tool).build();

    executor.executeAll(calls("work", 3), ToolContext.none());

    assertThat(threads).hasSize(3).allMatch(name -> name.startsWith("codex-tool-"));
    assertThat(daemon).containsExactly(true);
  }
}
