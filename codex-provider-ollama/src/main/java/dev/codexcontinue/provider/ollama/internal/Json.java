package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/** The provider's private JSON mapper, and the conversions its readers and writers share. */
public final class Json {
  /** The mapper; configured once, never with {@code findAndRegisterModules()}. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  static {
    // Embedding batches and /api/show's model_info are large but flat; 64 MiB strings cover a
    // base64 image echoed back, and the depth cap stops pathological nesting.
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(64 << 20).build());
  }

  private Json() {}

  /** Parses JSON text. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Parses JSON bytes. */
  public static JsonNode parse(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  /** Returns a new empty object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns a scalar node as text; empty for null, missing and container nodes. */
  public static String text(@Nullable JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText();
  }

  /** Returns an integral node as a long, or {@code -1} when it is absent or not a whole number. */
  public static long count(@Nullable JsonNode node) {
    return node != null && node.isIntegralNumber() && node.canConvertToLong()
        ? node.longValue()
        : -1;
  }

  /** Converts plain Java values (strings, numbers, booleans, lists, maps) to a JSON tree. */
  public static JsonNode toNode(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * Converts a JSON tree to the plain values codex-api maps hold (strings, numbers, booleans,
   * lists, maps), dropping nulls, which those maps do not carry; returns null for a null node.
   */
  @Nullable
  public static Object plain(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isContainerNode()) {
      return node.isObject() ? plainObject(node) : plainArray(node);
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    return node.isNumber() ? (Object) node.doubleValue() : node.asText();
  }

  private static Map<String, Object> plainObject(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Object value = plain(field.getValue());
      if (value != null) {
        map.put(field.getKey(), value);
      }
    }
    return map;
  }

  private static List<Object> plainArray(JsonNode node) {
    List<Object> list = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      Object value = plain(item);
      if (value != null) {
        list.add(value);
      }
    }
    return list;
  }
}
