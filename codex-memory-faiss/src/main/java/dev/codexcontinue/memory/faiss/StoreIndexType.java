package dev.codexcontinue.memory.faiss;

import java.util.Locale;

/** The index behind a {@link FaissMemoryStore}: exact flat scan or an HNSW graph. */
public enum StoreIndexType {
  /** Exact search over every vector ({@code IxF2}/{@code IxFI} inside {@code IxM2}). */
  FLAT,
  /** Approximate search over an HNSW graph ({@code IHNf} inside {@code IxM2}). */
  HNSW;

  /** Returns the setting value, {@code flat} or {@code hnsw}. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code flat} or {@code hnsw}. */
  public static StoreIndexType parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "flat" -> FLAT;
      case "hnsw" -> HNSW;
      default ->
          throw new IllegalArgumentException("unknown index '" + value + "': use flat or hnsw");
    };
  }
}
