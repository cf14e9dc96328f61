package dev.codexcontinue.plugins.net.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes the JSON Schema of a tool's arguments: an object, no other properties allowed. */
public final class SchemaBuilder {
  private final ObjectNode schema = ToolArgs.JSON.createObjectNode();
  private final ObjectNode properties = schema.putObject("properties");
  private final ArrayNode required = ToolArgs.JSON.createArrayNode();

  private SchemaBuilder() {
    schema.put("type", "object");
  }

  /** Starts an object schema. */
  public static SchemaBuilder object() {
    return new SchemaBuilder();
  }

  /** Adds a string property of at most {@code maxLength} characters. */
  public SchemaBuilder string(String name, String description, int maxLength, boolean req) {
    ObjectNode p = properties.putObject(name);
    p.put("type", "string").put("description", description).put("maxLength", maxLength);
    return require(name, req);
  }

  /** Adds a string property that takes one of {@code values}. */
  public SchemaBuilder oneOf(String name, String description, boolean req, String... values) {
    ObjectNode p = properties.putObject(name);
    p.put("type", "string").put("description", description);
    ArrayNode e = p.putArray("enum");
    for (String v : values) {
      e.add(v);
    }
    return require(name, req);
  }

  /** Adds an integer property in [{@code min}, {@code max}]. */
  public SchemaBuilder integer(String name, String description, int min, int max, boolean req) {
    ObjectNode p = properties.putObject(name);
    p.put("type", "integer")
        .put("description", description)
        .put("minimum", min)
        .put("maximum", max);
    return require(name, req);
  }

  /** Adds a property with a schema of its own. */
  public SchemaBuilder property(String name, JsonNode propertySchema, boolean req) {
    properties.set(name, propertySchema);
    return require(name, req);
  }

  private SchemaBuilder require(String name, boolean req) {
    if (req) {
      required.add(name);
    }
    return this;
  }

  /** Returns the schema as JSON text. */
  public String build() {
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    return schema.toString();
  }
}
