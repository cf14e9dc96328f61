package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MetadataFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class FaissMemoryStoreTest {
  private static final int D = 16;
  @TempDir Path dir;

  private FaissMemoryStore.Builder builder() {
    return FaissMemoryStore.builder().directory(dir).embeddingModel(new FakeEmbeddingModel(D));
  }

  private static MemoryRecord rec(String id, float[] v, String user) {
    return MemoryRecord.builder(id, "text of " + id)
        .vector(v)
        .metadata(MemoryRecord.USER, user)
        .build();
  }

  @ParameterizedTest
  @EnumSource(StoreIndexType.class)
  void search_byVector_returnsNearestWithScoresHigherIsCloser(StoreIndexType type) {
    float[] data = Fixtures.randomVectors(300, D, 40, false);
    try (FaissMemoryStore store = builder().index(type).similarity(Similarity.L2).build()) {
      List<MemoryRecord> records = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        records.add(rec("r" + i, Fixtures.row(data, D, i), i % 2 == 0 ? "ada" : "bob"));
      }
      store.add(records);
      List<MemoryMatch> hits =
          store.search(MemoryQuery.byVector(Fixtures.row(data, D, 17)).topK(3).build());
      assertThat(hits).hasSize(3);
      assertThat(hits.get(0).record().id()).isEqualTo("r17");
      assertThat(hits.get(0).score()).isEqualTo(0.0);
      assertThat(hits.get(1).score()).isLessThan(0.0).isGreaterThanOrEqualTo(hits.get(2).score());
      assertThat(hits.get(0).record().metadata()).containsEntry(MemoryRecord.USER, "bob");
    }
  }

  @Test
  void search_metadataFilter_returnsOnlyMatchingRecords() {
    float[] data = Fixtures.randomVectors(200, D, 41, false);
    try (FaissMemoryStore store = builder().index(StoreIndexType.HNSW).build()) {
      List<MemoryRecord> records = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        records.add(rec("r" + i, Fixtures.row(data, D, i), i == 150 ? "carol" : "ada"));
      }
      store.add(records);
      List<MemoryMatch> hits =
          store.search(
              MemoryQuery.byVector(Fixtures.row(data, D, 3))
                  .topK(5)
                  .filter(MetadataFilter.eq(MemoryRecord.USER, "carol"))
                  .build());
      assertThat(hits).extracting(m -> m.record().id()).containsExactly("r150");
    }
  }

  @Test
  void search_byText_embedsWithTheStoreModelAndScoresCosine() {
    try (FaissMemoryStore store = builder().build()) {
      store.add(MemoryRecord.builder("a", "the cat sat on the mat").build());
      store.add(MemoryRecord.builder("b", "stock prices fell sharply").build());
      List<MemoryMatch> hits = store.search(MemoryQuery.byText("a cat on a mat").topK(2).build());
      assertThat(hits.get(0).record().id()).isEqualTo("a");
      assertThat(hits.get(0).score()).isBetween(0.0, 1.0 + 1e-6);
      assertThat(store.search(MemoryQuery.byText("cat").minScore(0.99).build())).isEmpty();
    }
  }

  @Test
  void add_sameId_replacesRecord() {
    try (FaissMemoryStore store = builder().build()) {
      store.add(MemoryRecord.builder("x", "first text").build());
      store.add(MemoryRecord.builder("x", "second text").metadata("v", 2).build());
      assertThat(store.size()).isEqualTo(1);
      MemoryRecord r = store.get("x").orElseThrow();
      assertThat(r.text()).isEqualTo("second text");
      assertThat(r.metadata()).containsEntry("v", 2L);
      assertThat(r.vector()).hasSize(D);
    }
  }

  @Test
  void delete_byIdAndByFilter_removesFromIndexAndRecords() {
    float[] data = Fixtures.randomVectors(10, D, 42, false);
    try (FaissMemoryStore store = builder().similarity(Similarity.INNER_PRODUCT).build()) {
      for (int i = 0; i < 10; i++) {
        store.add(rec("r" + i, Fixtures.row(data, D, i), i < 4 ? "ada" : "bob"));
      }
      assertThat(store.delete(List.of("r5", "nope"))).isEqualTo(1);
      assertThat(store.delete(MetadataFilter.eq(MemoryRecord.USER, "ada"))).isEqualTo(4);
      assertThat(store.size()).isEqualTo(5);
      assertThat(store.get("r5")).isEmpty();
      List<MemoryMatch> hits =
          store.search(MemoryQuery.byVector(Fixtures.row(data, D, 0)).topK(10).build());
      assertThat(hits).extracting(m -> m.record().id()).doesNotContain("r0", "r1", "r5");
    }
  }

  @Test
  void reopen_afterCommits_restoresRecordsAndWritesFaissFiles() {
    float[] data = Fixtures.randomVectors(50, D, 43, false);
    try (FaissMemoryStore store = builder().index(StoreIndexType.HNSW).hnswM(8).build()) {
      for (int i = 0; i < 50; i++) {
        store.add(rec("r" + i, Fixtures.row(data, D, i), "ada"));
      }
      assertThat(store.generation()).isEqualTo(50);
    }
    try (FaissMemoryStore store = builder().build()) {
      assertThat(store.size()).isEqualTo(50);
      assertThat(store.generation()).isEqualTo(50);
      assertThat(store.loadTime()).isPositive();
      MemoryRecord r = store.get("r7").orElseThrow();
      float[] expected = StoreRecords.checked(Fixtures.row(data, D, 7), D, Similarity.COSINE);
      assertThat(r.vector()).containsExactly(expected);
    }
    VectorIndex onDisk = FaissIndexes.read(dir.resolve("index-50.faiss"));
    assertThat(onDisk.typeTag()).isEqualTo("IxM2");
    assertThat(((IdMapIndex) onDisk).inner().typeTag()).isEqualTo("IHNf");
    assertThat(onDisk.size()).isEqualTo(50);
  }

  @Test
  void commit_keepsOnlyCurrentAndPreviousGeneration() throws Exception {
    try (FaissMemoryStore store = builder().build()) {
      for (int i = 0; i < 5; i++) {
        store.add(MemoryRecord.builder("r" + i, "text " + i).build());
      }
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "write.lock",
              "manifest-4",
              "index-4.faiss",
              "records-4.cxr",
              "manifest-5",
              "index-5.faiss",
              "records-5.cxr");
    }
  }

  @Test
  void autoCommitOff_commitsOnClose() {
    try (FaissMemoryStore store = builder().autoCommit(false).build()) {
      store.add(MemoryRecord.builder("a", "alpha").build());
      store.add(MemoryRecord.builder("b", "beta").build());
      assertThat(store.generation()).isZero();
    }
    try (FaissMemoryStore store = builder().build()) {
      assertThat(store.generation()).isEqualTo(1);
      assertThat(store.size()).isEqualTo(2);
    }
  }

  @Test
  void build_secondStoreOnSameDirectory_isRejected() {
    try (FaissMemoryStore store = builder().build()) {
      assertThatThrownBy(() -> builder().build())
          .isInstanceOf(MemoryStoreException.class)
          .hasMessageContaining("already open");
      assertThat(store.size()).isZero();
    }
  }

  @Test
  void add_wrongDimensionOrNoModel_isRejected() {
    try (FaissMemoryStore store = builder().build()) {
      assertThatThrownBy(() -> store.add(rec("a", new float[D + 1], "ada")))
          .isInstanceOf(IllegalArgumentException.class);
    }
    try (FaissMemoryStore store =
        FaissMemoryStore.builder().directory(dir.resolve("nomodel")).dimension(D).build()) {
      assertThatThrownBy(() -> store.add(MemoryRecord.builder("a", "no vector").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("embedding model");
    }
  }

  @Test
  void build_existingStoreWithOtherDimensionModel_isRejected() {
    builder().build().close();
    try (FaissMemoryStore s = builder().build()) {
      s.add(MemoryRecord.builder("a", "alpha").build());
    }
    assertThatThrownBy(
            () ->
                FaissMemoryStore.builder()
                    .directory(dir)
                    .embeddingModel(new FakeEmbeddingModel(D + 1))
                    .build())
        .isInstanceOf(MemoryStoreException.class)
        .hasMessageContaining("16-d");
  }

  @Test
  void close_twice_isHarmless_andUseAfterCloseFails() {
    FaissMemoryStore store = builder().build();
    store.close();
    store.close();
    assertThatThrownBy(store::size).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keys_areCleanedUpOnlyForStoreFiles() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    try (FaissMemoryStore store = builder().build()) {
      store.add(MemoryRecord.builder("a", "alpha").build());
      store.add(MemoryRecord.builder("b", "beta").build());
      store.add(MemoryRecord.builder("c", "gamma").build());
    }
    try (var files = Files.list(dir)) {
      Set<String> names = Set.copyOf(files.map(p -> p.getFileName().toString()).toList());
      assertThat(names)
          .contains("notes.txt", "manifest-3", "manifest-2")
          .doesNotContain("manifest-1");
    }
  }
}
