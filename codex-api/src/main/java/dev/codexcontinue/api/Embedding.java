package dev.codexcontinue.api;

import java.util.Arrays;
import java.util.Objects;

/** One embedding vector and the position of the input it belongs to. Immutable. */
public final class Embedding {
  private final int index;
  private final float[] vector;

  private Embedding(int index, float[] vector) {
    this.index = index;
    this.vector = vector;
  }

  /** Returns an embedding of a copy of {@code vector} for input number {@code index}. */
  public static Embedding of(int index, float[] vector) {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0");
    }
    Objects.requireNonNull(vector, "vector == null");
    if (vector.length == 0) {
      throw new IllegalArgumentException("empty vector");
    }
    return new Embedding(index, vector.clone());
  }

  /** Returns the input's position in the request. */
  public int index() {
    return index;
  }

  /** Returns a copy of the vector. */
  public float[] vector() {
    return vector.clone();
  }

  /** Returns the number of dimensions. */
  public int dimensions() {
    return vector.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e && e.index == index && Arrays.equals(e.vector, vector);
  }

  @Override
  public int hashCode() {
    return 31 * index + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "Embedding[index=" + index + ", dimensions=" + vector.length + "]";
  }
}
