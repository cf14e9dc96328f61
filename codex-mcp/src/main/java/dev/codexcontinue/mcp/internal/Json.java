package dev.codexcontinue.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one mapper of this module, with limits: whatever a server or a model sends is read with a
 * bounded nesting depth and string length, and trailing garbage after a message is an error.
 */
public final class Json {
  /** The mapper every class of the module reads and writes JSON with. */
  public static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    ObjectMapper mapper =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(200)
                .maxStringLength(16 << 20)
                .maxNumberLength(100)
                .build());
    return mapper;
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} with a short reason. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses tool arguments: blank text is an empty object, anything but an object is an error. */
  public static ObjectNode arguments(String text) {
    JsonNode tree = parse(text.isBlank() ? "{}" : text);
    if (tree instanceof ObjectNode object) {
      return object;
    }
    throw new IllegalArgumentException("arguments must be a JSON object");
  }

  /** Returns a new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns the text of field {@code name}, or {@code fallback} when absent or not a string. */
  public static String text(JsonNode node, String name, String fallback) {
    JsonNode v = node.get(name);
    return v != null && v.isTextual() ? v.textValue() : fallback;
  }
}
