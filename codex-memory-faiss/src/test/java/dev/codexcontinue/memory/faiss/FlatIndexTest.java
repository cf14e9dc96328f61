package dev.codexcontinue.memory.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class FlatIndexTest {
  private static final int D = 24;

  @Test
  void search_l2_returnsExactNearestInOrder() {
    float[] data = Fixtures.randomVectors(500, D, 1, false);
    FlatIndex index = FlatIndex.create(D, Metric.L2);
    index.add(data);
    float[] q = Fixtures.randomVectors(1, D, 2, false);
    SearchResult r = index.search(q, 5);
    long[] expected = bruteForce(data, q, 5, false);
    assertThat(r.labels()).containsExactly(expected);
    for (int i = 1; i < r.size(); i++) {
      assertThat(r.distance(i)).isGreaterThanOrEqualTo(r.distance(i - 1));
    }
  }

  @Test
  void search_innerProduct_returnsLargestFirst() {
    float[] data = Fixtures.randomVectors(300, D, 3, true);
    FlatIndex index = FlatIndex.create(D, Metric.INNER_PRODUCT);
    index.add(data);
    float[] q = Fixtures.randomVectors(1, D, 4, true);
    SearchResult r = index.search(q, 7);
    assertThat(r.labels()).containsExactly(bruteForce(data, q, 7, true));
    assertThat(r.distance(0)).isGreaterThanOrEqualTo(r.distance(6));
  }

  @ParameterizedTest
  @EnumSource(Metric.class)
  void searchBatch_manyQueries_sameAnswersAsOneByOne(Metric metric) {
    // 37 queries take the transposed-block path; 1000 rows end in a partial block
    boolean ip = metric == Metric.INNER_PRODUCT;
    float[] data = Fixtures.randomVectors(1000, D, 8, ip);
    FlatIndex index = FlatIndex.create(D, metric);
    index.add(data);
    float[][] queries = new float[37][];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = Fixtures.randomVectors(1, D, 100 + i, ip);
    }
    List<SearchResult> batch = index.search(queries, 10);
    for (int i = 0; i < queries.length; i++) {
      SearchResult one = index.search(queries[i], 10);
      assertThat(batch.get(i).labels()).containsExactly(one.labels());
      assertThat(batch.get(i).labels()).containsExactly(bruteForce(data, queries[i], 10, ip));
      for (int j = 0; j < one.size(); j++) {
        assertThat(batch.get(i).distance(j)).isCloseTo(one.distance(j), within(1e-4f));
      }
    }
  }

  @Test
  void search_kLargerThanSize_returnsAll() {
    FlatIndex index = FlatIndex.create(D, Metric.L2);
    index.add(Fixtures.randomVectors(3, D, 5, false));
    assertThat(index.search(new float[D], 10).size()).isEqualTo(3);
  }

  @Test
  void search_filter_returnsOnlyAcceptedRows() {
    float[] data = Fixtures.randomVectors(200, D, 6, false);
    FlatIndex index = FlatIndex.create(D, Metric.L2);
    index.add(data);
    SearchResult r = index.search(Fixtures.row(data, D, 10), 5, label -> label % 2 == 1);
    assertThat(r.size()).isEqualTo(5);
    for (long label : r.labels()) {
      assertThat(label % 2).isEqualTo(1);
    }
  }

  @Test
  void removeRows_compactsInOrder() {
    float[] data = Fixtures.randomVectors(10, D, 7, false);
    FlatIndex index = FlatIndex.create(D, Metric.L2);
    index.add(data);
    BitSet removed = new BitSet();
    removed.set(0);
    removed.set(4);
    index.removeRows(removed);
    assertThat(index.size()).isEqualTo(8);
    assertThat(index.reconstruct(0)).containsExactly(Fixtures.row(data, D, 1));
    assertThat(index.reconstruct(3)).containsExactly(Fixtures.row(data, D, 5));
  }

  @Test
  void add_wrongLength_throws() {
    FlatIndex index = FlatIndex.create(D, Metric.L2);
    assertThatThrownBy(() -> index.add(new float[D + 1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.search(new float[D - 1], 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.search(new float[D], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @Timeout(30)
  void search_concurrentReadersWithOneWriter_alwaysSeeConsistentPrefix() throws Exception {
    float[] data = Fixtures.randomVectors(4000, D, 8, false);
    FlatIndex index = FlatIndex.create(D, Metric.L2);
    index.add(java.util.Arrays.copyOf(data, 100 * D));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int seed = t;
        readers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 300; i++) {
                    int row = (i * 7 + seed) % 100;
                    SearchResult r = index.search(Fixtures.row(data, D, row), 1);
                    assertThat(r.label(0)).isEqualTo(row);
                  }
                }));
      }
      for (int start = 100; start < 4000; start += 100) {
        float[] batch = new float[100 * D];
        System.arraycopy(data, start * D, batch, 0, batch.length);
        index.add(batch);
      }
      for (Future<?> f : readers) {
        f.get(20, TimeUnit.SECONDS);
      }
      assertThat(index.size()).isEqualTo(4000);
    } finally {
      pool.shutdownNow();
    }
  }

  static long[] bruteForce(float[] data, float[] q, int k, boolean ip) {
    int d = q.length;
    int n = data.length / d;
    Integer[] order = new Integer[n];
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += ip ? (double) q[j] * data[i * d + j] : Math.pow(q[j] - data[i * d + j], 2);
      }
      dist[i] = ip ? -s : s;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
    long[] out = new long[k];
    for (int i = 0; i < k; i++) {
      out[i] = order[i];
    }
    return out;
  }
}
