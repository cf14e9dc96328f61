package dev.codexcontinue.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Makes a JSON Schema acceptable to OpenAI's strict structured outputs, recursively: every object
 * gets {@code additionalProperties: false} and lists all its properties as required, and a property
 * that was optional becomes nullable instead, so its meaning is kept. Nested objects in {@code
 * properties}, {@code items}, {@code anyOf}, {@code allOf}, {@code oneOf} (turned into {@code
 * anyOf}, which strict mode requires), {@code $defs} and {@code definitions} are handled the same
 * way. The input is not modified.
 */
public final class StrictSchemas {
  private static final int MAX_DEPTH = 64;

  private StrictSchemas() {}

  /** Returns a strict-compatible copy of {@code schema}. */
  public static ObjectNode strict(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    visit(copy, 0);
    return copy;
  }

  private static void visit(JsonNode node, int depth) {
    if (depth > MAX_DEPTH || !node.isObject()) {
      return;
    }
    ObjectNode schema = (ObjectNode) node;
    if (schema.has("oneOf") && !schema.has("anyOf")) {
      schema.set("anyOf", schema.remove("oneOf"));
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      makeObjectStrict(schema, (ObjectNode) properties);
      properties.elements().forEachRemaining(p -> visit(p, depth + 1));
    } else if (isObjectType(schema)) {
      schema.set("properties", schema.objectNode());
      schema.set("required", schema.arrayNode());
      schema.put("additionalProperties", false);
    }
    for (String key : List.of("items", "additionalItems")) {
      JsonNode items = schema.get(key);
      if (items != null) {
        if (items.isArray()) {
          items.elements().forEachRemaining(i -> visit(i, depth + 1));
        } else {
          visit(items, depth + 1);
        }
      }
    }
    for (String key : List.of("anyOf", "allOf")) {
      JsonNode options = schema.get(key);
      if (options != null && options.isArray()) {
        options.elements().forEachRemaining(o -> visit(o, depth + 1));
      }
    }
    for (String key : List.of("$defs", "definitions")) {
      JsonNode defs = schema.get(key);
      if (defs != null && defs.isObject()) {
        defs.elements().forEachRemaining(d -> visit(d, depth + 1));
      }
    }
  }

  private static void makeObjectStrict(ObjectNode schema, ObjectNode properties) {
    Set<String> required = new HashSet<>();
    JsonNode req = schema.get("required");
    if (req != null && req.isArray()) {
      req.elements().forEachRemaining(r -> required.add(r.asText()));
    }
    ArrayNode all = schema.arrayNode();
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      all.add(name);
      if (!required.contains(name)) {
        properties.set(name, nullable(properties.get(name)));
      }
    }
    schema.set("required", all);
    schema.put("additionalProperties", false);
  }

  private static JsonNode nullable(JsonNode property) {
    if (!property.isObject()) {
      return property;
    }
    ObjectNode p = (ObjectNode) property;
    JsonNode type = p.get("type");
    if (type != null && type.isTextual()) {
      if (!type.asText().equals("null")) {
        ArrayNode types = p.arrayNode().add(type.asText()).add("null");
        p.set("type", types);
      }
      return p;
    }
    if (type != null && type.isArray()) {
      boolean hasNull = false;
      for (JsonNode t : type) {
        hasNull |= t.asText().equals("null");
      }
      if (!hasNull) {
        ((ArrayNode) type).add("null");
      }
      return p;
    }
    // No plain type ($ref, anyOf...): allow null as an alternative, keeping the description
    // on the outside where the model reads it.
    ObjectNode wrapper = p.objectNode();
    JsonNode description = p.remove("description");
    wrapper.putArray("anyOf").add(p).addObject().put("type", "null");
    if (description != null) {
      wrapper.set("description", description);
    }
    return wrapper;
  }

  private static boolean isObjectType(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return type.asText().equals("object");
    }
    for (Iterator<JsonNode> it = type.elements(); it.hasNext(); ) {
      if (it.next().asText().equals("object")) {
        return true;
      }
    }
    return false;
  }
}
