package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.LongIntMap;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import javax.annotation.Nullable;

/**
 * Gives the vectors of an inner index the caller's 64-bit ids: FAISS's {@code IndexIDMap} ({@code
 * IxMp}) and {@code IndexIDMap2} ({@code IxM2}, which also keeps the reverse map for lookups and
 * removal by id). Searches return ids instead of row numbers. Vectors can be removed by id when the
 * inner index is a {@link FlatIndex} or an {@link HnswIndex}.
 */
public final class IdMapIndex implements VectorIndex {
  private final VectorIndex inner;
  private final boolean twoWay;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private long[] ids;
  private int size;
  @Nullable private LongIntMap reverse;

  IdMapIndex(VectorIndex inner, long[] ids, boolean twoWay) {
    this.inner = inner;
    this.ids = ids;
    this.size = ids.length;
    this.twoWay = twoWay;
    if (twoWay) {
      rebuildReverse();
    }
  }

  /**
   * Returns an {@code IndexIDMap2} over {@code inner}, which must be empty and from then on be
   * changed only through this map.
   */
  public static IdMapIndex create(VectorIndex inner) {
    return of(inner, true);
  }

  /** Returns a one-way {@code IndexIDMap} ({@code IxMp}) over the empty {@code inner}. */
  public static IdMapIndex createOneWay(VectorIndex inner) {
    return of(inner, false);
  }

  private static IdMapIndex of(VectorIndex inner, boolean twoWay) {
    Objects.requireNonNull(inner, "inner == null");
    if (inner.size() != 0) {
      throw new IllegalArgumentException("the inner index must be empty, has " + inner.size());
    }
    if (inner instanceof IdMapIndex) {
      throw new IllegalArgumentException("an id map cannot wrap another id map");
    }
    return new IdMapIndex(inner, new long[0], twoWay);
  }

  /** Returns the index holding the vectors, labelled by row. */
  public VectorIndex inner() {
    return inner;
  }

  /** Returns whether this map keeps the reverse map ({@code IxM2}). */
  public boolean isTwoWay() {
    return twoWay;
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public Metric metric() {
    return inner.metric();
  }

  @Override
  public long size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public String typeTag() {
    return twoWay ? "IxM2" : "IxMp";
  }

  ReentrantReadWriteLock lock() {
    return lock;
  }

  long[] idsView() {
    return ids;
  }

  /** Always fails: vectors in an id map need ids; use {@link #add(long[], float[])}. */
  @Override
  public void add(float[] vectors) {
    throw new UnsupportedOperationException("an id map adds vectors with ids: add(ids, vectors)");
  }

  /**
   * Appends vectors with the given ids ({@code vectors} row-major, one row per id).
   *
   * @throws IllegalArgumentException when the counts differ
   */
  public void add(long[] newIds, float[] vectors) {
    Objects.requireNonNull(newIds, "ids == null");
    int n = Checks.rows(vectors, dimension());
    if (n != newIds.length) {
      throw new IllegalArgumentException(newIds.length + " ids for " + n + " vectors");
    }
    lock.writeLock().lock();
    try {
      inner.add(vectors);
      if (size + n > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(size + n, ids.length * 3 / 2 + 16));
      }
      System.arraycopy(newIds, 0, ids, size, n);
      LongIntMap rev = reverse;
      for (int i = 0; i < n && rev != null; i++) {
        rev.put(newIds[i], size + i);
      }
      size += n;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Returns whether a vector has id {@code id}. */
  public boolean contains(long id) {
    lock.readLock().lock();
    try {
      return rowOf(id) >= 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  private int rowOf(long id) {
    LongIntMap rev = reverse;
    if (rev != null) {
      return rev.get(id);
    }
    for (int i = 0; i < size; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Removes the vectors with these ids and returns how many were found, as FAISS's {@code
   * remove_ids}: later rows move down, the ids keep their vectors.
   *
   * @throws UnsupportedOperationException when the inner index cannot remove rows
   */
  public int remove(long... removeIds) {
    Objects.requireNonNull(removeIds, "ids == null");
    if (!(inner instanceof RowStore rows)) {
      throw new UnsupportedOperationException(inner.typeTag() + " cannot remove vectors");
    }
    lock.writeLock().lock();
    try {
      BitSet removed = new BitSet(size);
      for (long id : removeIds) {
        int row = rowOf(id);
        if (row >= 0) {
          removed.set(row);
        }
      }
      if (removed.isEmpty()) {
        return 0;
      }
      rows.removeRows(removed);
      int write = 0;
      for (int read = 0; read < size; read++) {
        if (!removed.get(read)) {
          ids[write++] = ids[read];
        }
      }
      int count = size - write;
      size = write;
      if (twoWay) {
        rebuildReverse();
      }
      return count;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void rebuildReverse() {
    LongIntMap rev = new LongIntMap(size);
    for (int i = 0; i < size; i++) {
      rev.put(ids[i], i);
    }
    reverse = rev;
  }

  @Override
  public SearchResult search(float[] query, int k) {
    lock.readLock().lock();
    try {
      return mapIds(inner.search(query, k));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public SearchResult search(float[] query, int k, LongPredicate filter) {
    Objects.requireNonNull(filter, "filter == null");
    lock.readLock().lock();
    try {
      long[] view = ids;
      return mapIds(inner.search(query, k, row -> filter.test(view[(int) row])));
    } finally {
      lock.readLock().unlock();
    }
  }

  private SearchResult mapIds(SearchResult rows) {
    long[] labels = new long[rows.size()];
    float[] distances = new float[rows.size()];
    for (int i = 0; i < labels.length; i++) {
      long row = rows.label(i);
      labels[i] = row < 0 ? -1 : ids[(int) row];
      distances[i] = rows.distance(i);
    }
    return SearchResult.wrap(labels, distances);
  }

  /** Returns a copy of the vector with id {@code label}. */
  @Override
  public float[] reconstruct(long label) {
    lock.readLock().lock();
    try {
      int row = rowOf(label);
      if (row < 0) {
        throw new IllegalArgumentException("no vector with id " + label);
      }
      return inner.reconstruct(row);
    } finally {
      lock.readLock().unlock();
    }
  }
}
