package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fixture written by FAISS 1.7.3 reproduces FAISS's answers, and writes back identically. */
final class FaissFixtureTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "flat_l2.faissindex",
        "flat_ip.faissindex",
        "flat_l2_empty.faissindex",
        "hnsw_l2_m16.faissindex",
        "hnsw_ip_m16.faissindex",
        "idmap_flat_l2.faissindex",
        "idmap2_hnsw_l2_m16.faissindex",
        "ivfflat_l2_nlist16.faissindex"
      })
  void write_readFixture_bytesIdentical(String file) {
    byte[] original = Fixtures.bytes(file);
    VectorIndex index = FaissIndexes.read(original);
    JsonNode f = Fixtures.fixture(file);
    assertThat(index.typeTag()).isEqualTo(outerTag(f.get("fourcc").asText()));
    assertThat(index.size()).isEqualTo(f.get("ntotal").asLong());
    assertThat(FaissIndexes.toBytes(index)).isEqualTo(original);
  }

  private static String outerTag(String fourcc) {
    return fourcc.substring(0, 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flat_l2.faissindex", "flat_ip.faissindex", "idmap_flat_l2.faissindex"})
  void search_flatFixture_sameIdsAndDistancesAsFaiss(String file) {
    VectorIndex index = FaissIndexes.read(Fixtures.bytes(file));
    JsonNode f = Fixtures.fixture(file);
    assertSameAnswers(f, f.get("results").get(0), q -> index.search(q, 10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"flat_l2.faissindex", "flat_ip.faissindex"})
  void search_flatBatch_sameIdsAndDistancesAsFaiss(String file) {
    // a batch takes the transposed-block path: sums in another order, the same answers
    VectorIndex index = FaissIndexes.read(Fixtures.bytes(file));
    JsonNode f = Fixtures.fixture(file);
    List<SearchResult> batch = index.search(Fixtures.fvecs(f.get("queries").asText()), 10);
    AtomicInteger next = new AtomicInteger();
    assertSameAnswers(f, f.get("results").get(0), q -> batch.get(next.getAndIncrement()));
    assertThat(next.get()).isEqualTo(batch.size()).isGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hnsw_l2_m16.faissindex", "hnsw_ip_m16.faissindex"})
  void search_hnswFixtureAtEfSearch64And256_sameIdsAsFaiss(String file) {
    HnswIndex index = (HnswIndex) FaissIndexes.read(Fixtures.bytes(file));
    JsonNode f = Fixtures.fixture(file);
    assertThat(index.m()).isEqualTo(16);
    assertThat(index.efSearch()).isEqualTo(16);
    for (JsonNode result : f.get("results")) {
      int ef = result.get("params").get("efSearch").asInt();
      if (ef >= 64) {
        assertSameAnswers(f, result, q -> index.search(q, 10, ef));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hnsw_l2_m16.faissindex", "hnsw_ip_m16.faissindex"})
  void search_hnswFixtureAtEfSearch16WithLegacyStop_sameIdsAsFaiss173(String file) {
    HnswIndex index = (HnswIndex) FaissIndexes.read(Fixtures.bytes(file));
    index.legacySearch(true);
    JsonNode f = Fixtures.fixture(file);
    assertSameAnswers(f, f.get("results").get(0), q -> index.search(q, 10, 16));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hnsw_l2_m16.faissindex", "hnsw_ip_m16.faissindex"})
  void search_hnswFixtureAtEfSearch16_recallWithinFaissRecall(String file) {
    HnswIndex index = (HnswIndex) FaissIndexes.read(Fixtures.bytes(file));
    JsonNode f = Fixtures.fixture(file);
    JsonNode result = f.get("results").get(0);
    double faissRecall = result.get("params").get("recall_at_10_vs_flat").asDouble();
    String exact = f.get("exact_ground_truth").asText() + ".faissindex";
    VectorIndex flat = FaissIndexes.read(Fixtures.bytes(exact));
    float[][] queries = Fixtures.fvecs(f.get("queries").asText());
    int hits = 0;
    for (float[] q : queries) {
      hits += overlap(index.search(q, 10, 16), flat.search(q, 10));
    }
    assertThat(hits / (10.0 * queries.length)).isGreaterThanOrEqualTo(faissRecall - 0.05);
  }

  @Test
  void search_idmap2HnswFixture_sameIdsAsFaiss() {
    IdMapIndex index =
        (IdMapIndex) FaissIndexes.read(Fixtures.bytes("idmap2_hnsw_l2_m16.faissindex"));
    assertThat(((HnswIndex) index.inner()).efSearch()).isEqualTo(64);
    JsonNode f = Fixtures.fixture("idmap2_hnsw_l2_m16.faissindex");
    assertSameAnswers(f, f.get("results").get(0), q -> index.search(q, 10));
  }

  @Test
  void search_ivfFlatFixture_sameIdsAsFaissAtEachNprobe() {
    IvfFlatIndex index =
        (IvfFlatIndex) FaissIndexes.read(Fixtures.bytes("ivfflat_l2_nlist16.faissindex"));
    assertThat(index.nlist()).isEqualTo(16);
    assertThat(index.nprobe()).isEqualTo(4);
    JsonNode f = Fixtures.fixture("ivfflat_l2_nlist16.faissindex");
    for (JsonNode result : f.get("results")) {
      int nprobe = result.get("params").get("nprobe").asInt();
      assertSameAnswers(f, result, q -> index.search(q, 10, nprobe, null));
    }
  }

  @Test
  void search_emptyFixture_returnsNothing() {
    VectorIndex index = FaissIndexes.read(Fixtures.bytes("flat_l2_empty.faissindex"));
    assertThat(index.dimension()).isEqualTo(32);
    assertThat(index.search(Fixtures.fvecs("query.fvecs")[0], 10).size()).isZero();
  }

  @Test
  void reconstruct_idmapFixture_returnsBaseRowOfThatId() {
    IdMapIndex index =
        (IdMapIndex) FaissIndexes.read(Fixtures.bytes("idmap2_hnsw_l2_m16.faissindex"));
    long[] ids = Fixtures.idmapIds();
    float[][] base = Fixtures.fvecs("base.fvecs");
    assertThat(index.reconstruct(ids[123])).containsExactly(base[123]);
  }

  static void assertSameAnswers(
      JsonNode fixture, JsonNode expected, Function<float[], SearchResult> search) {
    float[][] queries = Fixtures.fvecs(fixture.get("queries").asText());
    for (int q = 0; q < queries.length; q++) {
      SearchResult got = search.apply(queries[q]);
      JsonNode ids = expected.get("ids").get(q);
      JsonNode distances = expected.get("distances").get(q);
      int found = 0;
      for (int i = 0; i < ids.size(); i++) {
        if (ids.get(i).asLong() >= 0) {
          found++;
        }
      }
      assertThat(got.size()).as("query %d", q).isEqualTo(found);
      for (int i = 0; i < found; i++) {
        assertThat(got.label(i)).as("query %d rank %d", q, i).isEqualTo(ids.get(i).asLong());
        double want = distances.get(i).asDouble();
        assertThat((double) got.distance(i))
            .as("query %d rank %d distance", q, i)
            .isCloseTo(want, within(1e-4 * Math.max(1, Math.abs(want))));
      }
    }
  }

  static int overlap(SearchResult a, SearchResult b) {
    int n = 0;
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        if (a.label(i) == b.label(j)) {
          n++;
          break;
        }
      }
    }
    return n;
  }
}
