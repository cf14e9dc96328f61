package dev.codexcontinue.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.test.AbstractMemoryStoreContractTest;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InMemoryMemoryStoreTest extends AbstractMemoryStoreContractTest {
  @Override
  protected EmbeddingModel newEmbeddingModel(int dimensions) {
    return HashingEmbeddingModel.create(dimensions);
  }

  @Override
  protected MemoryStore newStore(EmbeddingModel model) {
    return InMemoryMemoryStore.create(model);
  }

  @Test
  void closedStore_rejectsUse() {
    store.close();

    assertThatThrownBy(() -> store.size()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.add(record("a", vec(1))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.search(MemoryQuery.byVector(vec(1)).build()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void embeddingModelReturningWrongCount_isReported() {
    EmbeddingModel broken =
        new EmbeddingModel() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public int dimensions() {
            return DIMS;
          }

          @Override
          public List<float[]> embedAll(List<String> texts) {
            return List.of();
          }
        };
    try (InMemoryMemoryStore brokenStore = InMemoryMemoryStore.create(broken)) {
      assertThatThrownBy(() -> brokenStore.add(MemoryRecord.builder("a", "text").build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("broken");
      assertThat(brokenStore.size()).isZero();
    }
  }

  @Test
  void create_checksModel() {
    assertThatThrownBy(() -> InMemoryMemoryStore.create(null)).hasMessage("model == null");
    assertThat(InMemoryMemoryStore.create(model).dimensions()).isEqualTo(DIMS);
  }

  @Test
  void toString_doesNotShowTexts() {
    store.add(MemoryRecord.builder("a", "a secret remembered").build());

    assertThat(store.toString()).doesNotContain("secret").contains("hashing-64");
  }

  @Test
  void search_equalScores_comeInIdOrder() {
    store.add(List.of(record("b", vec(1, 0)), record("c", vec(2, 0)), record("a", vec(3, 0))));

    assertThat(store.search(MemoryQuery.byVector(vec(1, 0)).topK(2).build()))
        .extracting(m -> m.record().id())
        .containsExactly("a", "b");
  }

  @Test
  void get_returnsTheExactRecordAdded() {
    MemoryRecord r = record("a", vec(1, 2, 3), "user", "ada", "time", 5L, "ratio", 0.5, "ok", true);
    store.add(r);

    assertThat(store.get("a")).contains(r);
  }
}
