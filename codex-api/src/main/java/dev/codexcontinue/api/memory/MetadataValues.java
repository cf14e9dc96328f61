package dev.codexcontinue.api.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Normalises metadata values so that stores compare them alike: strings, booleans, whole numbers as
 * {@code Long} and other numbers as {@code Double}.
 */
final class MetadataValues {
  private MetadataValues() {}

  static Object normalize(Object value) {
    Objects.requireNonNull(value, "metadata value == null");
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("metadata numbers must be finite");
      }
      return d;
    }
    throw new IllegalArgumentException(
        "metadata values must be strings, booleans or numbers, not " + value.getClass().getName());
  }

  static Map<String, Object> copy(Map<String, ?> metadata) {
    Map<String, Object> copy = new LinkedHashMap<>();
    metadata.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, "metadata key == null"), normalize(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** Compares two normalised values; numbers compare by value across Long and Double. */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return compare(x, y) == 0;
    }
    return a.equals(b);
  }

  static int compare(Number a, Number b) {
    if (a instanceof Long && b instanceof Long) {
      return Long.compare(a.longValue(), b.longValue());
    }
    return Double.compare(a.doubleValue(), b.doubleValue());
  }
}
