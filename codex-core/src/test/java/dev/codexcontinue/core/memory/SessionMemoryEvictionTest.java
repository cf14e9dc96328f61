package dev.codexcontinue.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.memory.SessionKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The global cap on live sessions (LRU) and the idle time-to-live. */
final class SessionMemoryEvictionTest {
  private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("hello"));

  private static SessionKey key(int i) {
    return SessionKey.of("user" + i, "s");
  }

  @Test
  void append_10000SessionsCap1000_liveSessionsNeverExceedCap() {
    try (SessionMemory memory = SessionMemory.builder().maxSessions(1_000).build()) {
      for (int i = 0; i < 10_000; i++) {
        memory.append(key(i), HELLO);
        assertThat(memory.liveSessions()).as("after session %d", i).isLessThanOrEqualTo(1_000);
      }
      assertThat(memory.liveSessions()).isEqualTo(1_000);
      // The survivors are the 1,000 most recently created.
      assertThat(memory.sessions()).contains(key(9_000), key(9_999)).doesNotContain(key(8_999));
    }
  }

  @Test
  @Timeout(60)
  void append_concurrentNewSessions_staysWithinCapPlusBusySessions() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (SessionMemory memory = SessionMemory.builder().maxSessions(500).build()) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * 10_000;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    memory.append(key(base + i), HELLO);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      // A session being created by another thread is busy and skipped: at most one per thread.
      assertThat(memory.liveSessions()).isBetween(500, 500 + threads);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void append_overCap_evictsLeastRecentlyUsed() {
    try (SessionMemory memory = SessionMemory.builder().maxSessions(3).build()) {
      memory.append(key(1), HELLO);
      memory.append(key(2), HELLO);
      memory.append(key(3), HELLO);
      memory.messages(key(1)); // reading counts as use: 2 is now the least recent

      memory.append(key(4), HELLO);
      assertThat(memory.sessions()).containsExactlyInAnyOrder(key(1), key(3), key(4));

      memory.append(key(5), HELLO);
      assertThat(memory.sessions()).containsExactlyInAnyOrder(key(1), key(4), key(5));
      // Without a store, an evicted session is forgotten.
      assertThat(memory.messages(key(3))).isEmpty();
    }
  }

  @Test
  void idleTtl_fakeClock_evictsSessionsIdleThatLong() {
    FakeClock clock = new FakeClock();
    try (SessionMemory memory =
        SessionMemory.builder().idleTtl(Duration.ofMinutes(10)).clock(clock).build()) {
      memory.append(key(1), HELLO);
      clock.advance(Duration.ofMinutes(5));
      memory.append(key(2), HELLO);
      clock.advance(Duration.ofMinutes(5).minusMillis(1));
      assertThat(memory.sessions()).containsExactlyInAnyOrder(key(1), key(2));

      clock.advance(Duration.ofMillis(1)); // key 1 idle exactly 10 minutes
      assertThat(memory.sessions()).containsExactly(key(2));
      assertThat(memory.liveSessions()).isEqualTo(1);
      assertThat(memory.messages(key(1))).isEmpty();
      assertThat(memory.messages(key(2))).isEqualTo(HELLO);
    }
  }

  @Test
  void idleTtl_expiredSessionUsedBeforeAnySweep_isFreshAgain() {
    FakeClock clock = new FakeClock();
    try (SessionMemory memory =
        SessionMemory.builder().idleTtl(Duration.ofHours(2)).clock(clock).build()) {
      memory.append(key(1), HELLO);
      clock.advance(Duration.ofHours(3));

      assertThat(memory.messages(key(1))).isEmpty();
    }
  }

  @Test
  void idleTtl_withStore_reloadsExpiredSession() {
    FakeClock clock = new FakeClock();
    InMemorySessionStore store = InMemorySessionStore.create();
    try (SessionMemory memory =
        SessionMemory.builder().store(store).idleTtl(Duration.ofMinutes(1)).clock(clock).build()) {
      memory.append(key(1), HELLO);
      clock.advance(Duration.ofMinutes(2));
      assertThat(memory.liveSessions()).isZero();

      assertThat(memory.messages(key(1))).isEqualTo(HELLO);
      assertThat(memory.liveSessions()).isOne();
    }
  }

  @Test
  void evictedSession_jsonlStore_isReloadedOnNextAccess(@TempDir Path dir) {
    try (SessionMemory memory = SessionMemory.builder().directory(dir).maxSessions(1).build()) {
      memory.append(key(1), List.of(ChatMessage.user("one"), ChatMessage.assistant("1")));
      memory.append(key(2), HELLO);
      assertThat(memory.sessions()).containsExactly(key(2));

      assertThat(memory.messages(key(1)))
          .containsExactly(ChatMessage.user("one"), ChatMessage.assistant("1"));
      memory.append(key(1), List.of(ChatMessage.user("two")));
      assertThat(memory.messages(key(1)))
          .containsExactly(
              ChatMessage.user("one"), ChatMessage.assistant("1"), ChatMessage.user("two"));
      assertThat(memory.sessions()).containsExactly(key(1));
    }
    try (SessionMemory reopened = SessionMemory.builder().directory(dir).build()) {
      assertThat(reopened.messages(key(2))).isEqualTo(HELLO);
    }
  }

  @Test
  @SuppressWarnings("try") // the lock is held for the block, not used in it
  void lockedSession_isNeverEvicted() throws Exception {
    FakeClock clock = new FakeClock();
    try (SessionMemory memory =
        SessionMemory.builder()
            .maxSessions(1)
            .idleTtl(Duration.ofMinutes(1))
            .clock(clock)
            .build()) {
      try (SessionLock lock = memory.lock(key(1))) {
        memory.append(key(1), HELLO);
        memory.append(key(2), HELLO); // over the cap, but session 1 is in use on this thread
        Thread other = new Thread(() -> memory.append(key(3), HELLO));
        other.start();
        other.join(10_000);
        clock.advance(Duration.ofMinutes(5)); // a turn longer than the idle TTL

        assertThat(memory.sessions()).contains(key(1));
        assertThat(memory.messages(key(1))).isEqualTo(HELLO);
      }
      memory.append(key(4), HELLO);
      assertThat(memory.sessions()).isEqualTo(Set.of(key(4)));
    }
  }
}
