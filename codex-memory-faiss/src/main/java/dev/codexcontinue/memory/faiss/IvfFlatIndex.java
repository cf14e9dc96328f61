package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.Kernels;
import dev.codexcontinue.memory.faiss.internal.TopK;
import java.util.Objects;
import java.util.function.LongPredicate;
import javax.annotation.Nullable;

/**
 * An inverted-file index read from a FAISS file ({@code IwFl}, {@code IndexIVFFlat}): vectors
 * sorted into lists by their nearest centroid, and a search that scans only the {@code nprobe}
 * lists closest to the query. Read-only: it is searched and written back, not grown. Labels are the
 * ids stored in the lists.
 */
public final class IvfFlatIndex implements VectorIndex {
  private final int dimension;
  private final Metric metric;
  private final boolean trained;
  private final FlatIndex quantizer;
  private final float[][] listVectors;
  private final long[][] listIds;
  private final long size;
  private final DirectMap directMap;
  private volatile int nprobe;

  /** FAISS's optional id-to-position map, kept only to be written back unchanged. */
  record DirectMap(int type, long[] array, long[] pairs) {}

  IvfFlatIndex(
      Metric metric,
      boolean trained,
      FlatIndex quantizer,
      float[][] listVectors,
      long[][] listIds,
      int nprobe,
      DirectMap directMap) {
    this.dimension = quantizer.dimension();
    this.metric = metric;
    this.trained = trained;
    this.quantizer = quantizer;
    this.listVectors = listVectors;
    this.listIds = listIds;
    this.nprobe = nprobe;
    this.directMap = directMap;
    long n = 0;
    for (long[] ids : listIds) {
      n += ids.length;
    }
    this.size = n;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public Metric metric() {
    return metric;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public String typeTag() {
    return "IwFl";
  }

  /** Returns the number of inverted lists. */
  public int nlist() {
    return listIds.length;
  }

  /** Returns how many lists a search scans by default. */
  public int nprobe() {
    return nprobe;
  }

  /** Sets how many lists a search scans by default (stored in the file, as FAISS does). */
  public void nprobe(int nprobe) {
    if (nprobe <= 0) {
      throw new IllegalArgumentException("nprobe must be > 0, was " + nprobe);
    }
    this.nprobe = nprobe;
  }

  boolean isTrained() {
    return trained;
  }

  FlatIndex quantizer() {
    return quantizer;
  }

  float[] listVectors(int list) {
    return listVectors[list];
  }

  long[] listIds(int list) {
    return listIds[list];
  }

  DirectMap directMap() {
    return directMap;
  }

  /** Always fails: this index is read-only. */
  @Override
  public void add(float[] vectors) {
    throw new UnsupportedOperationException("IwFl indexes are read-only here");
  }

  @Override
  public SearchResult search(float[] query, int k) {
    return search(query, k, nprobe, null);
  }

  @Override
  public SearchResult search(float[] query, int k, LongPredicate filter) {
    return search(query, k, nprobe, Objects.requireNonNull(filter, "filter == null"));
  }

  /** Returns the nearest neighbours found in the {@code nprobe} closest lists. */
  public SearchResult search(float[] query, int k, int nprobe, @Nullable LongPredicate filter) {
    Checks.query(query, k, dimension);
    if (size == 0) {
      return SearchResult.empty();
    }
    SearchResult lists = quantizer.search(query, Math.max(1, Math.min(nprobe, nlist())));
    TopK top = new TopK((int) Math.min(k, size));
    boolean ip = metric == Metric.INNER_PRODUCT;
    float[] buf = new float[0];
    for (int p = 0; p < lists.size(); p++) {
      int list = (int) lists.label(p);
      long[] ids = listIds[list];
      if (buf.length < ids.length) {
        buf = new float[ids.length];
      }
      if (ip) {
        Kernels.ACTIVE.dotMany(query, listVectors[list], 0, ids.length, dimension, buf);
      } else {
        Kernels.ACTIVE.l2Many(query, listVectors[list], 0, ids.length, dimension, buf);
      }
      for (int i = 0; i < ids.length; i++) {
        float key = ip ? -buf[i] : buf[i];
        if (key < top.threshold() && (filter == null || filter.test(ids[i]))) {
          top.offer(key, ids[i]);
        }
      }
    }
    return Results.fromTopK(top, metric);
  }

  /** Returns a copy of the vector with id {@code label}, found by scanning the lists. */
  @Override
  public float[] reconstruct(long label) {
    for (int list = 0; list < listIds.length; list++) {
      long[] ids = listIds[list];
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] == label) {
          float[] v = new float[dimension];
          System.arraycopy(listVectors[list], i * dimension, v, 0, dimension);
          return v;
        }
      }
    }
    throw new IllegalArgumentException("no vector with id " + label);
  }
}
