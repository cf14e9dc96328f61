package dev.codexcontinue.memory.pgvector;

import java.util.Locale;

/** The index a {@link PgVectorMemoryStore} builds on its vectors, in the database. */
public enum VectorIndexType {
  /** pgvector's HNSW graph: approximate, fast, no training; the default. */
  HNSW,
  /** pgvector's IVFFlat lists: approximate; best built once the table holds data. */
  IVFFLAT,
  /** No vector index: every search is an exact scan. */
  NONE;

  /**
   * Parses a setting value ({@code hnsw}, {@code ivfflat}, {@code none}).
   *
   * @throws IllegalArgumentException for another value
   */
  public static VectorIndexType parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "hnsw" -> HNSW;
      case "ivfflat" -> IVFFLAT;
      case "none", "exact" -> NONE;
      default ->
          throw new IllegalArgumentException(
              "unknown index '" + value + "': use hnsw, ivfflat or none");
    };
  }
}
