package dev.codexcontinue.api.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and copies maps of JSON-like values (strings, numbers, booleans, lists and maps of them),
 * the form in which codex-api carries provider options and metadata without a JSON library.
 */
public final class JsonValues {
  private static final int MAX_DEPTH = 32;

  private JsonValues() {}

  /** Returns an unmodifiable deep copy of {@code map}, checking every value. */
  public static Map<String, Object> copyOf(Map<String, ?> map, String what) {
    return copyMap(map, what, 0);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, String what, int depth) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String)) {
        throw new IllegalArgumentException(what + ": keys must be strings");
      }
      copy.put((String) e.getKey(), copyValue(e.getValue(), what, depth + 1));
    }
    return java.util.Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String what, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(what + ": nested deeper than " + MAX_DEPTH);
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(what + ": numbers must be finite");
      }
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return copyMap(map, what, depth);
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(v -> copyValue(v, what, depth + 1)).toList();
    }
    throw new IllegalArgumentException(
        what
            + ": values must be strings, numbers, booleans, lists or maps, not "
            + (value == null ? "null" : value.getClass().getName()));
  }

  /** Returns whether {@code value} is a list (for readers of copied values). */
  public static boolean isList(Object value) {
    return value instanceof List;
  }
}
