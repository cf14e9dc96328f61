package dev.codexcontinue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.OverloadedException;
import dev.codexcontinue.test.ScriptedProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Agent turns pass a bounded queue, fair between users (RELIABILITY 37 for turns); cancellation
 * reaches queued and running turns; close fails the queued, cancels the running and leaves no agent
 * thread behind (RELIABILITY 40).
 */
@Timeout(30)
final class AgentAdmissionTest {
  private final Semaphore gate = new Semaphore(0);
  private final List<String> served = new CopyOnWriteArrayList<>();
  private final ScriptedProvider model =
      ScriptedProvider.builder()
          .respond(
              request -> {
                served.add(request.messages().get(request.messages().size() - 1).text());
                try {
                  gate.acquire();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new CancelledException("released by cancellation");
                }
                return ChatResponse.builder().message(ChatMessage.assistant("ok")).build();
              })
          .repeatLast()
          .build();

  @AfterEach
  void closeModel() {
    model.close();
  }

  private Agent agent(int running, int queued) {
    return Agent.builder()
        .provider(model)
        .options(
            AgentOptions.builder()
                .maxConcurrentTurns(running)
                .maxQueuedTurns(queued)
                .memoryTopK(0)
                .build())
        .build();
  }

  @Test
  void manyTurns_runUpToTheLimitQueueUpToTheBoundAndRejectTheRest() throws Exception {
    try (Agent agent = agent(2, 3)) {
      List<CompletableFuture<AgentReply>> turns = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        turns.add(agent.chatAsync(AgentRequest.of("s" + i, "m" + i)));
      }
      awaitServed(2);

      assertThat(turns.stream().filter(CompletableFuture::isCompletedExceptionally))
          .hasSize(5)
          .allSatisfy(
              f -> assertThatThrownBy(f::join).hasCauseInstanceOf(OverloadedException.class));
      gate.release(100);
      for (CompletableFuture<AgentReply> f : turns) {
        if (!f.isCompletedExceptionally()) {
          assertThat(f.get(10, TimeUnit.SECONDS).text()).isEqualTo("ok");
        }
      }
      assertThat(served).hasSize(5);
    }
  }

  @Test
  void queuedTurns_areServedRoundRobinBetweenUsers() throws Exception {
    try (Agent agent = agent(1, 100)) {
      List<CompletableFuture<AgentReply>> turns = new ArrayList<>();
      turns.add(agent.chatAsync(request("alice", "a0")));
      awaitServed(1);
      for (int i = 1; i <= 3; i++) {
        turns.add(agent.chatAsync(request("alice", "a" + i)));
      }
      turns.add(agent.chatAsync(request("bob", "b1")));
      turns.add(agent.chatAsync(request("bob", "b2")));

      for (int i = 0; i < turns.size(); i++) {
        gate.release();
        awaitServed(Math.min(turns.size(), i + 2));
      }
      for (CompletableFuture<AgentReply> f : turns) {
        f.get(10, TimeUnit.SECONDS);
      }

      assertThat(served).containsExactly("a0", "a1", "b1", "a2", "b2", "a3");
    }
  }

  @Test
  void cancelQueuedTurn_neverReachesTheModel() throws Exception {
    try (Agent agent = agent(1, 10)) {
      CompletableFuture<AgentReply> running = agent.chatAsync(AgentRequest.of("s1", "first"));
      awaitServed(1);
      CompletableFuture<AgentReply> queued = agent.chatAsync(AgentRequest.of("s2", "second"));

      queued.cancel(true);
      gate.release(10);

      assertThat(running.get(10, TimeUnit.SECONDS).text()).isEqualTo("ok");
      assertThat(queued).isCancelled();
      assertThat(served).containsExactly("first");
    }
  }

  @Test
  void queueTimeout_failsTheWaitingTurn() {
    Agent agent =
        Agent.builder()
            .provider(model)
            .options(
                AgentOptions.builder()
                    .maxConcurrentTurns(1)
                    .turnQueueTimeout(Duration.ofMillis(100))
                    .build())
            .build();
    try (agent) {
      agent.chatAsync(AgentRequest.of("s1", "first"));
      assertThatThrownBy(() -> agent.chat(AgentRequest.of("s2", "second")))
          .isInstanceOf(OverloadedException.class);
      gate.release(10);
    }
  }

  @Test
  void close_failsQueuedCancelsRunningAndStopsAgentThreads() throws Exception {
    Agent agent = agent(2, 10);
    List<CompletableFuture<AgentReply>> turns = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      turns.add(agent.chatAsync(AgentRequest.of("s" + i, "m" + i)));
    }
    awaitServed(2);

    agent.close();

    for (CompletableFuture<AgentReply> f : turns) {
      assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(CancelledException.class);
    }
    assertThatThrownBy(() -> agent.chat(AgentRequest.of("s", "late")))
        .isInstanceOf(IllegalStateException.class);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (agentThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(agentThreads()).isZero();
  }

  private static long agentThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("codex-agent-"))
        .count();
  }

  private static AgentRequest request(String user, String text) {
    return AgentRequest.builder("s-" + user).userId(user).text(text).build();
  }

  private void awaitServed(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (served.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(served).hasSizeGreaterThanOrEqualTo(n);
  }
}
