package dev.codexcontinue.plugins.net.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reads a tool call's JSON arguments. The agent has validated them against the tool's schema
 * already; these checks keep a tool safe when it is called directly. Every failure is an {@link
 * IllegalArgumentException} whose message is fit for the model.
 */
public final class ToolArgs {
  /** The mapper every tool of this module reads and writes JSON with. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode node;

  private ToolArgs(ObjectNode node) {
    this.node = node;
  }

  /** Parses {@code arguments}, which must be a JSON object. */
  public static ToolArgs parse(String arguments) {
    try {
      JsonNode tree = JSON.readTree(arguments.isBlank() ? "{}" : arguments);
      if (tree instanceof ObjectNode object) {
        return new ToolArgs(object);
      }
      throw new IllegalArgumentException("arguments must be a JSON object");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("arguments are not valid JSON", e);
    }
  }

  /** Returns the arguments as a tree. */
  public ObjectNode node() {
    return node;
  }

  /** Returns string argument {@code name}. */
  public String text(String name) {
    return optText(name)
        .orElseThrow(() -> new IllegalArgumentException("missing string argument '" + name + "'"));
  }

  /** Returns string argument {@code name} if present. */
  public Optional<String> optText(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("argument '" + name + "' must be a string");
    }
    return Optional.of(v.textValue());
  }

  /** Returns integer argument {@code name} within [{@code min}, {@code max}], or the default. */
  public int integer(String name, int defaultValue, int min, int max) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return defaultValue;
    }
    if (!v.canConvertToExactIntegral() || !v.canConvertToInt()) {
      throw new IllegalArgumentException("argument '" + name + "' must be an integer");
    }
    int i = v.asInt();
    if (i < min || i > max) {
      throw new IllegalArgumentException(
          "argument '" + name + "' must be between " + min + " and " + max);
    }
    return i;
  }

  /** Returns argument {@code name} as a JSON value, if present. */
  public Optional<JsonNode> value(String name) {
    return Optional.ofNullable(node.get(name)).filter(v -> !v.isNull());
  }

  /** Returns {@code text} cut to {@code max} characters, with a marker saying how much was cut. */
  public static String cap(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int keep = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, keep)
        + "\n[truncated: "
        + (text.length() - keep)
        + " more characters]";
  }

  /** Returns {@code text} on one line, cut to {@code max} characters with an ellipsis. */
  public static String oneLine(String text, int max) {
    String s = text.replaceAll("\\s+", " ").strip();
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "\u2026";
  }
}
