package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The shape the model's answer must take: free text, any JSON object, or JSON matching a schema.
 */
public final class ResponseFormat {
  /** Free text (the default). */
  public static final ResponseFormat TEXT = new ResponseFormat("text", null, null, false);

  /** Any valid JSON object. */
  public static final ResponseFormat JSON = new ResponseFormat("json_object", null, null, false);

  private final String type;
  @Nullable private final String name;
  @Nullable private final String schema;
  private final boolean strict;

  private ResponseFormat(
      String type, @Nullable String name, @Nullable String schema, boolean strict) {
    this.type = type;
    this.name = name;
    this.schema = schema;
    this.strict = strict;
  }

  /**
   * Returns a format that requires JSON matching {@code schema} (JSON text). With {@code strict},
   * providers that support it enforce the schema exactly.
   */
  public static ResponseFormat jsonSchema(String name, String schema, boolean strict) {
    Checks.notBlank(name, "name");
    Objects.requireNonNull(schema, "schema == null");
    if (!schema.strip().startsWith("{")) {
      throw new IllegalArgumentException("schema must be a JSON object");
    }
    return new ResponseFormat("json_schema", name, schema, strict);
  }

  /** Returns {@code text}, {@code json_object} or {@code json_schema}. */
  public String type() {
    return type;
  }

  /** Returns the schema's name for {@code json_schema}. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** Returns the JSON Schema text for {@code json_schema}. */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  /** Returns whether the schema is to be enforced strictly. */
  public boolean isStrict() {
    return strict;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseFormat f
        && type.equals(f.type)
        && Objects.equals(name, f.name)
        && Objects.equals(schema, f.schema)
        && strict == f.strict;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, schema, strict);
  }

  @Override
  public String toString() {
    return name == null ? type : type + ":" + name;
  }
}
