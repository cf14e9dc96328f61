package dev.codexcontinue.api.spi;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.memory.MemoryStore;

/** Creates a {@link MemoryStore}; found by id ({@code in-memory}, {@code faiss}, ...). */
public interface MemoryStoreFactory {
  /** Returns the store id. */
  String id();

  /**
   * Creates the store.
   *
   * @param settings the store's settings, for example its directory
   * @param embeddingModel embeds records and text queries that come without vectors
   */
  MemoryStore create(Settings settings, EmbeddingModel embeddingModel);
}
