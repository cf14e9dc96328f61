package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round trips through FAISS itself on random data, both ways: files written here load in FAISS and
 * give the same answers, and files FAISS writes load here, give its answers and write back byte for
 * byte.
 */
final class FaissPythonInteropTest {
  private static final int N = 2000;
  private static final int D = 24;
  private static final int K = 10;

  @TempDir Path dir;
  private PythonFaiss faiss;
  private float[] base;
  private float[] queries;
  private Path queryFile;

  @BeforeEach
  void setUp() throws Exception {
    faiss = PythonFaiss.require(dir);
    base = Fixtures.randomVectors(N, D, 60, true);
    queries = Fixtures.randomVectors(25, D, 61, true);
    queryFile = dir.resolve("queries.fvecs");
    PythonFaiss.writeFvecs(queryFile, queries, D);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "flat_l2",
        "flat_ip",
        "hnsw_l2",
        "hnsw_ip",
        "idmap2_hnsw_l2",
        "idmap_flat_ip",
        "ivf_flat_l2"
      })
  void read_indexWrittenByFaiss_sameAnswersAndSameBytes(String kind) throws Exception {
    Path baseFile = dir.resolve("base.fvecs");
    PythonFaiss.writeFvecs(baseFile, base, D);
    Path file = dir.resolve(kind + ".faissindex");
    int param = kind.startsWith("ivf") ? 5 : 64;
    JsonNode expected =
        faiss.buildAndSearch(kind, baseFile, file, queryFile, K, param, dir.resolve("out.json"));
    VectorIndex index = FaissIndexes.read(file);
    assertThat(FaissIndexes.toBytes(index)).isEqualTo(Files.readAllBytes(file));
    assertSame(expected, q -> searchAt(index, q, param));
  }

  @Test
  void write_indexesBuiltHere_loadInFaissWithSameAnswers() throws Exception {
    FlatIndex flatL2 = FlatIndex.create(D, Metric.L2);
    flatL2.add(base);
    FlatIndex flatIp = FlatIndex.create(D, Metric.INNER_PRODUCT);
    flatIp.add(base);
    HnswIndex hnswIp = HnswIndex.builder(D, Metric.INNER_PRODUCT).m(16).efConstruction(40).build();
    hnswIp.add(base);
    HnswIndex hnswL2 = HnswIndex.builder(D, Metric.L2).m(12).build();
    IdMapIndex idmap2 = IdMapIndex.create(hnswL2);
    long[] ids = new long[N];
    for (int i = 0; i < N; i++) {
      ids[i] = (1L << 50) + 31L * i;
    }
    idmap2.add(ids, base);
    idmap2.remove(ids[3], ids[500], ids[1999]);
    IdMapIndex idmap = IdMapIndex.createOneWay(FlatIndex.create(D, Metric.L2));
    idmap.add(ids, base);
    for (VectorIndex index : new VectorIndex[] {flatL2, flatIp, hnswIp, idmap2, idmap}) {
      if (faiss.hasLegacyHnswStop()) {
        legacy(index);
      }
      Path file = dir.resolve("java-" + index.typeTag() + index.metric() + ".faissindex");
      FaissIndexes.write(index, file);
      JsonNode expected = faiss.search(file, queryFile, K, 64, dir.resolve("out.json"));
      assertThat(expected.get("ntotal").asLong()).isEqualTo(index.size());
      assertSame(expected, q -> searchAt(index, q, 64));
    }
  }

  private static void legacy(VectorIndex index) {
    if (index instanceof HnswIndex h) {
      h.legacySearch(true);
    } else if (index instanceof IdMapIndex m && m.inner() instanceof HnswIndex h) {
      h.legacySearch(true);
    }
  }

  private static SearchResult searchAt(VectorIndex index, float[] q, int param) {
    if (index instanceof HnswIndex h) {
      return h.search(q, K, param);
    }
    if (index instanceof IdMapIndex m && m.inner() instanceof HnswIndex h) {
      int saved = h.efSearch();
      h.efSearch(param);
      try {
        return m.search(q, K);
      } finally {
        h.efSearch(saved);
      }
    }
    if (index instanceof IvfFlatIndex ivf) {
      return ivf.search(q, K, param, null);
    }
    return index.search(q, K);
  }

  private void assertSame(JsonNode expected, java.util.function.Function<float[], SearchResult> s) {
    for (int q = 0; q < queries.length / D; q++) {
      SearchResult got = s.apply(Fixtures.row(queries, D, q));
      JsonNode ids = expected.get("ids").get(q);
      JsonNode dist = expected.get("distances").get(q);
      assertThat(got.size()).isEqualTo(K);
      for (int i = 0; i < K; i++) {
        assertThat(got.label(i)).as("query %d rank %d", q, i).isEqualTo(ids.get(i).asLong());
        assertThat((double) got.distance(i)).isCloseTo(dist.get(i).asDouble(), within(1e-4));
      }
    }
  }
}
