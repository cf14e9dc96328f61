package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.test.KillLoop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY 28: a child JVM adds and commits in a loop and is killed with SIGKILL at a random
 * instant 200-700 ms after it opened the store, round after round; every time the store opens at a
 * generation at least the last one acknowledged, and answers exactly as a reference index rebuilt
 * for that generation. 60 rounds by default so that the suite stays fast (a round is a JVM start,
 * about a second); {@code -Dcodex.killloop.rounds=200} runs the count of the requirement.
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
      long acked =
          KillLoop.runAndKill(
              KillLoopChild.class,
              List.of(dir.toString()),
              "committed ",
              200 + rng.nextInt(501),
              () -> {});
      if (acked > lastAcked) {
        roundsWithCommits++;
        lastAcked = acked;
      }
      lastAcked = Math.max(lastAcked, verify(dir, lastAcked, round));
    }
    System.out.printf(
        "kill loop: %d rounds (%d with new commits), generation %d, %.1f s%n",
        rounds, roundsWithCommits, lastAcked, (System.nanoTime() - start) / 1e9);
    // the kill window is wide enough that most rounds commit something new
    assertThat(roundsWithCommits).isGreaterThan(rounds / 2);
  }

  private static long verify(Path dir, long lastAcked, int round) {
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
}
