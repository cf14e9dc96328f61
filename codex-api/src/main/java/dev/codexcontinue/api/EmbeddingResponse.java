package dev.codexcontinue.api;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The embeddings of a batch, one per input and sorted by input position. Immutable. */
public final class EmbeddingResponse {
  private final List<Embedding> embeddings;
  @Nullable private final String model;
  private final TokenUsage usage;

  private EmbeddingResponse(List<Embedding> embeddings, @Nullable String model, TokenUsage usage) {
    this.embeddings = embeddings;
    this.model = model;
    this.usage = usage;
  }

  /** Returns a response; the embeddings are sorted by index. */
  public static EmbeddingResponse of(
      List<Embedding> embeddings, @Nullable String model, TokenUsage usage) {
    Objects.requireNonNull(embeddings, "embeddings == null");
    Objects.requireNonNull(usage, "usage == null");
    List<Embedding> sorted =
        embeddings.stream().sorted(Comparator.comparingInt(Embedding::index)).toList();
    return new EmbeddingResponse(sorted, model, usage);
  }

  /** Returns the embeddings, sorted by input position. */
  public List<Embedding> embeddings() {
    return embeddings;
  }

  /** Returns the vectors, sorted by input position. */
  public List<float[]> vectors() {
    return embeddings.stream().map(Embedding::vector).toList();
  }

  /** Returns the model that produced them. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Returns the tokens used. */
  public TokenUsage usage() {
    return usage;
  }

  @Override
  public String toString() {
    return "EmbeddingResponse[model=" + model + ", embeddings=" + embeddings.size() + "]";
  }
}
