package dev.codexcontinue.core.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.ToolArgumentException;
import dev.codexcontinue.core.internal.Json;
import dev.codexcontinue.core.tool.internal.JsonTrees;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * The validated arguments of one tool call, with typed access. A missing argument or one of the
 * wrong type throws {@link ToolArgumentException} naming it with a JSON pointer, which the model
 * receives as an error result. JSON {@code null} counts as absent. Immutable and thread-safe.
 */
public final class ToolArguments {
  private final String toolName;
  private final ObjectNode tree;

  private ToolArguments(String toolName, ObjectNode tree) {
    this.toolName = toolName;
    this.tree = tree;
  }

  /** Wraps a validated tree; the caller hands over ownership and must not change it. */
  static ToolArguments of(String toolName, ObjectNode tree) {
    return new ToolArguments(toolName, tree);
  }

  /** Returns whether the argument is present and not {@code null}. */
  public boolean has(String name) {
    return node(name) != null;
  }

  /** Returns the names of the arguments present, in the order the model sent them. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    tree.fieldNames().forEachRemaining(names::add);
    return Collections.unmodifiableSet(names);
  }

  /** Returns a required string argument. */
  public String string(String name) {
    return optionalString(name).orElseThrow(() -> missing(name));
  }

  /** Returns a string argument, or empty when it is absent. */
  public Optional<String> optionalString(String name) {
    return optional(name, "string", JsonNode::isTextual, JsonNode::textValue);
  }

  /** Returns a required integer argument ({@code 3} or {@code 3.0}) that fits a {@code long}. */
  public long integer(String name) {
    OptionalLong value = optionalInteger(name);
    if (value.isEmpty()) {
      throw missing(name);
    }
    return value.getAsLong();
  }

  /** Returns an integer argument, or empty when it is absent. */
  public OptionalLong optionalInteger(String name) {
    JsonNode node = node(name);
    if (node == null) {
      return OptionalLong.empty();
    }
    if (!node.isNumber() || !JsonTrees.isIntegral(node)) {
      throw wrongType(name, "integer", node);
    }
    if (node.isIntegralNumber() ? !node.canConvertToLong() : !fitsLong(node.doubleValue())) {
      throw invalid(name, "integer out of range");
    }
    return OptionalLong.of(node.isIntegralNumber() ? node.longValue() : (long) node.doubleValue());
  }

  /** Returns a required number argument. */
  public double number(String name) {
    OptionalDouble value = optionalNumber(name);
    if (value.isEmpty()) {
      throw missing(name);
    }
    return value.getAsDouble();
  }

  /** Returns a number argument, or empty when it is absent. */
  public OptionalDouble optionalNumber(String name) {
    JsonNode node = node(name);
    if (node == null) {
      return OptionalDouble.empty();
    }
    if (!node.isNumber()) {
      throw wrongType(name, "number", node);
    }
    double value = node.doubleValue();
    if (!Double.isFinite(value)) {
      throw invalid(name, "number out of range");
    }
    return OptionalDouble.of(value);
  }

  /** Returns a required boolean argument. */
  public boolean bool(String name) {
    return optionalBool(name).orElseThrow(() -> missing(name));
  }

  /** Returns a boolean argument, or empty when it is absent. */
  public Optional<Boolean> optionalBool(String name) {
    return optional(name, "boolean", JsonNode::isBoolean, JsonNode::booleanValue);
  }

  /**
   * Returns a required array argument as a deep-immutable list of maps, lists, strings, numbers,
   * booleans and nulls.
   */
  @SuppressWarnings("unchecked")
  public List<Object> list(String name) {
    JsonNode node = required(name, "array");
    return (List<Object>) Objects.requireNonNull(JsonTrees.immutableView(node));
  }

  /** Returns a required array argument with each item converted to {@code elementType}. */
  public <T> List<T> list(String name, Class<T> elementType) {
    Objects.requireNonNull(elementType, "elementType == null");
    JsonNode node = required(name, "array");
    List<T> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      items.add(convert(name + "/" + i, item, Json.mapper().constructType(elementType)));
    }
    return Collections.unmodifiableList(items);
  }

  /** Returns a required object argument as a deep-immutable map. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String name) {
    JsonNode node = required(name, "object");
    return (Map<String, Object>) Objects.requireNonNull(JsonTrees.immutableView(node));
  }

  /**
   * Returns a required argument converted to {@code type} with Jackson data binding: a record, a
   * POJO with a default constructor, an enum, a boxed number and so on.
   */
  public <T> T value(String name, Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    JsonNode node = node(name);
    if (node == null) {
      throw missing(name);
    }
    return convert(name, node, Json.mapper().constructType(type));
  }

  /** Returns all the arguments converted to {@code type}, typically a record of the parameters. */
  public <T> T as(Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    return convert("", tree, Json.mapper().constructType(type));
  }

  /** Returns all the arguments as a deep-immutable map. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> asMap() {
    return (Map<String, Object>) Objects.requireNonNull(JsonTrees.immutableView(tree));
  }

  /** Returns the arguments as compact JSON text. */
  public String json() {
    return Json.write(tree);
  }

  /** Returns the argument converted to a generic Java type, or null when absent. */
  @Nullable
  Object value(String name, Type type) {
    JsonNode node = node(name);
    return node == null ? null : convert(name, node, Json.mapper().constructType(type));
  }

  @Override
  public String toString() {
    return "ToolArguments" + names();
  }

  /** Converts with Jackson; the unchecked cast is safe because Jackson built a {@code type}. */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private <T> T convert(String pointer, JsonNode node, JavaType type) {
    try {
      T value = (T) Json.mapper().treeToValue(node, type);
      if (value == null) {
        throw invalid(pointer, "cannot be null");
      }
      return value;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw invalid(
          pointer,
          "cannot convert to "
              + type.getRawClass().getSimpleName()
              + ": "
              + clip(String.valueOf(message)));
    }
  }

  private <T> Optional<T> optional(
      String name, String type, Predicate<JsonNode> isType, Function<JsonNode, T> value) {
    JsonNode node = node(name);
    if (node == null) {
      return Optional.empty();
    }
    if (!isType.test(node)) {
      throw wrongType(name, type, node);
    }
    return Optional.of(value.apply(node));
  }

  private @Nullable JsonNode node(String name) {
    Objects.requireNonNull(name, "name == null");
    JsonNode node = tree.get(name);
    return node == null || node.isNull() ? null : node;
  }

  private JsonNode required(String name, String type) {
    JsonNode node = node(name);
    if (node == null) {
      throw missing(name);
    }
    if (!JsonTrees.typeName(node).equals(type)) {
      throw wrongType(name, type, node);
    }
    return node;
  }

  private static boolean fitsLong(double d) {
    return d >= -0x1p63 && d < 0x1p63;
  }

  private static String clip(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "\u2026";
  }

  private ToolArgumentException missing(String name) {
    return invalid(name, "missing required argument");
  }

  private ToolArgumentException wrongType(String name, String expected, JsonNode node) {
    return invalid(name, "expected " + expected + ", got " + JsonTrees.typeName(node));
  }

  private ToolArgumentException invalid(String pointer, String message) {
    String at = pointer.isEmpty() ? "/" : "/" + pointer;
    return new ToolArgumentException(toolName, List.of(at + ": " + message), null);
  }
}
