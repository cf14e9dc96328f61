package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.memory.faiss.internal.StorageIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY 33: an IO failure at any step of a commit leaves the previous generation. */
final class CommitFaultInjectionTest {
  private static final int D = 8;
  @TempDir Path root;

  /** Fails call number {@code failAt} (1-based) of every operation, writes included. */
  static final class FaultyIo implements StorageIo {
    private final StorageIo real = StorageIo.files();
    private int calls;
    int failAt = -1;

    private void count(String what) throws IOException {
      if (++calls == failAt) {
        throw new IOException("injected failure at call " + calls + " (" + what + ")");
      }
    }

    @Override
    public Output create(Path file) throws IOException {
      count("create " + file.getFileName());
      Output out = real.create(file);
      return new Output() {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          count("write");
          out.write(b, off, len);
        }

        @Override
        public void force() throws IOException {
          count("force");
          out.force();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }

    @Override
    public void atomicMove(Path from, Path to) throws IOException {
      count("move");
      real.atomicMove(from, to);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
      count("sync");
      real.syncDirectory(dir);
    }

    @Override
    public void delete(Path file) throws IOException {
      real.delete(file);
    }
  }

  private FaissMemoryStore open(Path dir, FaultyIo io) {
    return FaissMemoryStore.builder()
        .directory(dir)
        .dimension(D)
        .similarity(Similarity.L2)
        .autoCommit(false)
        .storageIo(io)
        .build();
  }

  private static MemoryRecord rec(String id, int seed) {
    return MemoryRecord.builder(id, id).vector(Fixtures.randomVectors(1, D, seed, false)).build();
  }

  @Test
  void commit_failureAtEachStep_previousGenerationStaysAndStoreRecovers() throws IOException {
    int steps = countCommitCalls();
    assertThat(steps).isGreaterThanOrEqualTo(8);
    for (int k = 1; k <= steps; k++) {
      Path dir = root.resolve("k" + k);
      FaultyIo io = new FaultyIo();
      try (FaissMemoryStore store = open(dir, io)) {
        store.add(rec("a", 1));
        store.commit();
      }
      io = new FaultyIo();
      FaissMemoryStore store = open(dir, io);
      store.add(rec("b", 2));
      io.failAt = io.calls + k;
      assertThatThrownBy(store::commit).isInstanceOf(MemoryStoreException.class);
      store.abandon();

      try (FaissMemoryStore reopened = open(dir, new FaultyIo())) {
        assertThat(reopened.generation()).as("after failing call %d", k).isEqualTo(1);
        assertThat(reopened.size()).isEqualTo(1);
        reopened.add(rec("c", 3));
        reopened.commit();
        assertThat(reopened.generation()).isEqualTo(2);
      }
      assertThat(listing(dir))
          .as("after failing call %d", k)
          .isEqualTo(
              Set.of(
                  "write.lock",
                  "manifest-1",
                  "index-1.faiss",
                  "records-1.cxr",
                  "manifest-2",
                  "index-2.faiss",
                  "records-2.cxr"));
    }
  }

  @Test
  void commit_failureThenRetryOnSameStore_succeeds() {
    FaultyIo io = new FaultyIo();
    Path dir = root.resolve("retry");
    try (FaissMemoryStore store = open(dir, io)) {
      store.add(rec("a", 1));
      io.failAt = io.calls + 3;
      assertThatThrownBy(store::commit).isInstanceOf(MemoryStoreException.class);
      store.commit();
      assertThat(store.generation()).isEqualTo(1);
    }
    try (FaissMemoryStore store = open(dir, new FaultyIo())) {
      assertThat(store.size()).isEqualTo(1);
    }
  }

  private int countCommitCalls() {
    FaultyIo io = new FaultyIo();
    try (FaissMemoryStore store = open(root.resolve("count"), io)) {
      store.add(rec("a", 1));
      int before = io.calls;
      store.commit();
      return io.calls - before;
    }
  }

  private static Set<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
