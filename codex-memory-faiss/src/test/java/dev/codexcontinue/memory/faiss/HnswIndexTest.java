package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

final class HnswIndexTest {
  private static final int D = 32;

  @Test
  void search_builtGraph_highRecallAgainstExact() {
    float[] data = Fixtures.randomVectors(3000, D, 21, true);
    float[] queries = Fixtures.randomVectors(50, D, 22, true);
    HnswIndex hnsw = HnswIndex.builder(D, Metric.INNER_PRODUCT).m(16).efConstruction(64).build();
    hnsw.add(data);
    FlatIndex flat = FlatIndex.create(D, Metric.INNER_PRODUCT);
    flat.add(data);
    assertThat(recall(hnsw, flat, queries, 128)).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void add_incrementalBatches_graphStaysSearchable() {
    float[] data = Fixtures.randomVectors(2000, D, 23, false);
    HnswIndex hnsw = HnswIndex.builder(D, Metric.L2).m(12).efConstruction(48).build();
    for (int start = 0; start < 2000; start += 250) {
      float[] batch = new float[250 * D];
      System.arraycopy(data, start * D, batch, 0, batch.length);
      hnsw.add(batch);
    }
    FlatIndex flat = FlatIndex.create(D, Metric.L2);
    flat.add(data);
    assertThat(recall(hnsw, flat, Fixtures.randomVectors(40, D, 24, false), 96))
        .isGreaterThanOrEqualTo(0.95);
    for (int row : new int[] {0, 777, 1999}) {
      assertThat(hnsw.search(Fixtures.row(data, D, row), 1, 64).label(0)).isEqualTo(row);
    }
  }

  @Test
  void write_builtGraph_readsBackIdentical() {
    HnswIndex hnsw = HnswIndex.builder(D, Metric.L2).m(8).build();
    hnsw.add(Fixtures.randomVectors(1500, D, 25, false));
    byte[] bytes = FaissIndexes.toBytes(hnsw);
    HnswIndex copy = (HnswIndex) FaissIndexes.read(bytes);
    assertThat(FaissIndexes.toBytes(copy)).isEqualTo(bytes);
    float[] q = Fixtures.randomVectors(1, D, 26, false);
    assertThat(copy.search(q, 10, 32)).isEqualTo(hnsw.search(q, 10, 32));
  }

  @Test
  void removeRows_repairsGraphAndRenumbers() {
    float[] data = Fixtures.randomVectors(2000, D, 27, false);
    HnswIndex hnsw = HnswIndex.builder(D, Metric.L2).m(16).efConstruction(64).build();
    hnsw.add(data);
    BitSet removed = new BitSet();
    for (int i = 0; i < 2000; i += 5) {
      removed.set(i);
    }
    hnsw.removeRows(removed);
    assertThat(hnsw.size()).isEqualTo(1600);
    float[] kept = new float[1600 * D];
    int w = 0;
    for (int i = 0; i < 2000; i++) {
      if (!removed.get(i)) {
        System.arraycopy(data, i * D, kept, w++ * D, D);
      }
    }
    FlatIndex flat = FlatIndex.create(D, Metric.L2);
    flat.add(kept);
    assertThat(recall(hnsw, flat, Fixtures.randomVectors(40, D, 28, false), 128))
        .isGreaterThanOrEqualTo(0.95);
    HnswIndex copy = (HnswIndex) FaissIndexes.read(FaissIndexes.toBytes(hnsw));
    assertThat(copy.size()).isEqualTo(1600);
  }

  @Test
  void add_singleThreadSameSeed_buildsTheSameGraph() {
    float[] data = Fixtures.randomVectors(1200, D, 29, false);
    HnswIndex a = HnswIndex.builder(D, Metric.L2).m(8).buildThreads(1).seed(5).build();
    HnswIndex b = HnswIndex.builder(D, Metric.L2).m(8).buildThreads(1).seed(5).build();
    a.add(data);
    b.add(data);
    assertThat(FaissIndexes.toBytes(a)).isEqualTo(FaissIndexes.toBytes(b));
  }

  static double recall(HnswIndex hnsw, FlatIndex flat, float[] queries, int ef) {
    int d = flat.dimension();
    int nq = queries.length / d;
    int hits = 0;
    for (int i = 0; i < nq; i++) {
      float[] q = Fixtures.row(queries, d, i);
      hits += FaissFixtureTest.overlap(hnsw.search(q, 10, ef), flat.search(q, 10));
    }
    return hits / (10.0 * nq);
  }
}
