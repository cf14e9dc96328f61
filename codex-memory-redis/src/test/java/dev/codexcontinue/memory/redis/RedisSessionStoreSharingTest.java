package dev.codexcontinue.memory.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.memory.InMemorySessionStore;
import dev.codexcontinue.core.memory.SessionMemory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.RedisClient;

/**
 * What a shared store adds: several store instances (as on several machines) writing one session,
 * the idle time-to-live, and session memory's rules applied over Redis exactly as in process.
 */
final class RedisSessionStoreSharingTest {
  private static final SessionKey KEY = SessionKey.of("ada", "shared");

  private final String prefix = "sharing-" + UUID.randomUUID() + ":";
  private final List<RedisSessionStore> stores = new ArrayList<>();
  private RedisClient raw;

  @BeforeEach
  void connect() {
    raw = RedisClient.create(java.net.URI.create(RedisServers.uri()));
  }

  @AfterEach
  void close() {
    stores.forEach(RedisSessionStore::close);
    raw.close();
  }

  private RedisSessionStore store(Duration ttl) {
    RedisSessionStore s =
        RedisSessionStore.builder().uri(RedisServers.uri()).keyPrefix(prefix).idleTtl(ttl).build();
    stores.add(s);
    return s;
  }

  private String onlyKey() {
    return raw.keys(prefix + "*").iterator().next();
  }

  private static List<ChatMessage> unit(String id, int results) {
    List<ChatMessage> unit = new ArrayList<>();
    List<ToolCall> calls = new ArrayList<>();
    for (int i = 0; i < results; i++) {
      calls.add(ToolCall.of(id + "-" + i, "tool", "{}"));
    }
    unit.add(ChatMessage.user("question " + id));
    unit.add(ChatMessage.assistant("", calls));
    for (int i = 0; i < results; i++) {
      unit.add(ChatMessage.tool(id + "-" + i, "tool", "result " + i));
    }
    unit.add(ChatMessage.assistant("answer " + id));
    return unit;
  }

  @Test
  @Timeout(60)
  void concurrentAppends_fromTwoInstances_loseNothingAndKeepEachTurnTogether() throws Exception {
    RedisSessionStore a = store(Duration.ofMinutes(5));
    RedisSessionStore b = store(Duration.ofMinutes(5));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int w = 0; w < 4; w++) {
        RedisSessionStore s = w % 2 == 0 ? a : b;
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  for (int t = 0; t < 25; t++) {
                    s.append(KEY, unit(writer + "." + t, 1 + t % 3));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<ChatMessage> all = a.load(KEY);
    int expected = 0;
    for (int t = 0; t < 25; t++) {
      expected += 4 * (3 + 1 + t % 3);
    }
    assertThat(all).hasSize(expected);
    for (int i = 0; i < all.size(); ) {
      String id = all.get(i).text().substring("question ".length());
      List<ChatMessage> turn = unit(id, all.get(i + 1).toolCalls().size());
      assertThat(all.subList(i, i + turn.size())).containsExactlyElementsOf(turn);
      i += turn.size();
    }
  }

  @Test
  void replace_afterAnotherInstanceAppended_keepsTheOtherInstancesMessages() {
    RedisSessionStore a = store(Duration.ofMinutes(5));
    RedisSessionStore b = store(Duration.ofMinutes(5));
    a.append(KEY, List.of(ChatMessage.user("1"), ChatMessage.assistant("2")));
    List<ChatMessage> seenByA = a.load(KEY);
    b.load(KEY);
    b.append(KEY, List.of(ChatMessage.user("b3"), ChatMessage.assistant("b4")));

    List<ChatMessage> window = new ArrayList<>(seenByA.subList(1, 2));
    window.addAll(List.of(ChatMessage.user("a3"), ChatMessage.assistant("a4")));
    a.replace(KEY, window);
    b.replace(
        KEY,
        List.of(ChatMessage.assistant("2"), ChatMessage.user("b3"), ChatMessage.assistant("b4")));

    assertThat(a.load(KEY))
        .containsExactly(
            ChatMessage.assistant("2"),
            ChatMessage.user("b3"),
            ChatMessage.assistant("b4"),
            ChatMessage.user("a3"),
            ChatMessage.assistant("a4"));
  }

  @Test
  void append_setsAndRefreshesIdleTtl() {
    RedisSessionStore s = store(Duration.ofSeconds(30));
    s.append(KEY, List.of(ChatMessage.user("1")));
    String key = onlyKey();
    raw.pexpire(key, 1_000);

    s.append(KEY, List.of(ChatMessage.user("2")));

    assertThat(raw.pttl(key)).isBetween(20_000L, 30_000L);
  }

  @Test
  @Timeout(10)
  void idleSession_expires() {
    RedisSessionStore s = store(Duration.ofMillis(100));
    s.append(KEY, List.of(ChatMessage.user("1")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!s.keys().isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(s.keys()).isEmpty();
    assertThat(s.load(KEY)).isEmpty();
  }

  @Test
  void sessionMemory_overRedis_windowsExactlyAsInProcess() {
    List<List<ChatMessage>> turns = new ArrayList<>();
    turns.add(List.of(ChatMessage.system("be brief")));
    for (int t = 0; t < 12; t++) {
      turns.add(unit("t" + t, 1 + t % 3));
    }
    turns.add(List.of(ChatMessage.tool("orphan", "tool", "no call")));
    turns.add(List.of(ChatMessage.system("be briefer")));
    InMemorySessionStore local = InMemorySessionStore.create();
    RedisSessionStore redis = store(Duration.ofMinutes(5));

    List<ChatMessage> inProcess = replay(turns, local);
    List<ChatMessage> overRedis = replay(turns, redis);

    assertThat(overRedis).isEqualTo(inProcess).isEqualTo(local.load(KEY));
    assertThat(redis.load(KEY)).isEqualTo(local.load(KEY));
    assertThat(inProcess).hasSizeLessThanOrEqualTo(9);
  }

  private static List<ChatMessage> replay(
      List<List<ChatMessage>> turns, dev.codexcontinue.api.memory.SessionStore store) {
    try (SessionMemory memory =
        SessionMemory.builder().store(store).maxMessages(9).maxTokens(400).build()) {
      turns.forEach(t -> memory.append(KEY, t));
      return memory.messages(KEY);
    }
  }

  @Test
  void corruptEntry_isReportedWithoutItsContent() {
    RedisSessionStore s = store(Duration.ofMinutes(5));
    s.append(KEY, List.of(ChatMessage.user("1")));
    String key = onlyKey();
    raw.rpush(key, "x1 {\"role\":\"user\",\"secret-prompt\":1");

    assertThatThrownBy(() -> s.load(KEY))
        .isInstanceOf(MemoryStoreException.class)
        .hasMessageContaining("corrupt")
        .hasMessageNotContaining("secret-prompt");
  }

  @Test
  void unreachableServer_failsWithMemoryStoreException() {
    RedisSessionStore s =
        RedisSessionStore.builder().uri("redis://127.0.0.1:1").keyPrefix(prefix).build();
    stores.add(s);

    assertThatThrownBy(() -> s.load(KEY)).isInstanceOf(MemoryStoreException.class);
  }
}
