package dev.codexcontinue.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.OverloadedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bounded admission of turns: limits, fairness between users, timeout, cancellation, close. */
@Timeout(10)
final class TurnQueueTest {
  private final TurnQueue queue = new TurnQueue(2, 3, Duration.ofSeconds(30));

  @Test
  void acquire_beyondRunningAndQueued_isRejectedAtOnce() {
    List<CompletableFuture<TurnQueue.Permit>> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(queue.acquire("u" + i));
    }

    assertThat(all.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally())).hasSize(2);
    assertThat(all.stream().filter(f -> !f.isDone())).hasSize(3);
    assertThat(all.stream().filter(CompletableFuture::isCompletedExceptionally))
        .hasSize(5)
        .allSatisfy(f -> assertThatThrownBy(f::join).hasCauseInstanceOf(OverloadedException.class));
    assertThat(queue.running()).isEqualTo(2);
    assertThat(queue.queued()).isEqualTo(3);
  }

  @Test
  void release_servesUsersInTurn() throws Exception {
    TurnQueue one = new TurnQueue(1, 100, Duration.ofSeconds(30));
    TurnQueue.Permit first = one.acquire("a").get();
    List<String> order = new CopyOnWriteArrayList<>();
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    String[] arrivals = {"a", "a", "a", "a", "b", "b", "c"};
    for (int i = 0; i < arrivals.length; i++) {
      String who = arrivals[i] + (i + 1);
      CompletableFuture<TurnQueue.Permit> f = one.acquire(arrivals[i]);
      waiting.add(
          f.thenAccept(
              p -> {
                order.add(who);
                p.close();
              }));
    }

    first.close();
    CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

    assertThat(order).containsExactly("a1", "b5", "c7", "a2", "b6", "a3", "a4");
    assertThat(one.running()).isZero();
  }

  @Test
  void waitingLongerThanTheTimeout_failsWithOverloaded() {
    TurnQueue shortWait = new TurnQueue(1, 5, Duration.ofMillis(50));
    shortWait.acquire("a");
    CompletableFuture<TurnQueue.Permit> waiting = shortWait.acquire("b");

    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(OverloadedException.class);
    assertThat(shortWait.queued()).isZero();
  }

  @Test
  void cancelWhileQueued_leavesTheQueue() throws Exception {
    TurnQueue.Permit a = queue.acquire("a").get();
    TurnQueue.Permit b = queue.acquire("b").get();
    CompletableFuture<TurnQueue.Permit> cancelled = queue.acquire("c");
    CompletableFuture<TurnQueue.Permit> next = queue.acquire("d");

    cancelled.cancel(false);
    assertThat(queue.queued()).isEqualTo(1);
    a.close();

    assertThat(next.get(5, TimeUnit.SECONDS)).isNotNull();
    b.close();
    assertThat(queue.running()).isEqualTo(1);
  }

  @Test
  void close_failsWaitingTurnsAndLaterOnes() throws Exception {
    queue.acquire("a").get();
    queue.acquire("b").get();
    CompletableFuture<TurnQueue.Permit> waiting = queue.acquire("c");

    queue.close();

    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(CancelledException.class);
    assertThatThrownBy(() -> queue.acquire("d").join())
        .hasCauseInstanceOf(CancelledException.class);
  }

  @Test
  void permit_closedTwice_releasesOnce() throws Exception {
    TurnQueue.Permit a = queue.acquire("a").get();
    queue.acquire("b").get();
    a.close();
    a.close();
    assertThat(queue.running()).isEqualTo(1);
  }
}
