package dev.codexcontinue.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.test.KillLoop;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY 32: a child JVM appends to a conversation log and is killed with SIGKILL at a random
 * instant, round after round. Every time, a strict open succeeds; every acknowledged record is
 * there and valid, in sequence, with its own content; at most one trailing partial record is cut
 * off. While the child holds the log, a second writer fails at once with {@link
 * LogLockedException}. 40 rounds by default so that the suite stays fast; {@code
 * -Dcodex.log.killloop.rounds=200} runs the 200 rounds of the requirement.
 */
final class ConversationLogKillTest {
  /** Longer than any line the child writes (about 200 bytes). */
  private static final long MAX_LINE_BYTES = 512;

  @TempDir Path dir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void kill_atRandomInstants_everyAcknowledgedRecordSurvives() throws Exception {
    int rounds = Integer.getInteger("codex.log.killloop.rounds", 40);
    Random rng = new Random(32);
    long lastAcked = 0;
    int tornRounds = 0;
    AtomicLong lockCheckNanos = new AtomicLong(-1);
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      Runnable whileRunning = round == 0 ? () -> lockCheckNanos.set(timeRefusal(dir)) : () -> {};
      long acked =
          KillLoop.runAndKill(
              ConversationLogChild.class,
              List.of(dir.toString()),
              "acked ",
              20 + rng.nextInt(180),
              whileRunning);
      lastAcked = Math.max(lastAcked, acked);
      try (ConversationLog log = ConversationLog.builder(dir, "killed").open()) {
        assertThat(log.lastSeq()).as("round %d", round).isGreaterThanOrEqualTo(lastAcked);
        if (log.truncatedBytes() > 0) {
          tornRounds++;
        }
        // At most one dropped trailing partial: a torn tail never holds a whole line.
        assertThat(log.truncatedBytes()).as("round %d", round).isLessThan(MAX_LINE_BYTES);
        lastAcked = log.lastSeq();
      }
      verifyEveryRecord(dir, lastAcked, round);
    }
    System.out.printf(
        "conversation log kill loop: %d rounds, %d records, %d torn tails cut, lock refused in"
            + " %.1f ms, %.1f s%n",
        rounds,
        lastAcked,
        tornRounds,
        lockCheckNanos.get() / 1e6,
        (System.nanoTime() - start) / 1e9);
    assertThat(lockCheckNanos.get()).isBetween(0L, TimeUnit.MILLISECONDS.toNanos(100));
    assertThat(lastAcked).isGreaterThan(rounds);
  }

  /**
   * Opens the log a child holds, twice: the first refusal loads the classes of the open path, the
   * second is the one timed, so that the figure is the refusal itself, not class loading.
   */
  private static long timeRefusal(Path logDir) {
    long nanos = -1;
    for (int attempt = 0; attempt < 2; attempt++) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> ConversationLog.builder(logDir, "killed").open())
          .isInstanceOf(LogLockedException.class)
          .hasMessageContaining("another process");
      nanos = System.nanoTime() - t0;
    }
    return nanos;
  }

  private static void verifyEveryRecord(Path dir, long expected, int round) {
    AtomicLong seen = new AtomicLong();
    ConversationLogReader.open(dir, "killed")
        .forEach(
            entry -> {
              long n = seen.incrementAndGet();
              assertThat(entry.seq()).as("round %d", round).isEqualTo(n);
              LogRecord.TurnStarted start = (LogRecord.TurnStarted) entry.record();
              assertThat(start.message().text()).as("round %d", round).isEqualTo("m" + n);
            });
    assertThat(seen.get()).as("round %d", round).isEqualTo(expected);
  }
}
