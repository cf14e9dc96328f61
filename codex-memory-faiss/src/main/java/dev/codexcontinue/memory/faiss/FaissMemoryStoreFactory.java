package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.spi.MemoryStoreFactory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Creates {@link FaissMemoryStore}s, found by id {@code faiss} through {@link
 * java.util.ServiceLoader}. Settings, all under {@code faiss.}:
 *
 * <ul>
 *   <li>{@code faiss.directory} (required): the store directory;
 *   <li>{@code faiss.metric}: {@code cosine} (default), {@code ip} or {@code l2};
 *   <li>{@code faiss.index}: {@code flat} (default) or {@code hnsw};
 *   <li>{@code faiss.hnsw.m} (32), {@code faiss.hnsw.ef-construction} (40), {@code
 *       faiss.hnsw.ef-search} (64);
 *   <li>{@code faiss.auto-commit} ({@code true}), {@code faiss.strict-recovery} ({@code false}).
 * </ul>
 */
public final class FaissMemoryStoreFactory implements MemoryStoreFactory {
  /** The id of this store. */
  public static final String ID = "faiss";

  /** Creates the factory; does no I/O. */
  public FaissMemoryStoreFactory() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MemoryStore create(Settings settings, EmbeddingModel embeddingModel) {
    Objects.requireNonNull(settings, "settings == null");
    Objects.requireNonNull(embeddingModel, "embeddingModel == null");
    Settings s = settings.withPrefix(ID);
    FaissMemoryStore.Builder b =
        FaissMemoryStore.builder()
            .directory(Path.of(s.require("directory")))
            .embeddingModel(embeddingModel)
            .autoCommit(s.flag("auto-commit", true))
            .strictRecovery(s.flag("strict-recovery", false));
    try {
      s.get("metric").ifPresent(v -> b.similarity(Similarity.parse(v)));
      s.get("index").ifPresent(v -> b.index(StoreIndexType.parse(v)));
      s.integer("hnsw.m").ifPresent(b::hnswM);
      s.integer("hnsw.ef-construction").ifPresent(b::hnswEfConstruction);
      s.integer("hnsw.ef-search").ifPresent(b::hnswEfSearch);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("bad faiss store setting: " + e.getMessage(), e);
    }
    return b.build();
  }
}
