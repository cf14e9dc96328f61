package dev.codexcontinue.provider.openai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/** The provider's own JSON mapper and conversions between JSON trees and plain Java values. */
public final class Json {
  /** The mapper; configured once, never with {@code findAndRegisterModules()}. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(64 << 20).build());
  }

  /**
   * Reads parts of a document from a parser that is not done with it: without the trailing-token
   * check, which would see the rest of the document as garbage.
   */
  public static final ObjectReader PART_READER =
      MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Parses JSON text. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Parses JSON bytes. */
  public static JsonNode parse(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  /** Returns a scalar node as text; empty for null, missing and container nodes. */
  public static String text(@Nullable JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText();
  }

  /**
   * Converts a JSON tree to strings, numbers, booleans, lists and maps, dropping nulls (codex-api
   * value maps carry no nulls).
   */
  @Nullable
  public static Object toValue(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              e -> {
                Object v = toValue(e.getValue());
                if (v != null) {
                  map.put(e.getKey(), v);
                }
              });
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : node) {
        Object v = toValue(item);
        if (v != null) {
          list.add(v);
        }
      }
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }

  /** Converts plain Java values (as {@link #toValue} makes them) back to a JSON tree. */
  public static JsonNode toNode(Object value) {
    return MAPPER.valueToTree(value);
  }
}
