package dev.codexcontinue.memory.faiss;

/**
 * The similarity metrics of the indexes, with their FAISS {@code metric_type} codes. Distances
 * follow FAISS: {@link #L2} reports the squared Euclidean distance (smaller is closer) and {@link
 * #INNER_PRODUCT} the raw inner product (larger is closer; the cosine for unit vectors).
 */
public enum Metric {
  /** Maximum inner product, FAISS {@code METRIC_INNER_PRODUCT} (code 0). */
  INNER_PRODUCT(0),
  /** Squared Euclidean distance, FAISS {@code METRIC_L2} (code 1). */
  L2(1);

  private final int code;

  Metric(int code) {
    this.code = code;
  }

  /** Returns the FAISS {@code metric_type} code. */
  public int code() {
    return code;
  }

  /** Returns whether a larger distance value means closer (true for the inner product). */
  public boolean isSimilarity() {
    return this == INNER_PRODUCT;
  }
}
