package dev.codexcontinue.memory.pgvector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Metadata as jsonb text and back: strings, booleans, whole numbers as Long, others as Double. */
final class MetadataJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MetadataJson() {}

  static String write(Map<String, Object> metadata) {
    ObjectNode node = MAPPER.createObjectNode();
    metadata.forEach(
        (key, value) -> {
          if (value instanceof String s) {
            node.put(key, s);
          } else if (value instanceof Boolean b) {
            node.put(key, b);
          } else if (value instanceof Long l) {
            node.put(key, l);
          } else if (value instanceof Double d) {
            node.put(key, d);
          } else {
            throw new IllegalArgumentException("unsupported metadata value for " + key);
          }
        });
    return node.toString();
  }

  /**
   * Parses metadata written by {@link #write}.
   *
   * @throws IllegalArgumentException when the text is not a JSON object of scalars
   */
  static Map<String, Object> read(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("metadata is not JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("metadata is not a JSON object");
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      metadata.put(field.getKey(), value(field.getKey(), field.getValue()));
    }
    return metadata;
  }

  private static Object value(String key, JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    throw new IllegalArgumentException("metadata " + key + " is not a string, boolean or number");
  }
}
