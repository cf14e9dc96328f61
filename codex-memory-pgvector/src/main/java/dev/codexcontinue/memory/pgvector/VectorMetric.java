package dev.codexcontinue.memory.pgvector;

import java.util.Locale;

/**
 * How a {@link PgVectorMemoryStore} ranks and scores a match; the same scores as the FAISS store's
 * similarities, always "higher is closer".
 *
 * <ul>
 *   <li>{@link #COSINE}: the inner product {@code <#>} of unit vectors ({@code l2_normalize}, as
 *       the FAISS store does), indexed on that expression; the score is the cosine similarity in
 *       [-1, 1], 0 for a zero vector (which pgvector's {@code <=>} index would leave out).
 *   <li>{@link #INNER_PRODUCT}: pgvector's {@code <#>} (the negated inner product); the score is
 *       the raw inner product.
 *   <li>{@link #L2}: pgvector's {@code <->}; the score is the negated squared Euclidean distance.
 * </ul>
 */
public enum VectorMetric {
  /** Cosine similarity. */
  COSINE("<#>", "vector_ip_ops"),
  /** Raw inner product. */
  INNER_PRODUCT("<#>", "vector_ip_ops"),
  /** Negated squared Euclidean distance. */
  L2("<->", "vector_l2_ops");

  private final String operator;
  private final String operatorClass;

  VectorMetric(String operator, String operatorClass) {
    this.operator = operator;
    this.operatorClass = operatorClass;
  }

  /** Returns pgvector's distance operator, which the index orders by. */
  public String operator() {
    return operator;
  }

  /** Returns pgvector's index operator class for this metric. */
  public String operatorClass() {
    return operatorClass;
  }

  /** Returns what the table's vector index is built on, for vectors of {@code dims}. */
  String indexedExpression(int dims) {
    return this == COSINE ? "(l2_normalize(embedding)::vector(" + dims + "))" : "embedding";
  }

  /** Returns the query vector as sent to the database: unit length for cosine. */
  float[] queryVector(float[] query) {
    if (this != COSINE) {
      return query;
    }
    double norm = 0;
    for (float f : query) {
      norm += (double) f * f;
    }
    if (norm == 0) {
      return query;
    }
    float[] unit = new float[query.length];
    double scale = 1 / Math.sqrt(norm);
    for (int i = 0; i < query.length; i++) {
      unit[i] = (float) (query[i] * scale);
    }
    return unit;
  }

  /** Returns the setting value: {@code cosine}, {@code ip} or {@code l2}. */
  public String settingValue() {
    return switch (this) {
      case COSINE -> "cosine";
      case INNER_PRODUCT -> "ip";
      case L2 -> "l2";
    };
  }

  /**
   * Parses a setting value ({@code cosine}, {@code ip}/{@code inner_product}, {@code l2}).
   *
   * @throws IllegalArgumentException for another value
   */
  public static VectorMetric parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "cosine" -> COSINE;
      case "ip", "inner_product", "inner-product" -> INNER_PRODUCT;
      case "l2" -> L2;
      default ->
          throw new IllegalArgumentException(
              "unknown metric '" + value + "': use cosine, ip or l2");
    };
  }

  /** Returns the score of {@code stored} for {@code query}, computed exactly in double. */
  double score(float[] stored, float[] query) {
    double dot = 0;
    double storedNorm = 0;
    double queryNorm = 0;
    double squared = 0;
    for (int i = 0; i < query.length; i++) {
      double s = stored[i];
      double q = query[i];
      dot += s * q;
      storedNorm += s * s;
      queryNorm += q * q;
      squared += (s - q) * (s - q);
    }
    return switch (this) {
      case COSINE ->
          storedNorm == 0 || queryNorm == 0 ? 0 : dot / Math.sqrt(storedNorm * queryNorm);
      case INNER_PRODUCT -> dot;
      case L2 -> -squared;
    };
  }
}
