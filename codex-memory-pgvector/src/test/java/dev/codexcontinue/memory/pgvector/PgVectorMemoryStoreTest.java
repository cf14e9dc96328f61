package dev.codexcontinue.memory.pgvector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.test.AbstractMemoryStoreContractTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The memory store contract on PostgreSQL + pgvector, with the default HNSW index. */
final class PgVectorMemoryStoreTest extends AbstractMemoryStoreContractTest {
  static String freshTable() {
    return "t_" + UUID.randomUUID().toString().replace("-", "");
  }

  @Override
  protected EmbeddingModel newEmbeddingModel(int dimensions) {
    return HashingEmbeddingModel.create(dimensions);
  }

  @Override
  protected MemoryStore newStore(EmbeddingModel model) {
    return PgVectorMemoryStore.builder()
        .url(PgServers.jdbcUrl())
        .table(freshTable())
        .embeddingModel(model)
        .build();
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
