package dev.codexcontinue.core.discovery;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.spi.MemoryStoreFactory;
import java.util.Set;

/** Creates long-term memory stores by id ({@code in-memory}, {@code faiss}, ...). */
public final class MemoryStores {
  private MemoryStores() {}

  /** Creates the store {@code id} from the thread's context class loader. */
  public static MemoryStore create(String id, Settings settings, EmbeddingModel embeddingModel) {
    return create(id, settings, embeddingModel, FactoryCatalog.defaultLoader());
  }

  /** Creates the store {@code id} from {@code loader}. */
  public static MemoryStore create(
      String id, Settings settings, EmbeddingModel embeddingModel, ClassLoader loader) {
    return catalog(loader).select(id).create(settings, embeddingModel);
  }

  /** Returns the ids of the stores visible to {@code loader}. */
  public static Set<String> ids(ClassLoader loader) {
    return catalog(loader).ids();
  }

  private static FactoryCatalog<MemoryStoreFactory> catalog(ClassLoader loader) {
    return FactoryCatalog.load(
        "memory store", MemoryStoreFactory.class, loader, MemoryStoreFactory::id);
  }
}
