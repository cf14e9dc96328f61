package dev.codexcontinue.plugins.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns an OpenAPI schema into a JSON Schema that every model provider and the agent's validator
 * accept: local {@code $ref}s inlined (a recursive one becomes an open schema), OpenAPI 3.0's
 * {@code nullable} turned into a {@code null} type, read-only properties dropped from requests, and
 * only keywords with valid values kept (a {@code pattern} Java cannot compile is left out).
 */
final class SchemaConverter {
  private static final Set<String> TYPES =
      Set.of("string", "integer", "number", "boolean", "object", "array", "null");
  private static final Set<String> COUNTS =
      Set.of("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties");
  private static final Set<String> NUMBERS = Set.of("minimum", "maximum");
  private static final Set<String> TEXTS = Set.of("description", "title", "format");
  private static final Set<String> LISTS = Set.of("anyOf", "oneOf", "allOf");
  private static final int MAX_DEPTH = 24;

  private final OpenApiDocument doc;
  private final Deque<String> refs = new ArrayDeque<>();

  SchemaConverter(OpenApiDocument doc) {
    this.doc = doc;
  }

  /** Returns the JSON Schema for {@code schema}. */
  ObjectNode convert(JsonNode schema) {
    return convert(schema, 0);
  }

  private ObjectNode convert(JsonNode schema, int depth) {
    ObjectNode out = ToolArgs.JSON.createObjectNode();
    if (!schema.isObject() || depth > MAX_DEPTH) {
      return out;
    }
    if (schema.has("$ref")) {
      String ref = schema.path("$ref").asText("");
      if (refs.contains(ref)) {
        return out.put("description", "recursive " + ref.substring(ref.lastIndexOf('/') + 1));
      }
      refs.push(ref);
      try {
        return convert(doc.pointer(ref), depth + 1);
      } finally {
        refs.pop();
      }
    }
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      copy(e.getKey(), e.getValue(), out, depth);
    }
    if (out.has("required") && out.has("properties")) {
      JsonNode props = out.get("properties");
      ArrayNode kept = ToolArgs.JSON.createArrayNode();
      out.get("required")
          .forEach(
              r -> {
                if (props.has(r.asText())) {
                  kept.add(r);
                }
              });
      out.set("required", kept);
    }
    if (schema.path("nullable").asBoolean(false) && out.has("type")) {
      JsonNode type = out.get("type");
      ArrayNode types = ToolArgs.JSON.createArrayNode();
      if (type.isArray()) {
        types.addAll((ArrayNode) type);
      } else {
        types.add(type);
      }
      types.add("null");
      out.set("type", types);
    }
    return out;
  }

  private void copy(String key, JsonNode value, ObjectNode out, int depth) {
    if (TEXTS.contains(key) && value.isTextual()) {
      out.set(key, value);
    } else if (COUNTS.contains(key) && value.canConvertToInt() && value.asInt() >= 0) {
      out.put(key, value.asInt());
    } else if ((NUMBERS.contains(key) || key.equals("multipleOf")) && value.isNumber()) {
      if (!key.equals("multipleOf") || value.doubleValue() > 0) {
        out.set(key, value);
      }
    } else if (key.startsWith("exclusiveM") && (value.isBoolean() || value.isNumber())) {
      out.set(key, value);
    } else if (key.equals("type")) {
      type(value, out);
    } else if (key.equals("enum") && value.isArray()) {
      out.set(key, value);
    } else if ((key.equals("default") || key.equals("const")) && !value.isMissingNode()) {
      out.set(key, value);
    } else if (key.equals("required") && value.isArray()) {
      ArrayNode names = out.putArray("required");
      value.forEach(
          n -> {
            if (n.isTextual()) {
              names.add(n);
            }
          });
    } else if (key.equals("uniqueItems") && value.isBoolean()) {
      out.set(key, value);
    } else if (key.equals("pattern") && value.isTextual() && compiles(value.textValue())) {
      out.set(key, value);
    } else if (key.equals("items") && value.isObject()) {
      out.set(key, convert(value, depth + 1));
    } else if (key.equals("additionalProperties")) {
      out.set(key, value.isBoolean() ? value : convert(value, depth + 1));
    } else if (key.equals("not") && value.isObject()) {
      out.set(key, convert(value, depth + 1));
    } else if (LISTS.contains(key) && value.isArray() && !value.isEmpty()) {
      ArrayNode list = out.putArray(key);
      value.forEach(s -> list.add(convert(s, depth + 1)));
    } else if (key.equals("properties") && value.isObject()) {
      properties(value, out, depth);
    }
  }

  private void properties(JsonNode props, ObjectNode out, int depth) {
    ObjectNode converted = out.putObject("properties");
    for (Map.Entry<String, JsonNode> p : props.properties()) {
      JsonNode resolved = p.getValue().has("$ref") ? safeDeref(p.getValue()) : p.getValue();
      if (resolved.path("readOnly").asBoolean(false)) {
        continue; // the server sets it; a request must not
      }
      converted.set(p.getKey(), convert(p.getValue(), depth + 1));
    }
  }

  private JsonNode safeDeref(JsonNode node) {
    try {
      return doc.deref(node);
    } catch (IllegalArgumentException e) {
      return node;
    }
  }

  private static void type(JsonNode value, ObjectNode out) {
    if (value.isTextual() && TYPES.contains(value.textValue())) {
      out.set("type", value);
    } else if (value.isArray()) {
      ArrayNode kept = ToolArgs.JSON.createArrayNode();
      value.forEach(
          t -> {
            if (t.isTextual() && TYPES.contains(t.textValue())) {
              kept.add(t);
            }
          });
      if (!kept.isEmpty()) {
        out.set("type", kept);
      }
    }
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
