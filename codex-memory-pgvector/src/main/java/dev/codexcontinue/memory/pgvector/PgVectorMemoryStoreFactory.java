package dev.codexcontinue.memory.pgvector;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.spi.MemoryStoreFactory;
import java.util.Objects;

/**
 * Creates a {@link PgVectorMemoryStore}: id {@code pgvector}; settings {@value #URL} (required),
 * {@value #USER}, {@value #PASSWORD} (a secret), {@value #TABLE}, {@value #METRIC} ({@code cosine},
 * {@code ip}, {@code l2}) and {@value #INDEX} ({@code hnsw}, {@code ivfflat}, {@code none}).
 */
public final class PgVectorMemoryStoreFactory implements MemoryStoreFactory {
  /** The factory id. */
  public static final String ID = "pgvector";

  /** The setting naming the JDBC URL. */
  public static final String URL = "pgvector.url";

  /** The setting naming the database user. */
  public static final String USER = "pgvector.user";

  /** The setting naming the database password. */
  public static final String PASSWORD = "pgvector.password";

  /** The setting naming the table. */
  public static final String TABLE = "pgvector.table";

  /** The setting naming the metric. */
  public static final String METRIC = "pgvector.metric";

  /** The setting naming the index. */
  public static final String INDEX = "pgvector.index";

  /** Creates the factory; ServiceLoader calls this. */
  public PgVectorMemoryStoreFactory() {}

  @Override
  public String id() {
    return ID;
  }

  /**
   * Opens the store.
   *
   * @throws ConfigurationException when the URL is missing or a setting is invalid
   */
  @Override
  public MemoryStore create(Settings settings, EmbeddingModel embeddingModel) {
    Objects.requireNonNull(settings, "settings == null");
    Objects.requireNonNull(embeddingModel, "embeddingModel == null");
    PgVectorMemoryStore.Builder builder =
        PgVectorMemoryStore.builder().embeddingModel(embeddingModel);
    try {
      builder.url(settings.require(URL));
      settings
          .get(USER)
          .ifPresent(
              user ->
                  builder.credentials(
                      user, settings.secret(PASSWORD).map(Secret::reveal).orElse("")));
      settings.get(TABLE).ifPresent(builder::table);
      settings.get(METRIC).map(VectorMetric::parse).ifPresent(builder::metric);
      settings.get(INDEX).map(VectorIndexType::parse).ifPresent(builder::index);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("invalid pgvector store setting: " + e.getMessage(), e);
    }
    return builder.build();
  }
}
