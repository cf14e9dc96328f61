package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.memory.MemoryRecord;
import java.nio.file.Path;

/**
 * The child JVM of {@link KillLoopTest}: adds one record per commit, forever, and prints {@code
 * committed N} after each commit returns. Record {@code rN} is added by generation N.
 */
final class KillLoopChild {
  static final int D = 8;

  private KillLoopChild() {}

  static float[] vector(long n) {
    return Fixtures.randomVectors(1, D, n, false);
  }

  public static void main(String[] args) {
    try (FaissMemoryStore store = open(Path.of(args[0]))) {
      long gen = store.generation();
      System.out.println("opened " + gen);
      System.out.flush();
      while (true) {
        long next = gen + 1;
        store.add(MemoryRecord.builder("r" + next, "record " + next).vector(vector(next)).build());
        gen = store.generation();
        System.out.println("committed " + gen);
        System.out.flush();
      }
    }
  }

  static FaissMemoryStore open(Path dir) {
    return FaissMemoryStore.builder().directory(dir).dimension(D).similarity(Similarity.L2).build();
  }
}
