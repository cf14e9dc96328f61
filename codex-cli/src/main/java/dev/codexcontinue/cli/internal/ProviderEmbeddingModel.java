package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.Provider;
import java.util.List;
import java.util.Locale;

/**
 * A provider's embeddings as an {@link EmbeddingModel}; the dimension is learned from one probe
 * call, so that the store directory and the vectors agree before anything is written.
 */
final class ProviderEmbeddingModel implements EmbeddingModel {
  private final Provider provider;
  private final String name;
  private final int dimensions;

  private ProviderEmbeddingModel(Provider provider, String name, int dimensions) {
    this.provider = provider;
    this.name = name;
    this.dimensions = dimensions;
  }

  /** Embeds a probe text to learn the dimension. */
  static ProviderEmbeddingModel of(Provider provider, String modelLabel) {
    List<float[]> probe = provider.embed(EmbeddingRequest.of(List.of("dimension probe"))).vectors();
    if (probe.isEmpty() || probe.get(0).length == 0) {
      throw new IllegalStateException(provider.id() + " returned no embedding for a probe text");
    }
    String label = (provider.id() + "-" + modelLabel).toLowerCase(Locale.ROOT);
    return new ProviderEmbeddingModel(provider, label, probe.get(0).length);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    return provider.embed(EmbeddingRequest.of(texts)).vectors();
  }
}
