package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY 28: a child JVM adds and commits in a loop and is killed with SIGKILL at a random
 * instant, round after round; every time the store opens at a generation at least the last one
 * acknowledged, and answers exactly as a reference index rebuilt for that generation. 200 rounds by
 * default; {@code -Dcodex.killloop.rounds=N} changes that.
 */
final class KillLoopTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void kill_atRandomInstants_lastAcknowledgedCommitSurvives() throws Exception {
    int rounds = Integer.getInteger("codex.killloop.rounds", 60);
    Random rng = new Random(20240601);
    long lastAcked = 0;
    int roundsWithCommits = 0;
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      Process child = startChild();
      AtomicLong acked = new AtomicLong(-1);
      CountDownLatch opened = new CountDownLatch(1);
      Thread reader = drain(child, acked, opened);
      // The child JVM needs most of a second to start; the clock starts once it has opened the
      // store, so that every kill lands somewhere in the add/commit loop.
      assertThat(opened.await(30, TimeUnit.SECONDS)).as("child opened the store").isTrue();
      Thread.sleep(200 + rng.nextInt(501));
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      reader.join(5_000);
      if (acked.get() > lastAcked) {
        roundsWithCommits++;
        lastAcked = acked.get();
      }
      lastAcked = Math.max(lastAcked, verify(lastAcked, round));
    }
    System.out.printf(
        "kill loop: %d rounds (%d with new commits), generation %d, %.1f s%n",
        rounds, roundsWithCommits, lastAcked, (System.nanoTime() - start) / 1e9);
    assertThat(roundsWithCommits).isGreaterThan(rounds / 2);
  }

  private long verify(long lastAcked, int round) {
    try (FaissMemoryStore store = KillLoopChild.open(dir)) {
      long gen = store.generation();
      assertThat(gen).as("round %d", round).isGreaterThanOrEqualTo(lastAcked);
      assertThat(store.size()).as("round %d", round).isEqualTo(gen);
      if (gen == 0) {
        return 0;
      }
      FlatIndex reference = FlatIndex.create(KillLoopChild.D, Metric.L2);
      for (long n = 1; n <= gen; n++) {
        reference.add(KillLoopChild.vector(n));
      }
      for (long q = 0; q < 3; q++) {
        float[] query =
            Fixtures.randomVectors(1, KillLoopChild.D, 1_000_000 + round * 3L + q, false);
        SearchResult expected = reference.search(query, 5);
        List<MemoryMatch> got = store.search(MemoryQuery.byVector(query).topK(5).build());
        List<String> expectedIds = new ArrayList<>();
        for (long row : expected.labels()) {
          expectedIds.add("r" + (row + 1));
        }
        assertThat(got)
            .extracting(m -> m.record().id())
            .as("round %d", round)
            .isEqualTo(expectedIds);
      }
      return gen;
    }
  }

  private Process startChild() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java,
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            cp,
            KillLoopChild.class.getName(),
            dir.toString())
        .redirectErrorStream(true)
        .start();
  }

  private static Thread drain(Process child, AtomicLong acked, CountDownLatch opened) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  if (!line.startsWith("committed ") && !line.startsWith("opened ")) {
                    System.out.println("child: " + line);
                  }
                  if (line.startsWith("opened ")) {
                    opened.countDown();
                  }
                  if (line.startsWith("committed ")) {
                    acked.set(Long.parseLong(line.substring("committed ".length())));
                  }
                }
              } catch (IOException e) {
                // the child was killed mid-line: what was read before counts
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
