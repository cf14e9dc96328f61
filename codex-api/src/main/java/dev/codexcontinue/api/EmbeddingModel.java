package dev.codexcontinue.api;

import java.util.List;

/**
 * Turns texts into vectors, for memory search and tool matching. Core ships an offline model that
 * needs no server; any provider's embeddings can stand in for it. Implementations are thread-safe.
 */
public interface EmbeddingModel {
  /** Returns a short name for logs and store manifests, for example {@code hashing-256}. */
  String name();

  /** Returns the number of dimensions of every vector this model returns. */
  int dimensions();

  /** Returns one vector per text, in order. */
  List<float[]> embedAll(List<String> texts);

  /** Returns the vector of one text. */
  default float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }
}
