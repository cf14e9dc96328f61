package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.HnswBuild;
import dev.codexcontinue.memory.faiss.internal.HnswGraph;
import dev.codexcontinue.memory.faiss.internal.HnswSearch;
import dev.codexcontinue.memory.faiss.internal.TopK;
import dev.codexcontinue.memory.faiss.internal.VectorStorage;
import java.util.BitSet;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;
import java.util.function.LongPredicate;
import javax.annotation.Nullable;

/**
 * An approximate index over a navigable small-world graph with its vectors in a flat index: FAISS's
 * {@code IndexHNSWFlat} ({@code IHNf}). Labels are row numbers. A graph read from a FAISS file is
 * searched exactly as FAISS searches it; a graph built here is written so that FAISS loads and
 * searches it.
 *
 * <pre>{@code
 * HnswIndex index = HnswIndex.builder(384, Metric.INNER_PRODUCT).m(32).efConstruction(100).build();
 * index.add(vectors);
 * SearchResult hits = index.search(query, 10, 64);
 * }</pre>
 */
public final class HnswIndex implements VectorIndex, RowStore {
  private final FlatIndex storage;
  private final HnswGraph graph;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final SplittableRandom rng;
  private final int buildThreads;
  private volatile boolean legacySearch;

  HnswIndex(FlatIndex storage, HnswGraph graph, long seed, int buildThreads) {
    this.storage = storage;
    this.graph = graph;
    this.rng = new SplittableRandom(seed);
    this.buildThreads = buildThreads;
  }

  /** Returns a builder of an empty index of {@code dimension}-float vectors. */
  public static Builder builder(int dimension, Metric metric) {
    return new Builder(dimension, metric);
  }

  @Override
  public int dimension() {
    return storage.dimension();
  }

  @Override
  public Metric metric() {
    return storage.metric();
  }

  @Override
  public long size() {
    lock.readLock().lock();
    try {
      return graph.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public String typeTag() {
    return "IHNf";
  }

  /** Returns M: links per node on the upper layers, twice as many on layer 0. */
  public int m() {
    return graph.m();
  }

  /** Returns the build beam width. */
  public int efConstruction() {
    return graph.efConstruction();
  }

  /** Returns the search beam width used when a search does not give one. */
  public int efSearch() {
    return graph.efSearch();
  }

  /** Sets the default search beam width (stored in the file, as FAISS does). */
  public void efSearch(int efSearch) {
    if (efSearch <= 0) {
      throw new IllegalArgumentException("efSearch must be > 0, was " + efSearch);
    }
    graph.efSearch(efSearch);
  }

  java.util.concurrent.locks.Lock readLock() {
    return lock.readLock();
  }

  FlatIndex storage() {
    return storage;
  }

  HnswGraph graph() {
    return graph;
  }

  /** Makes searches stop as FAISS 1.7.x does (an early-stop quirk); for comparisons only. */
  void legacySearch(boolean legacy) {
    this.legacySearch = legacy;
  }

  @Override
  public void add(float[] vectors) {
    int n = Checks.rows(vectors, dimension());
    lock.writeLock().lock();
    try {
      VectorStorage vs = storage.storage();
      int from = vs.size();
      int[] levels = new int[n];
      for (int i = 0; i < n; i++) {
        levels[i] = graph.randomLevels(rng);
      }
      vs.add(vectors, 0, n);
      graph.addNodes(levels);
      new HnswBuild(graph, vs, isIp()).insert(from, buildThreads);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private boolean isIp() {
    return storage.metric() == Metric.INNER_PRODUCT;
  }

  @Override
  public SearchResult search(float[] query, int k) {
    return search(query, k, graph.efSearch(), null);
  }

  /** Returns the {@code k} nearest neighbours found with beam width {@code efSearch}. */
  public SearchResult search(float[] query, int k, int efSearch) {
    return search(query, k, efSearch, null);
  }

  @Override
  public SearchResult search(float[] query, int k, LongPredicate filter) {
    Objects.requireNonNull(filter, "filter == null");
    return search(query, k, graph.efSearch(), filter::test);
  }

  /**
   * Returns the nearest neighbours among the rows {@code filter} accepts, with {@code efSearch}.
   */
  public SearchResult search(float[] query, int k, int efSearch, @Nullable IntPredicate filter) {
    Checks.query(query, k, dimension());
    if (efSearch <= 0) {
      throw new IllegalArgumentException("efSearch must be > 0, was " + efSearch);
    }
    lock.readLock().lock();
    try {
      if (graph.size() == 0) {
        return SearchResult.empty();
      }
      TopK top = new TopK(Math.min(k, graph.size()));
      HnswSearch.forThread()
          .search(graph, storage.storage(), isIp(), query, efSearch, top, filter, legacySearch);
      return Results.fromTopK(top, metric());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public float[] reconstruct(long label) {
    lock.readLock().lock();
    try {
      return storage.storage().get(Checks.row(label, graph.size()));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void removeRows(BitSet rows) {
    lock.writeLock().lock();
    try {
      new HnswBuild(graph, storage.storage(), isIp()).remove(rows);
      storage.removeRows(rows);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Builds an empty {@link HnswIndex}. Not thread-safe. */
  public static final class Builder {
    private final int dimension;
    private final Metric metric;
    private int m = 32;
    private int efConstruction = 40;
    private int efSearch = 16;
    private long seed = 12345;
    private int buildThreads = Runtime.getRuntime().availableProcessors();

    private Builder(int dimension, Metric metric) {
      if (dimension <= 0) {
        throw new IllegalArgumentException("dimension must be > 0, was " + dimension);
      }
      this.dimension = dimension;
      this.metric = Objects.requireNonNull(metric, "metric == null");
    }

    /** Sets M, the links per node on upper layers (2M on layer 0); 32 by default, as FAISS. */
    public Builder m(int m) {
      if (m < 2 || m > 512) {
        throw new IllegalArgumentException("M must be in [2, 512], was " + m);
      }
      this.m = m;
      return this;
    }

    /** Sets the build beam width; 40 by default, as FAISS. */
    public Builder efConstruction(int efConstruction) {
      if (efConstruction <= 0) {
        throw new IllegalArgumentException("efConstruction must be > 0");
      }
      this.efConstruction = efConstruction;
      return this;
    }

    /** Sets the default search beam width; 16 by default, as FAISS. */
    public Builder efSearch(int efSearch) {
      if (efSearch <= 0) {
        throw new IllegalArgumentException("efSearch must be > 0");
      }
      this.efSearch = efSearch;
      return this;
    }

    /** Sets the seed of the random layer assignment; builds with one thread are reproducible. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets how many threads insert a large batch; the number of processors by default. */
    public Builder buildThreads(int threads) {
      if (threads <= 0) {
        throw new IllegalArgumentException("buildThreads must be > 0");
      }
      this.buildThreads = threads;
      return this;
    }

    /** Returns the empty index. */
    public HnswIndex build() {
      return new HnswIndex(
          FlatIndex.create(dimension, metric),
          new HnswGraph(m, efConstruction, efSearch),
          seed,
          buildThreads);
    }
  }
}
