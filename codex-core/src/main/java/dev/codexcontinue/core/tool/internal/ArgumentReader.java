package dev.codexcontinue.core.tool.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.ToolArgumentException;
import dev.codexcontinue.core.internal.Json;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Turns the argument text a model produced into a validated JSON object, or a {@link
 * ToolArgumentException} listing what is wrong. This is the one entry point for untrusted argument
 * text: it never throws anything else.
 */
public final class ArgumentReader {
  /**
   * The longest argument text read at all. It leaves room for a string at the JSON limit even when
   * written with escapes, and bounds the memory a tree may take before any schema is applied.
   */
  public static final int MAX_ARGUMENT_CHARS = 8 << 20;

  private ArgumentReader() {}

  /**
   * Parses {@code text} under the JSON limits and validates it against {@code schema}. Blank text
   * counts as {@code {}}.
   *
   * @return the arguments object, which the caller owns
   * @throws ToolArgumentException when the text is too long, not JSON, not an object, breaks a
   *     limit or violates the schema
   */
  public static ObjectNode read(String toolName, String text, SchemaValidator schema) {
    ObjectNode arguments = parse(toolName, text);
    List<String> violations = schema.validate(arguments);
    if (!violations.isEmpty()) {
      throw new ToolArgumentException(toolName, violations, null);
    }
    return arguments;
  }

  /**
   * Parses {@code text} as a JSON object under the JSON limits, without a schema.
   *
   * @throws ToolArgumentException when the text is too long, not JSON or not an object
   */
  public static ObjectNode parse(String toolName, String text) {
    Objects.requireNonNull(toolName, "toolName == null");
    Objects.requireNonNull(text, "text == null");
    if (text.length() > MAX_ARGUMENT_CHARS) {
      throw invalid(
          toolName,
          "arguments are "
              + text.length()
              + " characters long, more than the "
              + MAX_ARGUMENT_CHARS
              + " allowed",
          null);
    }
    if (text.isBlank()) {
      return Json.mapper().createObjectNode();
    }
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid(toolName, "arguments are not valid JSON: " + describe(e), e);
    }
    if (tree instanceof ObjectNode object) {
      return object;
    }
    throw invalid(
        toolName, "arguments must be a JSON object, got " + JsonTrees.typeName(tree), null);
  }

  private static String describe(JsonProcessingException e) {
    String message = SchemaValidator.clip(String.valueOf(e.getOriginalMessage()), 300);
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() < 0) {
      return message;
    }
    return message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  private static ToolArgumentException invalid(
      String toolName, String message, @Nullable Throwable cause) {
    return new ToolArgumentException(toolName, List.of("/: " + message), cause);
  }
}
