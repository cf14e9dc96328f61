package dev.codexcontinue.memory.faiss;

import java.util.Objects;

/** Argument checks shared by the index classes. */
final class Checks {
  private Checks() {}

  static int rows(float[] vectors, int dimension) {
    Objects.requireNonNull(vectors, "vectors == null");
    if (vectors.length % dimension != 0) {
      throw new IllegalArgumentException(
          vectors.length + " floats is not a whole number of " + dimension + "-d vectors");
    }
    return vectors.length / dimension;
  }

  static void query(float[] query, int k, int dimension) {
    Objects.requireNonNull(query, "query == null");
    if (query.length != dimension) {
      throw new IllegalArgumentException(
          "query has " + query.length + " dimensions, the index " + dimension);
    }
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0, was " + k);
    }
  }

  static int row(long label, long size) {
    if (label < 0 || label >= size) {
      throw new IllegalArgumentException("no vector with label " + label);
    }
    return (int) label;
  }
}
