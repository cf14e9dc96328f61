package dev.codexcontinue.memory.faiss;

import java.util.Locale;

/**
 * How a {@link FaissMemoryStore} scores a match; scores are always "higher is closer".
 *
 * <ul>
 *   <li>{@link #COSINE}: vectors are normalized to unit length when added and searched, the index
 *       uses the inner product, and the score is the cosine similarity in [-1, 1].
 *   <li>{@link #INNER_PRODUCT}: the score is the raw inner product.
 *   <li>{@link #L2}: the score is the negated squared Euclidean distance ({@code -‖x-q‖²}), so 0 is
 *       an exact match and farther vectors score lower.
 * </ul>
 */
public enum Similarity {
  /** Cosine similarity (inner product of unit vectors). */
  COSINE,
  /** Raw inner product. */
  INNER_PRODUCT,
  /** Negated squared Euclidean distance. */
  L2;

  /** Returns the index metric behind this similarity. */
  public Metric metric() {
    return this == L2 ? Metric.L2 : Metric.INNER_PRODUCT;
  }

  /** Returns the setting value: {@code cosine}, {@code ip} or {@code l2}. */
  public String settingValue() {
    return switch (this) {
      case COSINE -> "cosine";
      case INNER_PRODUCT -> "ip";
      case L2 -> "l2";
    };
  }

  /** Parses a setting value ({@code cosine}, {@code ip}/{@code inner_product}, {@code l2}). */
  public static Similarity parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "cosine" -> COSINE;
      case "ip", "inner_product", "inner-product" -> INNER_PRODUCT;
      case "l2" -> L2;
      default ->
          throw new IllegalArgumentException(
              "unknown similarity '" + value + "': use cosine, ip or l2");
    };
  }

  /** Returns the score of a FAISS distance under this similarity. */
  double score(float distance) {
    return this == L2 ? -distance : distance;
  }
}
