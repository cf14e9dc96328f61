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
}
