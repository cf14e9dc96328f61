package dev.codexcontinue.api.memory;

import dev.codexcontinue.api.internal.Checks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One long-term memory: an id, the text to remember, its vector, and metadata to filter on (user,
 * session, source, time...). A record added without a vector is embedded by the store's embedding
 * model. Immutable.
 */
public final class MemoryRecord {
  /** Metadata key of the user the memory belongs to. */
  public static final String USER = "user";

  /** Metadata key of the session the memory came from. */
  public static final String SESSION = "session";

  /** Metadata key of where the text came from (a file path, a URL, {@code conversation}). */
  public static final String SOURCE = "source";

  /** Metadata key of the creation time, epoch milliseconds. */
  public static final String TIME = "time";

  private static final float[] NO_VECTOR = new float[0];

  private final String id;
  private final String text;
  private final float[] vector;
  private final Map<String, Object> metadata;

  private MemoryRecord(Builder b) {
    this.id = b.id;
    this.text = b.text;
    this.vector = b.vector;
    this.metadata = MetadataValues.copy(b.metadata);
  }

  /** Returns a builder for a record with the given id and text. */
  public static Builder builder(String id, String text) {
    return new Builder(id, text);
  }

  /** Returns the id; adding a record with an existing id replaces it. */
  public String id() {
    return id;
  }

  /** Returns the remembered text. */
  public String text() {
    return text;
  }

  /** Returns a copy of the vector; empty when the store is to embed the text. */
  public float[] vector() {
    return vector.clone();
  }

  /** Returns whether the record carries a vector. */
  public boolean hasVector() {
    return vector.length > 0;
  }

  /**
   * Returns the metadata. Values are strings, booleans, {@code Long} for whole numbers and {@code
   * Double} for other numbers.
   */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /** Returns a copy with {@code vector}. */
  public MemoryRecord withVector(float[] vector) {
    return toBuilder().vector(vector).build();
  }

  /** Returns a builder pre-filled with this record. */
  public Builder toBuilder() {
    Builder b = new Builder(id, text);
    b.vector = vector;
    b.metadata.putAll(metadata);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemoryRecord r
        && id.equals(r.id)
        && text.equals(r.text)
        && Arrays.equals(vector, r.vector)
        && metadata.equals(r.metadata);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Shows the id, sizes and metadata keys; the text stays out of logs. */
  @Override
  public String toString() {
    return "MemoryRecord[id="
        + id
        + ", "
        + text.length()
        + " chars, dims="
        + vector.length
        + ", metadata="
        + metadata.keySet()
        + "]";
  }

  /** Builds a {@link MemoryRecord}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String text;
    private float[] vector = NO_VECTOR;
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    private Builder(String id, String text) {
      this.id = Checks.notBlank(id, "id");
      this.text = Objects.requireNonNull(text, "text == null");
    }

    /** Sets the vector (copied); every component must be finite. */
    public Builder vector(float[] vector) {
      Objects.requireNonNull(vector, "vector == null");
      for (float f : vector) {
        if (!Float.isFinite(f)) {
          throw new IllegalArgumentException("vector components must be finite");
        }
      }
      this.vector = vector.clone();
      return this;
    }

    /** Sets one metadata entry. */
    public Builder metadata(String key, Object value) {
      metadata.put(Objects.requireNonNull(key, "key == null"), MetadataValues.normalize(value));
      return this;
    }

    /** Adds every entry of {@code entries}. */
    public Builder metadata(Map<String, ?> entries) {
      Objects.requireNonNull(entries, "entries == null").forEach(this::metadata);
      return this;
    }

    /** Returns the record. */
    public MemoryRecord build() {
      return new MemoryRecord(this);
    }
  }
}
