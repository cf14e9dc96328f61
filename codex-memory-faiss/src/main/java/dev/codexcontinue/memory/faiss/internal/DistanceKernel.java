package dev.codexcontinue.memory.faiss.internal;

/**
 * Distance functions over slices of float arrays. Two implementations give the same answers up to
 * float rounding: {@link ScalarKernel} (plain Java) and {@code VectorApiKernel} (the incubating
 * Vector API); {@link Kernels#active()} picks one at start-up.
 */
public interface DistanceKernel {
  /**
   * Returns a short name for logs and reports, such as {@code vector-api-512} or {@code scalar}.
   */
  String name();

  /** Returns the inner product of {@code a[aOff..aOff+d)} and {@code b[bOff..bOff+d)}. */
  float dot(float[] a, int aOff, float[] b, int bOff, int d);

  /** Returns the squared Euclidean distance of the two slices. */
  float l2(float[] a, int aOff, float[] b, int bOff, int d);

  /** Writes the inner products of {@code q} with {@code rows} consecutive rows into {@code out}. */
  void dotMany(float[] q, float[] data, int off, int rows, int d, float[] out);

  /**
   * Writes the squared distances of {@code q} to {@code rows} consecutive rows into {@code out}.
   */
  void l2Many(float[] q, float[] data, int off, int rows, int d, float[] out);

  /**
   * Distances of many queries to one block of rows stored transposed: {@code bt[i][r]} is component
   * {@code i} of row {@code r}, for {@code r < rows}. Writes the inner product of query {@code q}
   * with row {@code r} into {@code out[q * rows + r]}. Each lane of a vector holds one row, so no
   * lane sum is needed per (query, row) pair, which is what makes a batch compute-bound rather than
   * reduction-bound. {@code rows} is a multiple of {@link #TRANSPOSED_ROWS}. The sums run over the
   * components in order, so they may differ from {@link #dot} in the last bits.
   */
  void dotTransposed(float[][] queries, float[][] bt, int rows, int d, float[] out);

  /** As {@link #dotTransposed}, with squared Euclidean distances. */
  void l2Transposed(float[][] queries, float[][] bt, int rows, int d, float[] out);

  /** The row count of a transposed block must be a multiple of this. */
  int TRANSPOSED_ROWS = 64;
}
