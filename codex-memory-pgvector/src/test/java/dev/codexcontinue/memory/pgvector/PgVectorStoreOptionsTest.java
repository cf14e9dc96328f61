package dev.codexcontinue.memory.pgvector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.spi.MemoryStoreFactory;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Metrics, indexes, schema versions and discovery of the pgvector store. */
final class PgVectorStoreOptionsTest {
  private final String url = PgServers.jdbcUrl();

  private PgVectorMemoryStore open(String table, VectorMetric metric, VectorIndexType index) {
    return PgVectorMemoryStore.builder()
        .url(url)
        .table(table)
        .dimension(3)
        .metric(metric)
        .index(index)
        .ivfLists(1)
        .ivfProbes(1)
        .build();
  }

  private static MemoryRecord rec(String id, float... v) {
    return MemoryRecord.builder(id, id).vector(v).build();
  }

  @ParameterizedTest
  @EnumSource(VectorMetric.class)
  void search_everyMetric_scoresLikeTheFaissStore(VectorMetric metric) {
    try (PgVectorMemoryStore store =
        open(PgVectorMemoryStoreTest.freshTable(), metric, VectorIndexType.HNSW)) {
      store.add(List.of(rec("near", 1, 0, 0), rec("far", 0, 3, 0), rec("long", 2, 2, 0)));

      List<MemoryMatch> hits = store.search(MemoryQuery.byVector(new float[] {1, 0, 0}).build());

      double[] scores = hits.stream().mapToDouble(MemoryMatch::score).toArray();
      switch (metric) {
        case COSINE -> {
          assertThat(hits).extracting(m -> m.record().id()).containsExactly("near", "long", "far");
          assertThat(scores).containsExactly(new double[] {1, Math.sqrt(0.5), 0}, within(1e-6));
        }
        case INNER_PRODUCT -> {
          assertThat(hits).extracting(m -> m.record().id()).containsExactly("long", "near", "far");
          assertThat(scores).containsExactly(new double[] {2, 1, 0}, within(1e-6));
        }
        case L2 -> {
          assertThat(hits).extracting(m -> m.record().id()).containsExactly("near", "long", "far");
          assertThat(scores).containsExactly(new double[] {0, -5, -10}, within(1e-6));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(VectorIndexType.class)
  void search_everyIndex_findsTheNearest(VectorIndexType index) {
    try (PgVectorMemoryStore store =
        open(PgVectorMemoryStoreTest.freshTable(), VectorMetric.COSINE, index)) {
      store.add(List.of(rec("x", 1, 0, 0), rec("y", 0, 1, 0), rec("z", 0, 0, 1)));

      assertThat(store.search(MemoryQuery.byVector(new float[] {0, 0.1f, 1}).topK(1).build()))
          .extracting(m -> m.record().id())
          .containsExactly("z");
      assertThat(store.index()).isEqualTo(index);
    }
  }

  @Test
  void reopen_existingTable_keepsRecordsAndRecordsSchemaVersion() throws Exception {
    String table = PgVectorMemoryStoreTest.freshTable();
    try (PgVectorMemoryStore store = open(table, VectorMetric.L2, VectorIndexType.HNSW)) {
      store.add(rec("kept", 1, 2, 3));
    }
    try (PgVectorMemoryStore again = open(table, VectorMetric.L2, VectorIndexType.HNSW)) {
      assertThat(again.get("kept")).isPresent();
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, dimension, metric, index_type FROM codex_schema"
                    + " WHERE table_name = '"
                    + table
                    + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(PgSchema.VERSION);
      assertThat(rs.getInt(2)).isEqualTo(3);
      assertThat(rs.getString(3)).isEqualTo("l2");
      assertThat(rs.getString(4)).isEqualTo("hnsw");
    }
  }

  @Test
  void reopen_withOtherDimensionOrMetric_failsClearly() {
    String table = PgVectorMemoryStoreTest.freshTable();
    open(table, VectorMetric.COSINE, VectorIndexType.HNSW).close();

    assertThatThrownBy(
            () -> PgVectorMemoryStore.builder().url(url).table(table).dimension(4).build())
        .isInstanceOf(MemoryStoreException.class)
        .hasMessageContaining("3 dimensions, not 4");
    assertThatThrownBy(() -> open(table, VectorMetric.L2, VectorIndexType.HNSW))
        .isInstanceOf(MemoryStoreException.class)
        .hasMessageContaining("cosine");
  }

  @Test
  void builder_badTableName_isRejected() {
    assertThatThrownBy(() -> PgVectorMemoryStore.builder().table("x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serviceLoader_findsFactory_whichOpensTheStoreFromSettings() {
    MemoryStoreFactory factory =
        ServiceLoader.load(MemoryStoreFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals("pgvector"))
            .findFirst()
            .orElseThrow();
    Settings settings =
        Settings.builder()
            .put("pgvector.url", url)
            .put("pgvector.table", PgVectorMemoryStoreTest.freshTable())
            .put("pgvector.metric", "ip")
            .put("pgvector.index", "none")
            .build();
    try (MemoryStore store = factory.create(settings, HashingEmbeddingModel.create(8))) {
      store.add(MemoryRecord.builder("a", "alpha beta").build());
      assertThat(((PgVectorMemoryStore) store).metric()).isEqualTo(VectorMetric.INNER_PRODUCT);
      assertThat(store.size()).isEqualTo(1);
    }
    assertThatThrownBy(() -> factory.create(Settings.empty(), HashingEmbeddingModel.create(8)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pgvector.url");
  }
}
