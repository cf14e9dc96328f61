package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.core.memory.JsonlSessionStore;
import dev.codexcontinue.memory.faiss.FaissMemoryStore;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where {@code codexctl} keeps its state under the home directory: long-term memory in a FAISS
 * store per embedding model ({@code memory/<model>/}, so that vectors of different models never
 * mix), sessions as JSON lines ({@code sessions/}) and the chat's line history ({@code history}).
 */
final class MemoryHome {
  /** Setting that chooses the embedder: {@code offline} (default) or {@code provider}. */
  static final String EMBEDDINGS = "memory.embeddings";

  private final Path home;

  MemoryHome(Path home) {
    this.home = home;
  }

  /** Returns whether the settings ask for the provider's embeddings. */
  static boolean wantsProviderEmbeddings(CliSettings settings) {
    String value = settings.settings().get(EMBEDDINGS, "offline").strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "offline", "" -> false;
      case "provider" -> true;
      default ->
          throw new ConfigurationException(
              "setting '" + EMBEDDINGS + "' must be offline or provider, was '" + value + "'");
    };
  }

  /** Returns the offline embedder: no server, the same vectors on every machine. */
  static EmbeddingModel offline() {
    return HashingEmbeddingModel.create();
  }

  /** Returns the store directory for vectors of {@code model}. */
  Path storeDirectory(EmbeddingModel model) {
    String safe = model.name().replaceAll("[^A-Za-z0-9._-]", "_");
    return home.resolve("memory").resolve(safe);
  }

  /** Opens (or creates) the long-term memory for {@code model}. */
  FaissMemoryStore openStore(EmbeddingModel model, boolean autoCommit) {
    return FaissMemoryStore.builder()
        .directory(storeDirectory(model))
        .embeddingModel(model)
        .autoCommit(autoCommit)
        .build();
  }

  /** Opens the session store. */
  JsonlSessionStore openSessions() {
    return JsonlSessionStore.open(home.resolve("sessions"));
  }

  /** Returns the chat's line-history file. */
  Path historyFile() {
    return home.resolve("history");
  }
}
