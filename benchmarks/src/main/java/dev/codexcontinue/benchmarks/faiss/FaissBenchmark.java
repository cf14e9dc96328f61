package dev.codexcontinue.benchmarks.faiss;

import dev.codexcontinue.memory.faiss.FaissIndexes;
import dev.codexcontinue.memory.faiss.FlatIndex;
import dev.codexcontinue.memory.faiss.HnswIndex;
import dev.codexcontinue.memory.faiss.Metric;
import dev.codexcontinue.memory.faiss.SearchResult;
import dev.codexcontinue.memory.faiss.VectorIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures this module's index on the data FAISS is measured on: {@code gen DIR} writes the data
 * sets, {@code run DIR OUT.json} measures flat scans (single query and batch) and HNSW (build time,
 * then queries per second and recall@10 for a sweep of efSearch) and writes the results.
 */
public final class FaissBenchmark {
  static final int[][] FLAT_SETS = {{1_000_000, 128}, {100_000, 384}};
  static final int HNSW_N = Integer.getInteger("bench.hnsw.n", 200_000);
  static final int HNSW_D = 128;
  static final int HNSW_M = 32;
  static final int HNSW_EF_CONSTRUCTION = 40;
  static final int[] EF_SEARCH = {10, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512};
  static final int QUERIES = 1000;

  private FaissBenchmark() {}

  /** Runs {@code gen DIR} or {@code run DIR OUT.json}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[1]);
    if (args[0].equals("gen")) {
      generate(dir);
    } else {
      Files.writeString(Path.of(args[2]), run(dir), StandardCharsets.UTF_8);
    }
  }

  static void generate(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (int[] set : FLAT_SETS) {
      write(dir, "base", "query", set[0], set[1], set[1]);
    }
    write(dir, "hbase", "hquery", HNSW_N, HNSW_D, 7);
  }

  /** Writes n base rows and QUERIES query rows drawn from the same mixture. */
  private static void write(Path dir, String base, String query, int n, int d, long seed)
      throws IOException {
    float[] all = Datasets.clustered(n + QUERIES, d, 1000, seed);
    Datasets.writeFvecs(dir.resolve(name(base, n, d)), Arrays.copyOf(all, n * d), d);
    Datasets.writeFvecs(
        dir.resolve(name(query, QUERIES, d)), Arrays.copyOfRange(all, n * d, all.length), d);
  }

  static String name(String kind, int n, int d) {
    return kind + "_" + n + "x" + d + ".fvecs";
  }

  static String run(Path dir) throws IOException {
    StringBuilder json =
        new StringBuilder("{\"side\":\"java\",\"kernel\":\"")
            .append(FaissIndexes.kernel())
            .append("\",\"flat\":[");
    for (int s = 0; s < FLAT_SETS.length; s++) {
      int n = FLAT_SETS[s][0];
      int d = FLAT_SETS[s][1];
      float[] base = Fvecs.read(dir.resolve(name("base", n, d)));
      float[] queries = Fvecs.read(dir.resolve(name("query", QUERIES, d)));
      FlatIndex flat = FlatIndex.create(d, Metric.INNER_PRODUCT);
      flat.add(base);
      json.append(s > 0 ? "," : "").append(flatRun(flat, base, queries, n, d));
    }
    json.append("],\"hnsw\":").append(hnswRun(dir)).append('}');
    return json.toString();
  }

  private static String flatRun(FlatIndex flat, float[] base, float[] queries, int n, int d) {
    int nq = queries.length / d;
    for (int i = 0; i < 30; i++) {
      flat.search(Datasets.row(queries, d, i % nq), 10);
    }
    // with the Vector API, each query alternates with a pure read of an array of the same size
    boolean ceiling = FaissIndexes.kernel().startsWith("vector-api");
    double[] ms = new double[100];
    double[] read = new double[ms.length];
    double[] ratio = new double[ms.length];
    double bytes = (double) n * d * 4;
    for (int i = 0; i < ms.length; i++) {
      read[i] = ceiling ? ReadBandwidth.gbps(base) : Double.NaN;
      long t = System.nanoTime();
      flat.search(Datasets.row(queries, d, i % nq), 10);
      ms[i] = (System.nanoTime() - t) / 1e6;
      ratio[i] = bytes / (ms[i] * 1e6) / read[i];
    }
    Arrays.sort(read);
    Arrays.sort(ratio);
    Arrays.sort(ms);
    float[][] batch = new float[200][];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = Datasets.row(queries, d, i % nq);
    }
    flat.search(Arrays.copyOf(batch, 20), 10);
    long t = System.nanoTime();
    flat.search(batch, 10);
    double batchQps = batch.length / ((System.nanoTime() - t) / 1e9);
    double gbps = (double) n * d * 4 / (ms[ms.length / 2] / 1e3) / 1e9;
    return String.format(
        Locale.ROOT,
        "{\"n\":%d,\"d\":%d,\"single_ms_p50\":%.3f,\"single_ms_p99\":%.3f,\"gbps\":%.2f,"
            + "\"batch_qps\":%.1f,\"read_gbps_p50\":%s,\"scan_to_read_p50\":%s}",
        n,
        d,
        ms[ms.length / 2],
        ms[ms.length * 99 / 100],
        gbps,
        batchQps,
        jsonNumber(read[read.length / 2]),
        jsonNumber(ratio[ratio.length / 2]));
  }

  private static String jsonNumber(double x) {
    return Double.isNaN(x) ? "null" : String.format(Locale.ROOT, "%.3f", x);
  }

  private static String hnswRun(Path dir) throws IOException {
    float[] base = Fvecs.read(dir.resolve(name("hbase", HNSW_N, HNSW_D)));
    float[] queries = Fvecs.read(dir.resolve(name("hquery", QUERIES, HNSW_D)));
    FlatIndex exact = FlatIndex.create(HNSW_D, Metric.INNER_PRODUCT);
    exact.add(base);
    List<SearchResult> truth = exact.search(rows(queries, HNSW_D), 10);
    HnswIndex hnsw =
        HnswIndex.builder(HNSW_D, Metric.INNER_PRODUCT)
            .m(HNSW_M)
            .efConstruction(HNSW_EF_CONSTRUCTION)
            .buildThreads(2)
            .build();
    long t = System.nanoTime();
    hnsw.add(base);
    double buildS = (System.nanoTime() - t) / 1e9;
    float[][] warm = rows(queries, HNSW_D);
    for (int i = 0; i < 5000; i++) {
      // compile the whole search path before the first measured point of the sweep
      hnsw.search(warm[i % warm.length], 10, EF_SEARCH[i % EF_SEARCH.length]);
    }
    StringBuilder sweep = new StringBuilder();
    for (int ef : EF_SEARCH) {
      sweep.append(sweep.length() > 0 ? "," : "").append(sweepPoint(hnsw, queries, truth, ef));
    }
    Path file = dir.resolve("java_hnsw.faissindex");
    t = System.nanoTime();
    FaissIndexes.write(hnsw, file);
    double writeS = (System.nanoTime() - t) / 1e9;
    t = System.nanoTime();
    VectorIndex loaded = FaissIndexes.read(file);
    double loadS = (System.nanoTime() - t) / 1e9;
    return String.format(
        Locale.ROOT,
        "{\"n\":%d,\"d\":%d,\"m\":%d,\"ef_construction\":%d,\"build_s\":%.2f,\"write_s\":%.2f,"
            + "\"load_s\":%.2f,\"loaded\":%d,\"sweep\":[%s]}",
        HNSW_N,
        HNSW_D,
        HNSW_M,
        HNSW_EF_CONSTRUCTION,
        buildS,
        writeS,
        loadS,
        loaded.size(),
        sweep);
  }

  private static String sweepPoint(
      HnswIndex hnsw, float[] queries, List<SearchResult> truth, int ef) {
    float[][] qs = rows(queries, HNSW_D);
    for (int i = 0; i < 200; i++) {
      hnsw.search(qs[i % qs.length], 10, ef);
    }
    int hits = 0;
    long t = System.nanoTime();
    List<SearchResult> got = new ArrayList<>(qs.length);
    for (float[] q : qs) {
      got.add(hnsw.search(q, 10, ef));
    }
    double qps = qs.length / ((System.nanoTime() - t) / 1e9);
    for (int i = 0; i < qs.length; i++) {
      hits += overlap(got.get(i), truth.get(i));
    }
    return String.format(
        Locale.ROOT,
        "{\"ef\":%d,\"recall\":%.4f,\"qps\":%.1f}",
        ef,
        hits / (10.0 * qs.length),
        qps);
  }

  static int overlap(SearchResult a, SearchResult b) {
    int n = 0;
    for (long x : a.labels()) {
      for (long y : b.labels()) {
        if (x == y) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  static float[][] rows(float[] v, int d) {
    float[][] out = new float[v.length / d][];
    for (int i = 0; i < out.length; i++) {
      out[i] = Datasets.row(v, d, i);
    }
    return out;
  }
}
