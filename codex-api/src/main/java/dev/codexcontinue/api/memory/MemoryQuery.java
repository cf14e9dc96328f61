package dev.codexcontinue.api.memory;

import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A similarity search: a query vector (or text, for stores that embed themselves), how many hits, a
 * metadata filter and a minimum score. Immutable.
 */
public final class MemoryQuery {
  private final float[] vector;
  @Nullable private final String text;
  private final int topK;
  private final MetadataFilter filter;
  private final double minScore;

  private MemoryQuery(Builder b) {
    this.vector = b.vector;
    this.text = b.text;
    this.topK = b.topK;
    this.filter = b.filter;
    this.minScore = b.minScore;
  }

  /** Returns a builder for a search by vector. */
  public static Builder byVector(float[] vector) {
    Objects.requireNonNull(vector, "vector == null");
    if (vector.length == 0) {
      throw new IllegalArgumentException("empty query vector");
    }
    return new Builder(vector.clone(), null);
  }

  /** Returns a builder for a search by text, embedded by the store's embedding model. */
  public static Builder byText(String text) {
    return new Builder(new float[0], Objects.requireNonNull(text, "text == null"));
  }

  /** Returns a copy of the query vector; empty for a text query. */
  public float[] vector() {
    return vector.clone();
  }

  /** Returns the query text of a text query. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** Returns the maximum number of hits. */
  public int topK() {
    return topK;
  }

  /** Returns the metadata filter; {@link MetadataFilter#ALL} by default. */
  public MetadataFilter filter() {
    return filter;
  }

  /** Returns the minimum score a hit must reach. */
  public double minScore() {
    return minScore;
  }

  /** Returns a copy searching by {@code vector} with the same options (for stores that embed). */
  public MemoryQuery withVector(float[] newVector) {
    Builder b = byVector(newVector).topK(topK).filter(filter);
    b.minScore = minScore;
    return b.build();
  }

  @Override
  public String toString() {
    return "MemoryQuery["
        + (text != null ? "text" : "dims=" + vector.length)
        + ", topK="
        + topK
        + ", filter="
        + filter
        + "]";
  }

  /** Builds a {@link MemoryQuery}. Not thread-safe. */
  public static final class Builder {
    private final float[] vector;
    @Nullable private final String text;
    private int topK = 5;
    private MetadataFilter filter = MetadataFilter.ALL;
    private double minScore = Double.NEGATIVE_INFINITY;

    private Builder(float[] vector, @Nullable String text) {
      this.vector = vector;
      this.text = text;
    }

    /** Sets the maximum number of hits; 5 by default. */
    public Builder topK(int topK) {
      if (topK <= 0) {
        throw new IllegalArgumentException("topK must be > 0");
      }
      this.topK = topK;
      return this;
    }

    /** Sets the metadata filter. */
    public Builder filter(MetadataFilter filter) {
      this.filter = Objects.requireNonNull(filter, "filter == null");
      return this;
    }

    /** Sets the minimum score. */
    public Builder minScore(double minScore) {
      if (Double.isNaN(minScore)) {
        throw new IllegalArgumentException("minScore is NaN");
      }
      this.minScore = minScore;
      return this;
    }

    /** Returns the query. */
    public MemoryQuery build() {
      return new MemoryQuery(this);
    }
  }
}
