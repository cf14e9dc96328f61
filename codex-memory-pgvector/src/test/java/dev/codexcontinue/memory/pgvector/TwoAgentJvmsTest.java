package dev.codexcontinue.memory.pgvector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.memory.redis.RedisServers;
import dev.codexcontinue.memory.redis.RedisSessionStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two agent JVMs behind an imaginary load balancer, sharing one Redis and one pgvector table: a
 * conversation begun on one continues on the other with its history and long-term memory, and turns
 * run on both at once lose nothing and keep every tool call next to its result.
 */
final class TwoAgentJvmsTest {
  private static final int CONCURRENT_TURNS = 4;

  private final String redis = RedisServers.uri();
  private final String jdbc = PgServers.jdbcUrl();
  private final String table = PgVectorMemoryStoreTest.freshTable();
  private final String session = "s-" + UUID.randomUUID();

  @Test
  @Timeout(300)
  void conversation_movesBetweenJvms_andConcurrentTurnsLoseNothing() throws Exception {
    List<String> a = run(start("a", 1, "my favourite colour is teal, remember it"));
    assertThat(a).contains("HISTORY 1");

    List<String> b = run(start("b", 1, "what is my favourite colour again?", "--recall"));
    assertThat(b).contains("HISTORY 2", "RECALL my favourite colour is teal, remember it");
    assertThat(b).contains("STORED 8");

    Process first = start("c", CONCURRENT_TURNS, "c starts talking at the same time");
    Process second = start("d", CONCURRENT_TURNS, "d starts talking at the same time");
    run(first);
    run(second);

    List<ChatMessage> stored;
    try (RedisSessionStore store = RedisSessionStore.builder().uri(redis).build()) {
      stored = store.load(SessionKey.of(AgentRequest.DEFAULT_USER, session));
    }
    int turns = 2 + 2 * CONCURRENT_TURNS;
    assertThat(stored).hasSize(4 * turns);
    for (int i = 0; i < stored.size(); i += 4) {
      assertThat(stored.get(i).role()).isEqualTo(Role.USER);
      ChatMessage call = stored.get(i + 1);
      assertThat(call.toolCalls()).hasSize(1);
      assertThat(stored.get(i + 2).toolCallId()).contains(call.toolCalls().get(0).id());
      assertThat(stored.get(i + 3).text()).startsWith("answer ");
    }
    try (PgVectorMemoryStore memories =
        PgVectorMemoryStore.builder().url(jdbc).table(table).dimension(64).build()) {
      assertThat(memories.size()).isEqualTo(2L * turns);
      assertThat(memories.delete(MetadataFilter.eq(MemoryRecord.SESSION, session)))
          .isEqualTo(2 * turns);
    }
  }

  private Process start(String node, int turns, String text, String... extra) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Xmx256m");
    command.add(AgentNode.class.getName());
    command.addAll(List.of(redis, jdbc, table, session, node, Integer.toString(turns), text));
    command.addAll(List.of(extra));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static List<String> run(Process process) throws Exception {
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as(output).isZero();
    output.lines().filter(l -> l.startsWith("TIMING")).forEach(System.out::println);
    return output.lines().toList();
  }
}
