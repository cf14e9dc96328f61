package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.EmbeddingModel;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The embedding model of a run: the offline one by default, or the provider's when the setting
 * {@code memory.embeddings=provider} asks for it (the provider is then open until {@link #close}).
 */
final class Embedder implements AutoCloseable {
  private final EmbeddingModel model;
  @Nullable private final ChosenProvider provider;

  private Embedder(EmbeddingModel model, @Nullable ChosenProvider provider) {
    this.model = model;
    this.provider = provider;
  }

  static Embedder choose(CliSettings settings) {
    if (!MemoryHome.wantsProviderEmbeddings(settings)) {
      return new Embedder(MemoryHome.offline(), null);
    }
    ChosenProvider chosen = new ProviderResolver(settings).resolve(Capability.EMBEDDINGS);
    try {
      String label =
          settings.settings().get(chosen.candidate().id() + ".embedding-model").orElse("default");
      return new Embedder(ProviderEmbeddingModel.of(chosen.provider(), label), chosen);
    } catch (RuntimeException e) {
      chosen.close();
      throw e;
    }
  }

  static Embedder of(EmbeddingModel model) {
    return new Embedder(model, null);
  }

  EmbeddingModel model() {
    return model;
  }

  Optional<ChosenProvider> provider() {
    return Optional.ofNullable(provider);
  }

  @Override
  public void close() {
    if (provider != null) {
      provider.close();
    }
  }
}
