package dev.codexcontinue.core.tool.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/** Helpers over Jackson trees: JSON type names, value equality and deep-immutable views. */
public final class JsonTrees {
  private JsonTrees() {}

  /**
   * Returns the JSON Schema type of {@code node}: {@code integer} for numbers without a fraction
   * (JSON Schema counts {@code 1.0} as an integer), else {@code number}, {@code string}, {@code
   * boolean}, {@code object}, {@code array} or {@code null}.
   */
  public static String typeName(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case OBJECT -> "object";
      case ARRAY -> "array";
      case NUMBER -> isIntegral(node) ? "integer" : "number";
      default -> "null";
    };
  }

  /** Returns whether a number node holds a whole value. */
  public static boolean isIntegral(JsonNode node) {
    if (node.isIntegralNumber()) {
      return true;
    }
    if (!node.isNumber()) {
      return false;
    }
    double d = node.doubleValue();
    return Double.isFinite(d) && d == Math.rint(d);
  }

  /** Returns the exact decimal value of a number node. */
  public static BigDecimal decimal(JsonNode node) {
    return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
  }

  /** Returns whether two JSON values are equal, numbers compared by value ({@code 1 == 1.0}). */
  public static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return decimal(a).compareTo(decimal(b)) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!jsonEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !jsonEquals(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * Returns a key that is equal for two values exactly when {@link #jsonEquals} holds: object keys
   * sorted, numbers normalised.
   */
  public static String canonicalKey(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    appendKey(node, sb);
    return sb.toString();
  }

  private static void appendKey(JsonNode node, StringBuilder sb) {
    if (node.isNumber()) {
      BigDecimal d = decimal(node);
      sb.append('n').append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toString());
    } else if (node.isArray()) {
      sb.append('[');
      for (JsonNode item : node) {
        appendKey(item, sb);
        sb.append(',');
      }
      sb.append(']');
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      sb.append('{');
      for (String name : names) {
        sb.append(name.length()).append(':').append(name);
        appendKey(node.get(name), sb);
        sb.append(',');
      }
      sb.append('}');
    } else {
      sb.append(node.toString());
    }
  }

  /**
   * Returns a deep-immutable Java view of {@code node}: {@link Map} (insertion-ordered), {@link
   * List}, {@link String}, {@link Number}, {@link Boolean}, or {@code null} for JSON null.
   */
  public static @Nullable Object immutableView(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), immutableView(e.getValue()));
      }
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(immutableView(item)));
      return Collections.unmodifiableList(list);
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return null;
  }
}
