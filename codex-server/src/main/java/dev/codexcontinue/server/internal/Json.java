package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** The server's private JSON mapper, bounded for untrusted request bodies. */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxStringLength(8 * 1024 * 1024)
                          .maxNumberLength(64)
                          .build())
                  .build())
          .build();

  private Json() {}

  /** Returns a new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns a new empty array. */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /**
   * Parses a request body that must be a JSON object.
   *
   * @throws HttpError 400 when it is not
   */
  public static ObjectNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw HttpError.badRequest(
          "invalid_json", "the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw HttpError.badRequest("invalid_json", "the request body could not be read as JSON");
    }
    if (!(node instanceof ObjectNode object)) {
      throw HttpError.badRequest("invalid_json", "the request body must be a JSON object");
    }
    return object;
  }

  /** Parses JSON text, for tool arguments and schemas; empty when it is not JSON. */
  public static Optional<JsonNode> tryParse(String text) {
    try {
      return Optional.ofNullable(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Serializes a tree. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  /** Serializes a tree to text. */
  public static String text(JsonNode node) {
    return new String(bytes(node), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Returns the text of field {@code name}, or empty when absent or null. */
  public static Optional<String> string(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw HttpError.badRequest("invalid_type", "'" + name + "' must be a string");
    }
    return Optional.of(v.asText());
  }

  /** Returns a boolean field, {@code fallback} when absent. */
  public static boolean bool(JsonNode node, String name, boolean fallback) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw HttpError.badRequest("invalid_type", "'" + name + "' must be a boolean");
    }
    return v.asBoolean();
  }
}
