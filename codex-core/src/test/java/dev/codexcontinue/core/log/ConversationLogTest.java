package dev.codexcontinue.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.memory.SessionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY 32: format, durability policies, recovery of torn tails and damage, one writer. */
final class ConversationLogTest {
  private static final SessionKey ALICE = SessionKey.of("alice", "s1");
  private static final SessionKey BOB = SessionKey.of("bob", "s9");

  @TempDir Path dir;

  private ConversationLog open() {
    return ConversationLog.builder(dir, "agent-1").open();
  }

  private Path segment() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("agent-1"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
          .findFirst()
          .orElseThrow();
    }
  }

  private void appendTen() {
    try (ConversationLog log = open()) {
      for (int i = 1; i <= 10; i++) {
        log.append(LogRecords.start("m" + i));
      }
    }
  }

  @Test
  void append_thenReplay_returnsEveryRecordOfTheConversationInOrder() {
    try (ConversationLog log = open()) {
      assertThat(log.append(LogRecords.turn("t1", ALICE, "a"))).isEqualTo(5);
      assertThat(log.append(LogRecords.turn("t2", BOB, "b"))).isEqualTo(10);
      assertThat(log.append(LogRecords.turn("t3", ALICE, "c"))).isEqualTo(15);
    }
    ConversationLogReader reader = ConversationLogReader.open(dir, "agent-1");

    List<LogEntry> alice = reader.replay(ALICE);
    assertThat(alice)
        .extracting(LogEntry::seq)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 11L, 12L, 13L, 14L, 15L);
    assertThat(alice.stream().map(LogEntry::record).toList())
        .containsExactlyElementsOf(
            Stream.concat(
                    LogRecords.turn("t1", ALICE, "a").stream(),
                    LogRecords.turn("t3", ALICE, "c").stream())
                .toList());
    assertThat(reader.conversations())
        .extracting(
            ConversationLogReader.Conversation::session, ConversationLogReader.Conversation::turns)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ALICE, 2),
            org.assertj.core.groups.Tuple.tuple(BOB, 1));
    assertThat(reader.conversations().get(0).lastActive()).isEqualTo(LogRecords.T0.plusSeconds(2));
  }

  @Test
  void lines_areJsonWithSeqLenAndCrc32cOfThePayloadBytes() throws Exception {
    try (ConversationLog log = open()) {
      log.append(LogRecords.turn("t1", ALICE, "héllo \"quoted\""));
    }
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(segment(), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(5);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode node = json.readTree(lines.get(i));
      assertThat(node.get("seq").asLong()).isEqualTo(i + 1);
      String line = lines.get(i);
      byte[] payload =
          line.substring(line.indexOf(",\"payload\":") + 11, line.length() - 1)
              .getBytes(StandardCharsets.UTF_8);
      assertThat(node.get("len").asInt()).isEqualTo(payload.length);
      CRC32C crc = new CRC32C();
      crc.update(payload);
      assertThat(node.get("crc32c").asLong()).isEqualTo(crc.getValue());
      assertThat(node.get("payload").get("turn").asText()).isEqualTo("t1");
    }
    assertThat(json.readTree(lines.get(3)).get("payload").get("reason").asText())
        .isEqualTo("COMPLETED");
  }

  @Test
  void reopen_continuesTheSequence() {
    appendTen();
    try (ConversationLog log = open()) {
      assertThat(log.lastSeq()).isEqualTo(10);
      assertThat(log.append(LogRecords.start("eleven"))).isEqualTo(11);
      assertThat(log.truncatedBytes()).isZero();
    }
  }

  @Test
  void open_tornTail_isCutOffAndAppendsGoOn() throws Exception {
    appendTen();
    byte[] partial =
        "{\"seq\":11,\"len\":90,\"crc32c\":1,\"payload\":{\"type\":\"tu"
            .getBytes(StandardCharsets.UTF_8);
    Files.write(segment(), partial, StandardOpenOption.APPEND);

    try (ConversationLog log = open()) {
      assertThat(log.truncatedBytes()).isEqualTo(partial.length);
      assertThat(log.lastSeq()).isEqualTo(10);
      assertThat(log.append(LogRecords.start("after"))).isEqualTo(11);
    }
    List<LogEntry> all = new ArrayList<>();
    ConversationLogReader.open(dir, "agent-1").forEach(all::add);
    assertThat(all)
        .extracting(LogEntry::seq)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
  }

  @Test
  void reader_tornTail_isNotRead() throws Exception {
    appendTen();
    Files.write(
        segment(), "{\"seq\":11,".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    List<LogEntry> all = new ArrayList<>();
    ConversationLogReader.open(dir, "agent-1").forEach(all::add);
    assertThat(all).hasSize(10);
  }

  @Test
  void open_byteFlippedInRecordThree_strictThrowsCorruptLogExceptionForSeqThree() throws Exception {
    appendTen();
    flipByteInLine(segment(), 3, 60);

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(CorruptLogException.class, e -> assertThat(e.seq()).isEqualTo(3));
    assertThatThrownBy(() -> ConversationLogReader.open(dir, "agent-1").forEach(e -> {}))
        .isInstanceOfSatisfying(CorruptLogException.class, e -> assertThat(e.seq()).isEqualTo(3));
  }

  @Test
  void open_sequenceDigitFlipped_reportsTheExpectedSeq() throws Exception {
    appendTen();
    flipByteInLine(segment(), 3, 7);

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(CorruptLogException.class, e -> assertThat(e.seq()).isEqualTo(3));
  }

  @Test
  void open_byteFlippedInRecordThree_lenientQuarantinesAndStartsANewSegment() throws Exception {
    appendTen();
    Path damaged = segment();
    flipByteInLine(damaged, 3, 60);

    try (ConversationLog log =
        ConversationLog.builder(dir, "agent-1").recovery(ConversationLog.Recovery.LENIENT).open()) {
      assertThat(log.quarantined())
          .singleElement()
          .satisfies(p -> assertThat(p.getFileName().toString()).endsWith(".quarantined"));
      assertThat(damaged).doesNotExist();
      assertThat(log.lastSeq()).isEqualTo(2);
      assertThat(log.append(LogRecords.start("new"))).isEqualTo(3);
    }
    List<LogEntry> all = new ArrayList<>();
    ConversationLogReader.open(dir, "agent-1").forEach(all::add);
    assertThat(all).extracting(LogEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(((LogRecord.TurnStarted) all.get(2).record()).message().text()).isEqualTo("new");
    try (ConversationLog again = open()) {
      assertThat(again.lastSeq()).isEqualTo(3);
    }
  }

  @Test
  void open_secondWriterInThisJvm_isLocked() {
    try (ConversationLog first = open()) {
      assertThatThrownBy(this::open).isInstanceOf(LogLockedException.class);
      first.append(LogRecords.start("still mine"));
    }
    try (ConversationLog again = open()) {
      assertThat(again.lastSeq()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(60)
  void append_groupCommitFromManyThreads_losesNothing() throws Exception {
    assertConcurrentAppends(Durability.group(Duration.ofMillis(2)));
  }

  @Test
  @Timeout(60)
  void append_noneFromManyThreads_losesNothing() throws Exception {
    assertConcurrentAppends(Durability.NONE);
  }

  private void assertConcurrentAppends(Durability durability) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (ConversationLog log =
        ConversationLog.builder(dir, "agent-1").durability(durability).open()) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    log.append(
                        LogRecords.turn(
                            "t" + thread + "-" + i, SessionKey.of("u" + thread, "s"), "x"));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(50, TimeUnit.SECONDS);
      }
      assertThat(log.lastSeq()).isEqualTo(8 * 50 * 5);
    } finally {
      pool.shutdown();
    }
    ConversationLogReader reader = ConversationLogReader.open(dir, "agent-1");
    assertThat(reader.conversations())
        .hasSize(8)
        .allSatisfy(c -> assertThat(c.turns()).isEqualTo(50));
    List<LogEntry> u3 = reader.replay(SessionKey.of("u3", "s"));
    for (int i = 0; i < 50; i++) {
      assertThat(u3.get(i * 5).record().turnId()).isEqualTo("t3-" + i);
    }
  }

  @Test
  void append_pastTheSegmentSize_rollsToNewSegmentsThatReadAsOne() throws Exception {
    try (ConversationLog log =
        ConversationLog.builder(dir, "agent-1").maxSegmentBytes(1024).open()) {
      for (int i = 0; i < 10; i++) {
        log.append(LogRecords.turn("t" + i, ALICE, "a"));
      }
    }
    try (Stream<Path> files = Files.list(dir.resolve("agent-1"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".jsonl")).count()).isGreaterThan(3);
    }
    try (ConversationLog log =
        ConversationLog.builder(dir, "agent-1").maxSegmentBytes(1024).open()) {
      assertThat(log.append(LogRecords.start("more"))).isEqualTo(51);
    }
    List<LogEntry> all = new ArrayList<>();
    ConversationLogReader.open(dir, "agent-1").forEach(all::add);
    assertThat(all).hasSize(51);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).seq()).isEqualTo(i + 1);
    }
  }

  @Test
  void append_registeredSecrets_neverReachTheFile() throws Exception {
    String secret = "gsk_TEST_SECRET_123";
    try (ConversationLog log =
        ConversationLog.builder(dir, "agent-1").redactSecrets(List.of(secret)).open()) {
      log.append(LogRecords.turn("t1", ALICE, "my key is " + secret));
    }
    assertThat(Files.readString(segment())).doesNotContain(secret).contains("my key is ****");
    assertThat(ConversationLogReader.open(dir, "agent-1").replay(ALICE)).hasSize(5);
  }

  @Test
  void misuse_isReportedClearly() {
    assertThatThrownBy(() -> ConversationLog.builder(dir, "../escape"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConversationLog.builder(null, "a"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Durability.group(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    ConversationLog log = open();
    assertThatThrownBy(() -> log.append(List.of())).isInstanceOf(IllegalArgumentException.class);
    log.close();
    log.close();
    assertThatThrownBy(() -> log.append(LogRecords.start("late")))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Flips one byte at {@code column} of line {@code lineNumber} (from 1). */
  static void flipByteInLine(Path file, int lineNumber, int column) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int line = 1;
    int start = 0;
    for (int i = 0; i < bytes.length && line < lineNumber; i++) {
      if (bytes[i] == '\n') {
        line++;
        start = i + 1;
      }
    }
    bytes[start + column] ^= 0x04;
    Files.write(file, bytes);
  }
}
