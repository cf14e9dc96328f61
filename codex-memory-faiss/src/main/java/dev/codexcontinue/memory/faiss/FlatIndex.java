package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.DistanceKernel;
import dev.codexcontinue.memory.faiss.internal.Kernels;
import dev.codexcontinue.memory.faiss.internal.TopK;
import dev.codexcontinue.memory.faiss.internal.TransposedBlock;
import dev.codexcontinue.memory.faiss.internal.VectorStorage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import javax.annotation.Nullable;

/**
 * An exact index that compares the query with every vector: FAISS's {@code IndexFlatL2} ({@code
 * IxF2}) and {@code IndexFlatIP} ({@code IxFI}). Labels are row numbers.
 */
public final class FlatIndex implements VectorIndex, RowStore {
  /** Rows whose distances one kernel call computes before top-k selection. */
  private static final int BLOCK_ROWS = 512;

  /** Rows of one cache block in a batch search, scanned by every query before moving on. */
  private static final int BATCH_BLOCK_FLOATS = 32 * 1024;

  /**
   * From this many queries on, a batch copies each block transposed and lets the kernel compare it
   * with all queries at once (as FAISS switches to a matrix product from 20 queries on); fewer
   * queries do not repay the copy.
   */
  private static final int TRANSPOSED_MIN_QUERIES = 8;

  private static final DistanceKernel KERNEL = Kernels.ACTIVE;

  private final Metric metric;
  private final VectorStorage storage;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  FlatIndex(Metric metric, VectorStorage storage) {
    this.metric = metric;
    this.storage = storage;
  }

  /** Returns an empty index of {@code dimension}-float vectors compared by {@code metric}. */
  public static FlatIndex create(int dimension, Metric metric) {
    Objects.requireNonNull(metric, "metric == null");
    return new FlatIndex(metric, new VectorStorage(dimension));
  }

  @Override
  public int dimension() {
    return storage.dimension();
  }

  @Override
  public Metric metric() {
    return metric;
  }

  @Override
  public long size() {
    lock.readLock().lock();
    try {
      return storage.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public String typeTag() {
    return metric == Metric.L2 ? "IxF2" : "IxFI";
  }

  java.util.concurrent.locks.Lock readLock() {
    return lock.readLock();
  }

  VectorStorage storage() {
    return storage;
  }

  @Override
  public void add(float[] vectors) {
    int n = Checks.rows(vectors, dimension());
    lock.writeLock().lock();
    try {
      storage.add(vectors, 0, n);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public float[] reconstruct(long label) {
    lock.readLock().lock();
    try {
      return storage.get(Checks.row(label, storage.size()));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void removeRows(BitSet rows) {
    lock.writeLock().lock();
    try {
      storage.compact(rows);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public SearchResult search(float[] query, int k) {
    return searchFiltered(query, k, null);
  }

  @Override
  public SearchResult search(float[] query, int k, LongPredicate filter) {
    return searchFiltered(query, k, Objects.requireNonNull(filter, "filter == null"));
  }

  private SearchResult searchFiltered(float[] query, int k, @Nullable LongPredicate filter) {
    Checks.query(query, k, dimension());
    lock.readLock().lock();
    try {
      if (storage.size() == 0) {
        return SearchResult.empty();
      }
      TopK top = new TopK(Math.min(k, storage.size()));
      scan(query, top, filter, new float[BLOCK_ROWS]);
      return Results.fromTopK(top, metric);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void scan(float[] q, TopK top, @Nullable LongPredicate filter, float[] buf) {
    boolean ip = metric == Metric.INNER_PRODUCT;
    forEachBlock(
        BLOCK_ROWS, (data, r0, n, base) -> offerBlock(q, data, r0, n, base, ip, top, filter, buf));
  }

  /** Receives rows {@code r0..r0+n) of one storage chunk; row {@code r0} is index row {@code base + r0}. */
  private interface BlockVisitor {
    void visit(float[] data, int r0, int n, long base);
  }

  /** Walks the stored rows in blocks of at most {@code blockRows}, never across a chunk. */
  private void forEachBlock(int blockRows, BlockVisitor visitor) {
    int d = dimension();
    for (int c = 0; c < storage.chunkCount(); c++) {
      float[] data = storage.chunkAt(c);
      int rows = storage.floatsInChunk(c) / d;
      long base = (long) c * storage.rowsPerChunk();
      for (int r0 = 0; r0 < rows; r0 += blockRows) {
        visitor.visit(data, r0, Math.min(blockRows, rows - r0), base);
      }
    }
  }

  private void offerBlock(
      float[] q,
      float[] data,
      int r0,
      int n,
      long base,
      boolean ip,
      TopK top,
      @Nullable LongPredicate filter,
      float[] buf) {
    int d = q.length;
    if (ip) {
      KERNEL.dotMany(q, data, r0 * d, n, d, buf);
    } else {
      KERNEL.l2Many(q, data, r0 * d, n, d, buf);
    }
    offerKeys(buf, 0, n, ip, base + r0, top, filter);
  }

  /**
   * Offers {@code keys[from..from+n)} as the rows {@code firstRow..}; keys are minimized, so inner
   * products ({@code negate}) are offered negated.
   */
  private static void offerKeys(
      float[] keys,
      int from,
      int n,
      boolean negate,
      long firstRow,
      TopK top,
      @Nullable LongPredicate filter) {
    float threshold = top.threshold();
    for (int i = 0; i < n; i++) {
      float key = negate ? -keys[from + i] : keys[from + i];
      if (key < threshold) {
        long row = firstRow + i;
        if (filter == null || filter.test(row)) {
          top.offer(key, row);
          threshold = top.threshold();
        }
      }
    }
  }

  /**
   * Searches many queries at once, reading each block of stored vectors once for all of them while
   * it is in cache; same answers as one by one.
   */
  @Override
  public List<SearchResult> search(float[][] queries, int k) {
    Objects.requireNonNull(queries, "queries == null");
    for (float[] q : queries) {
      Checks.query(q, k, dimension());
    }
    lock.readLock().lock();
    try {
      int n = storage.size();
      List<SearchResult> out = new ArrayList<>(queries.length);
      if (n == 0) {
        for (int i = 0; i < queries.length; i++) {
          out.add(SearchResult.empty());
        }
        return out;
      }
      TopK[] tops = new TopK[queries.length];
      for (int i = 0; i < tops.length; i++) {
        tops[i] = new TopK(Math.min(k, n));
      }
      scanBatch(queries, tops);
      for (TopK top : tops) {
        out.add(Results.fromTopK(top, metric));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void scanBatch(float[][] queries, TopK[] tops) {
    if (queries.length >= TRANSPOSED_MIN_QUERIES) {
      scanTransposed(queries, tops);
      return;
    }
    int d = dimension();
    boolean ip = metric == Metric.INNER_PRODUCT;
    int blockRows = Math.max(1, Math.min(BLOCK_ROWS, BATCH_BLOCK_FLOATS / d));
    float[] buf = new float[blockRows];
    forEachBlock(
        blockRows,
        (data, r0, n, base) -> {
          for (int q = 0; q < queries.length; q++) {
            offerBlock(queries[q], data, r0, n, base, ip, tops[q], null, buf);
          }
        });
  }

  /** Copies each block transposed once, then has the kernel compare it with every query. */
  private void scanTransposed(float[][] queries, TopK[] tops) {
    int d = dimension();
    boolean ip = metric == Metric.INNER_PRODUCT;
    int blockRows = TransposedBlock.ROWS;
    TransposedBlock block = new TransposedBlock(d);
    float[] out = new float[queries.length * blockRows];
    forEachBlock(
        blockRows,
        (data, r0, n, base) -> {
          block.fill(data, r0 * d, n);
          if (ip) {
            KERNEL.dotTransposed(queries, block.array(), blockRows, d, out);
          } else {
            KERNEL.l2Transposed(queries, block.array(), blockRows, d, out);
          }
          for (int q = 0; q < queries.length; q++) {
            offerKeys(out, q * blockRows, n, ip, base + r0, tops[q], null);
          }
        });
  }
}
