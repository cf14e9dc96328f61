package dev.codexcontinue.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.annotation.Nullable;

/** Texts to embed, in one batch. Immutable. */
public final class EmbeddingRequest {
  @Nullable private final String model;
  private final List<String> inputs;
  @Nullable private final Integer dimensions;

  private EmbeddingRequest(@Nullable String model, List<String> inputs, @Nullable Integer dims) {
    this.model = model;
    this.inputs = inputs;
    this.dimensions = dims;
  }

  /** Returns a request to embed {@code inputs} with the provider's default model. */
  public static EmbeddingRequest of(List<String> inputs) {
    return new EmbeddingRequest(null, checked(inputs), null);
  }

  /** Returns a request to embed {@code inputs} with {@code model}. */
  public static EmbeddingRequest of(String model, List<String> inputs) {
    return new EmbeddingRequest(
        Objects.requireNonNull(model, "model == null"), checked(inputs), null);
  }

  /** Returns a copy that asks for vectors of {@code dimensions} (models that can shorten them). */
  public EmbeddingRequest withDimensions(int dimensions) {
    if (dimensions <= 0) {
      throw new IllegalArgumentException("dimensions must be > 0");
    }
    return new EmbeddingRequest(model, inputs, dimensions);
  }

  private static List<String> checked(List<String> inputs) {
    List<String> copy = List.copyOf(Objects.requireNonNull(inputs, "inputs == null"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no inputs to embed");
    }
    return copy;
  }

  /** Returns the model; empty means the provider's default. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Returns the texts, in order. */
  public List<String> inputs() {
    return inputs;
  }

  /** Returns the requested number of dimensions. */
  public OptionalInt dimensions() {
    return dimensions == null ? OptionalInt.empty() : OptionalInt.of(dimensions);
  }

  @Override
  public String toString() {
    return "EmbeddingRequest[model=" + model + ", inputs=" + inputs.size() + "]";
  }
}
