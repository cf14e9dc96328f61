package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.spi.MemoryStoreFactory;
import dev.codexcontinue.core.memory.InMemoryMemoryStore;
import java.util.Objects;

/** Creates an {@link InMemoryMemoryStore}: id {@code in-memory}, no settings. */
public final class InMemoryMemoryStoreFactory implements MemoryStoreFactory {
  /** The factory id. */
  public static final String ID = "in-memory";

  /** Creates the factory; ServiceLoader calls this. */
  public InMemoryMemoryStoreFactory() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public MemoryStore create(Settings settings, EmbeddingModel embeddingModel) {
    Objects.requireNonNull(settings, "settings == null");
    return InMemoryMemoryStore.create(embeddingModel);
  }
}
