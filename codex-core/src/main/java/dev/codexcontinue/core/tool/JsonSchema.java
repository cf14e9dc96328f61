package dev.codexcontinue.core.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.core.internal.Json;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.annotation.Nullable;

/**
 * An immutable JSON Schema for tool arguments, built fluently: every method returns a new schema.
 * Object schemas reject properties they do not declare ({@code additionalProperties: false}) unless
 * told otherwise, because a model that invents an argument should hear about it.
 *
 * <pre>{@code
 * JsonSchema params = JsonSchema.object()
 *     .property("path", JsonSchema.string().description("file to read").maxLength(4096))
 *     .property("limit", JsonSchema.integer().minimum(1).maximum(1000))
 *     .required("path");
 * String json = params.toJson();
 * }</pre>
 *
 * <p>Methods that do not apply to the schema's type (a {@code maxLength} on an integer) throw
 * {@link IllegalStateException}; invalid values throw {@link IllegalArgumentException}.
 */
public final class JsonSchema {
  private final String type;
  private final ObjectNode node;

  private JsonSchema(String type, ObjectNode node) {
    this.type = type;
    this.node = node;
  }

  private static JsonSchema ofType(String type) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("type", type);
    return new JsonSchema(type, node);
  }

  /** Returns an object schema without properties that rejects undeclared properties. */
  public static JsonSchema object() {
    JsonSchema schema = ofType("object");
    schema.node.putObject("properties");
    schema.node.put("additionalProperties", false);
    return schema;
  }

  /** Returns a string schema. */
  public static JsonSchema string() {
    return ofType("string");
  }

  /** Returns an integer schema. */
  public static JsonSchema integer() {
    return ofType("integer");
  }

  /** Returns a number schema (integers included). */
  public static JsonSchema number() {
    return ofType("number");
  }

  /** Returns a boolean schema. */
  public static JsonSchema bool() {
    return ofType("boolean");
  }

  /** Returns an array schema whose items all match {@code items}. */
  public static JsonSchema array(JsonSchema items) {
    Objects.requireNonNull(items, "items == null");
    JsonSchema schema = ofType("array");
    schema.node.set("items", items.node.deepCopy());
    return schema;
  }

  /**
   * Returns a string schema that allows only the given values.
   *
   * @throws IllegalArgumentException when no value is given
   */
  public static JsonSchema enumOf(String... values) {
    Objects.requireNonNull(values, "values == null");
    if (values.length == 0) {
      throw new IllegalArgumentException("enumOf needs at least one value");
    }
    JsonSchema schema = ofType("string");
    ArrayNode array = schema.node.putArray("enum");
    for (String value : values) {
      array.add(Objects.requireNonNull(value, "enum value == null"));
    }
    return schema;
  }

  /** Returns this schema with a description, which the model reads. */
  public JsonSchema description(String description) {
    Objects.requireNonNull(description, "description == null");
    return with(n -> n.put("description", description));
  }

  /**
   * Returns this object schema with one more property, optional until named in {@link #required}.
   */
  public JsonSchema property(String name, JsonSchema schema) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(schema, "schema == null");
    requireType("property", "object");
    return with(n -> ((ObjectNode) n.get("properties")).set(name, schema.node.deepCopy()));
  }

  /**
   * Returns this object schema with the named properties required.
   *
   * @throws IllegalArgumentException when a name is not a declared property
   */
  public JsonSchema required(String... names) {
    Objects.requireNonNull(names, "names == null");
    requireType("required", "object");
    JsonNode properties = node.get("properties");
    for (String name : names) {
      if (!properties.has(Objects.requireNonNull(name, "name == null"))) {
        throw new IllegalArgumentException("required property '" + name + "' is not declared");
      }
    }
    return with(
        n -> {
          ArrayNode required =
              n.has("required") ? (ArrayNode) n.get("required") : n.putArray("required");
          for (String name : names) {
            if (!containsText(required, name)) {
              required.add(name);
            }
          }
        });
  }

  /** Returns this object schema accepting ({@code true}) or rejecting undeclared properties. */
  public JsonSchema additionalProperties(boolean allowed) {
    requireType("additionalProperties", "object");
    return with(n -> n.put("additionalProperties", allowed));
  }

  /** Returns this object schema accepting undeclared properties that match {@code schema}. */
  public JsonSchema additionalProperties(JsonSchema schema) {
    Objects.requireNonNull(schema, "schema == null");
    requireType("additionalProperties", "object");
    return with(n -> n.set("additionalProperties", schema.node.deepCopy()));
  }

  /** Returns this number or integer schema with an inclusive lower bound. */
  public JsonSchema minimum(long minimum) {
    requireType("minimum", "integer", "number");
    return with(n -> n.put("minimum", minimum));
  }

  /** Returns this number or integer schema with an inclusive lower bound. */
  public JsonSchema minimum(double minimum) {
    requireType("minimum", "integer", "number");
    requireFinite(minimum);
    return with(n -> n.put("minimum", minimum));
  }

  /** Returns this number or integer schema with an inclusive upper bound. */
  public JsonSchema maximum(long maximum) {
    requireType("maximum", "integer", "number");
    return with(n -> n.put("maximum", maximum));
  }

  /** Returns this number or integer schema with an inclusive upper bound. */
  public JsonSchema maximum(double maximum) {
    requireType("maximum", "integer", "number");
    requireFinite(maximum);
    return with(n -> n.put("maximum", maximum));
  }

  /** Returns this string schema with a minimum length in characters (code points). */
  public JsonSchema minLength(int minLength) {
    requireType("minLength", "string");
    return with(n -> n.put("minLength", nonNegative(minLength, "minLength")));
  }

  /** Returns this string schema with a maximum length in characters (code points). */
  public JsonSchema maxLength(int maxLength) {
    requireType("maxLength", "string");
    return with(n -> n.put("maxLength", nonNegative(maxLength, "maxLength")));
  }

  /**
   * Returns this string schema with a regular expression the value must contain a match of (JSON
   * Schema patterns are not anchored: use {@code ^...$} for a whole-value match).
   *
   * @throws IllegalArgumentException when the expression does not compile
   */
  public JsonSchema pattern(String regex) {
    Objects.requireNonNull(regex, "regex == null");
    requireType("pattern", "string");
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid pattern: " + e.getDescription(), e);
    }
    return with(n -> n.put("pattern", regex));
  }

  /** Returns this array schema with a minimum number of items. */
  public JsonSchema minItems(int minItems) {
    requireType("minItems", "array");
    return with(n -> n.put("minItems", nonNegative(minItems, "minItems")));
  }

  /** Returns this array schema with a maximum number of items. */
  public JsonSchema maxItems(int maxItems) {
    requireType("maxItems", "array");
    return with(n -> n.put("maxItems", nonNegative(maxItems, "maxItems")));
  }

  /** Returns this array schema requiring its items to be distinct. */
  public JsonSchema uniqueItems() {
    requireType("uniqueItems", "array");
    return with(n -> n.put("uniqueItems", true));
  }

  /** Returns the schema as compact JSON text. */
  public String toJson() {
    return Json.write(node);
  }

  /** Returns the schema's JSON text. */
  @Override
  public String toString() {
    return toJson();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JsonSchema schema && schema.node.equals(node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  private JsonSchema with(Consumer<ObjectNode> change) {
    ObjectNode copy = node.deepCopy();
    change.accept(copy);
    return new JsonSchema(type, copy);
  }

  private void requireType(String keyword, String... types) {
    for (String t : types) {
      if (t.equals(type)) {
        return;
      }
    }
    throw new IllegalStateException(
        keyword + " applies to " + String.join(" or ", types) + " schemas, not " + type);
  }

  private static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }

  private static void requireFinite(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("bound must be finite, was " + value);
    }
  }

  private static boolean containsText(ArrayNode array, String text) {
    for (JsonNode item : array) {
      if (text.equals(item.textValue())) {
        return true;
      }
    }
    return false;
  }
}
