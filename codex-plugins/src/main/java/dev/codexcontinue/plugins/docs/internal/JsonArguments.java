package dev.codexcontinue.plugins.docs.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.codexcontinue.api.exception.ToolArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one tool call, read from the model's JSON text under the same limits the agent
 * applies. The agent validates arguments against the tool's schema before a call; the tools of this
 * module check them again, because a host may call them without an agent. Every problem is reported
 * as a {@link ToolArgumentException} that names the argument.
 */
public final class JsonArguments {
  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(100)
                          .maxStringLength(1 << 20)
                          .maxNumberLength(100)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  // Error messages must not echo the input, which may hold secrets.
                  .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final String tool;
  private final JsonNode node;

  private JsonArguments(String tool, JsonNode node) {
    this.tool = tool;
    this.node = node;
  }

  /**
   * Parses {@code json} as the arguments of {@code tool}: a JSON object whose property names are
   * all in {@code known}.
   *
   * @throws ToolArgumentException when the text is not such an object
   */
  public static JsonArguments parse(String tool, String json, Set<String> known) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json.isBlank() ? "{}" : json);
    } catch (JsonProcessingException e) {
      throw new ToolArgumentException(
          tool, List.of("arguments are not valid JSON: " + e.getOriginalMessage()), e);
    }
    if (node == null || !node.isObject()) {
      throw new ToolArgumentException(tool, List.of("arguments must be a JSON object"), null);
    }
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!known.contains(e.getKey())) {
        unknown.add("/" + e.getKey() + ": unknown argument");
      }
    }
    if (!unknown.isEmpty()) {
      throw new ToolArgumentException(tool, unknown, null);
    }
    return new JsonArguments(tool, node);
  }

  /** Returns the string argument {@code name}, which must be present. */
  public String string(String name) {
    return optionalString(name).orElseThrow(() -> bad(name, "required"));
  }

  /** Returns the string argument {@code name} when present and not null. */
  public Optional<String> optionalString(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw bad(name, "expected a string");
    }
    return Optional.of(value.textValue());
  }

  /** Returns the integer argument {@code name} when present, checked against the bounds. */
  public Optional<Integer> optionalInt(String name, int min, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToExactIntegral()) {
      throw bad(name, "expected an integer");
    }
    if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
      throw bad(name, "must be between " + min + " and " + max);
    }
    return Optional.of(value.asInt());
  }

  /** Returns the boolean argument {@code name}, or {@code defaultValue} when absent. */
  public boolean bool(String name, boolean defaultValue) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      throw bad(name, "expected a boolean");
    }
    return value.booleanValue();
  }

  /** Returns the array-of-strings argument {@code name}, which must be present. */
  public List<String> stringList(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw bad(name, "required");
    }
    if (!value.isArray()) {
      throw bad(name, "expected an array of strings");
    }
    List<String> items = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        throw bad(name + "/" + i, "expected a string");
      }
      items.add(item.textValue());
    }
    return List.copyOf(items);
  }

  private ToolArgumentException bad(String name, String problem) {
    return new ToolArgumentException(tool, List.of("/" + name + ": " + problem), null);
  }
}
