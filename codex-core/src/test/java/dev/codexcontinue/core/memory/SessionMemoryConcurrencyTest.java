package dev.codexcontinue.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.memory.SessionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Per-session serialization and the session lock. */
final class SessionMemoryConcurrencyTest {
  private static final SessionKey KEY = SessionKey.of("ada", "s1");

  @Test
  @Timeout(60)
  void append_16ThreadsX1000_keepsEveryMessageInEachThreadsOrder() throws Exception {
    int threads = 16;
    int perThread = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (SessionMemory memory =
        SessionMemory.builder()
            .maxMessages(threads * perThread)
            .maxTokens(Integer.MAX_VALUE)
            .build()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    memory.append(KEY, List.of(ChatMessage.user(thread + ":" + i)));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }

      List<ChatMessage> messages = memory.messages(KEY);
      assertThat(messages).hasSize(threads * perThread);
      int[] next = new int[threads];
      for (ChatMessage m : messages) {
        String[] parts = m.text().split(":");
        int thread = Integer.parseInt(parts[0]);
        assertThat(Integer.parseInt(parts[1]))
            .as("thread %d order", thread)
            .isEqualTo(next[thread]);
        next[thread]++;
      }
      assertThat(next).containsOnly(perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(30)
  @SuppressWarnings("try") // the lock is held for the block, not used in it
  void lock_heldForATurn_otherThreadsAppendWaitsUntilClosed() throws Exception {
    try (SessionMemory memory = SessionMemory.builder().build()) {
      Thread other;
      try (SessionLock lock = memory.lock(KEY)) {
        memory.append(KEY, List.of(ChatMessage.user("turn 1 question"))); // reentrant
        other = new Thread(() -> memory.append(KEY, List.of(ChatMessage.user("turn 2"))));
        other.start();
        awaitBlocked(other);
        memory.append(KEY, List.of(ChatMessage.assistant("turn 1 answer")));
      }
      other.join(10_000);

      assertThat(memory.messages(KEY))
          .containsExactly(
              ChatMessage.user("turn 1 question"),
              ChatMessage.assistant("turn 1 answer"),
              ChatMessage.user("turn 2"));
    }
  }

  @Test
  @Timeout(30)
  @SuppressWarnings("try") // the lock is held for the block, not used in it
  void lock_interruptedWhileWaiting_throwsCancelledAndKeepsFlag() throws Exception {
    try (SessionMemory memory = SessionMemory.builder().build();
        SessionLock held = memory.lock(KEY)) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flag = new AtomicReference<>();
      Thread waiter =
          new Thread(
              () -> {
                try {
                  memory.lock(KEY).close();
                } catch (RuntimeException e) {
                  thrown.set(e);
                  flag.set(Thread.currentThread().isInterrupted());
                }
              });
      waiter.start();
      awaitBlocked(waiter);
      waiter.interrupt();
      waiter.join(10_000);

      assertThat(thrown.get()).isInstanceOf(CancelledException.class);
      assertThat(flag.get()).isTrue();
    }
  }

  @Test
  @Timeout(30)
  void lock_closeTwiceOrFromOtherThread_isSafe() throws Exception {
    try (SessionMemory memory = SessionMemory.builder().build()) {
      SessionLock lock = memory.lock(KEY);
      CompletableFuture<Void> foreignClose = CompletableFuture.runAsync(lock::close);
      assertThatThrownBy(() -> foreignClose.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalMonitorStateException.class);
      lock.close();
      lock.close();

      // Released once only: another thread can take the lock now.
      CompletableFuture.runAsync(() -> memory.lock(KEY).close()).get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(30)
  @SuppressWarnings("try") // the lock is held for the block, not used in it
  void differentSessions_proceedWhileOneIsLocked() throws Exception {
    try (SessionMemory memory = SessionMemory.builder().build();
        SessionLock held = memory.lock(KEY)) {
      SessionKey other = SessionKey.of("ada", "s2");
      CompletableFuture.runAsync(() -> memory.append(other, List.of(ChatMessage.user("hi"))))
          .get(5, TimeUnit.SECONDS);

      assertThat(memory.messages(other)).containsExactly(ChatMessage.user("hi"));
    }
  }

  /** Waits until {@code thread} parks on a lock. */
  private static void awaitBlocked(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.WAITING) {
      assertThat(System.nanoTime()).as("thread never blocked").isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
