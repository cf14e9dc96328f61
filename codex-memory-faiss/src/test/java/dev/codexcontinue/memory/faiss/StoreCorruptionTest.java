package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.CorruptStoreException;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY 29 and 30: damage is detected before anything is allocated or answered. */
final class StoreCorruptionTest {
  private static final int D = 8;
  private static final String[] FILES = {"manifest-1", "index-1.faiss", "records-1.cxr"};
  @TempDir Path dir;

  private FaissMemoryStore open(boolean strict) {
    return FaissMemoryStore.builder()
        .directory(dir)
        .dimension(D)
        .similarity(Similarity.L2)
        .strictRecovery(strict)
        .build();
  }

  private void commitGenerations(int gens, int perGen) {
    float[] data = Fixtures.randomVectors(gens * perGen, D, 50, false);
    try (FaissMemoryStore store = open(false)) {
      for (int g = 0; g < gens; g++) {
        List<MemoryRecord> batch = new ArrayList<>();
        for (int i = g * perGen; i < (g + 1) * perGen; i++) {
          batch.add(
              MemoryRecord.builder("r" + i, "t" + i).vector(Fixtures.row(data, D, i)).build());
        }
        store.add(batch);
      }
    }
  }

  private static List<Long> damagedSizes(long size) {
    return List.of(0L, 1L, (long) 27, size / 2, size - 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest-1", "index-1.faiss", "records-1.cxr"})
  void open_truncatedFileOfOnlyGeneration_throwsCorruptStoreQuickly(String file)
      throws IOException {
    commitGenerations(1, 20);
    Path p = dir.resolve(file);
    byte[] original = Files.readAllBytes(p);
    for (long size : damagedSizes(original.length)) {
      Files.write(p, java.util.Arrays.copyOf(original, (int) size));
      assertCorrupt();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest-1", "index-1.faiss", "records-1.cxr"})
  void open_flippedBitsInOnlyGeneration_throwsCorruptStore(String file) throws IOException {
    commitGenerations(1, 20);
    Path p = dir.resolve(file);
    byte[] original = Files.readAllBytes(p);
    Random rng = new Random(file.hashCode());
    for (int i = 0; i < 100; i++) {
      byte[] damaged = original.clone();
      int bit = rng.nextInt(damaged.length * 8);
      damaged[bit / 8] ^= (byte) (1 << (bit % 8));
      Files.write(p, damaged);
      assertCorrupt();
    }
  }

  @Test
  void open_hugeCountsInHeaders_throwsCorruptStoreWithoutAllocating() throws IOException {
    commitGenerations(1, 20);
    // the count fields: i64 at offset 12 of the store's containers, ntotal at offset 8 of FAISS's
    setLong(dir.resolve("records-1.cxr"), 12, 1L << 40);
    assertCorrupt();
    commitFresh();
    setLong(dir.resolve("manifest-1"), 12, 1L << 40);
    assertCorrupt();
    commitFresh();
    setLong(dir.resolve("index-1.faiss"), 8, 1L << 40);
    assertCorrupt();
  }

  private void commitFresh() throws IOException {
    for (String f : FILES) {
      Files.deleteIfExists(dir.resolve(f));
    }
    commitGenerations(1, 20);
  }

  private static void setLong(Path file, int offset, long value) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }
  }

  private void assertCorrupt() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> open(false).close()).isInstanceOf(CorruptStoreException.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest-2", "index-2.faiss", "records-2.cxr"})
  void open_damagedNewestGeneration_fallsBackToPreviousOrThrowsWhenStrict(String file)
      throws IOException {
    commitGenerations(2, 10);
    Path p = dir.resolve(file);
    byte[] bytes = Files.readAllBytes(p);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(p, bytes);
    assertThatThrownBy(() -> open(true).close()).isInstanceOf(CorruptStoreException.class);
    try (FaissMemoryStore store = open(false)) {
      assertThat(store.generation()).isEqualTo(1);
      assertThat(store.size()).isEqualTo(10);
    }
  }

  @Test
  void open_damagedSupersededGeneration_opensNewest() throws IOException {
    commitGenerations(2, 10);
    Path p = dir.resolve("index-1.faiss");
    Files.write(p, new byte[] {1, 2, 3});
    try (FaissMemoryStore store = open(true)) {
      assertThat(store.generation()).isEqualTo(2);
      assertThat(store.size()).isEqualTo(20);
    }
  }

  @Test
  void open_metadataOfNewestCorrupt_fallsBackThenNewRecordRanksFirst() throws IOException {
    commitGenerations(2, 10);
    Path p = dir.resolve("records-2.cxr");
    byte[] bytes = Files.readAllBytes(p);
    bytes[40] ^= 0x01;
    Files.write(p, bytes);
    float[] fresh = Fixtures.randomVectors(1, D, 99, false);
    try (FaissMemoryStore store = open(false)) {
      assertThat(store.generation()).isEqualTo(1);
      store.add(MemoryRecord.builder("new", "fresh").vector(fresh).build());
      List<MemoryMatch> hits = store.search(MemoryQuery.byVector(fresh).topK(3).build());
      assertThat(hits.get(0).record().id()).isEqualTo("new");
      assertThat(store.generation()).isEqualTo(3);
    }
    try (FaissMemoryStore store = open(true)) {
      assertThat(store.size()).isEqualTo(11);
    }
  }
}
