package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.annotation.Nullable;

/** A model a provider offers. Immutable. */
public final class ModelInfo {
  private final String id;
  @Nullable private final String ownedBy;
  private final int contextLength;

  private ModelInfo(String id, @Nullable String ownedBy, int contextLength) {
    this.id = id;
    this.ownedBy = ownedBy;
    this.contextLength = contextLength;
  }

  /** Returns a model known only by id. */
  public static ModelInfo of(String id) {
    return new ModelInfo(Checks.notBlank(id, "id"), null, 0);
  }

  /** Returns a copy that names the model's owner. */
  public ModelInfo withOwnedBy(String owner) {
    return new ModelInfo(id, Objects.requireNonNull(owner, "owner == null"), contextLength);
  }

  /** Returns a copy that gives the model's context length in tokens. */
  public ModelInfo withContextLength(int tokens) {
    return new ModelInfo(id, ownedBy, Checks.positive(tokens, "contextLength"));
  }

  /** Returns the model id to put in requests. */
  public String id() {
    return id;
  }

  /** Returns who owns or published the model. */
  public Optional<String> ownedBy() {
    return Optional.ofNullable(ownedBy);
  }

  /** Returns the context window in tokens, when the provider reports it. */
  public OptionalInt contextLength() {
    return contextLength > 0 ? OptionalInt.of(contextLength) : OptionalInt.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelInfo m
        && m.id.equals(id)
        && Objects.equals(m.ownedBy, ownedBy)
        && m.contextLength == contextLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, ownedBy, contextLength);
  }

  @Override
  public String toString() {
    return "ModelInfo[" + id + "]";
  }
}
