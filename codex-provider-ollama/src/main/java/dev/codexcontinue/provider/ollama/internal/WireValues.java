package dev.codexcontinue.provider.ollama.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads fields of Ollama's JSON objects once they are plain maps (see {@link Json#plain}). */
public final class WireValues {
  private WireValues() {}

  /** Returns field {@code key} as text; empty when absent or not a string or number. */
  public static String text(Map<?, ?> map, String key) {
    Object v = map.get(key);
    return v instanceof String || v instanceof Number || v instanceof Boolean ? v.toString() : "";
  }

  /** Returns field {@code key} as a whole number, or {@code fallback}. */
  public static long number(Map<?, ?> map, String key, long fallback) {
    return map.get(key) instanceof Number n ? n.longValue() : fallback;
  }

  /** Returns field {@code key} as a map, or an empty one. */
  public static Map<?, ?> map(Map<?, ?> map, String key) {
    return map.get(key) instanceof Map<?, ?> m ? m : Map.of();
  }

  /** Returns the strings of list field {@code key}. */
  public static List<String> strings(Map<?, ?> map, String key) {
    return map.get(key) instanceof List<?> list
        ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
        : List.of();
  }

  /**
   * Returns an RFC 3339 timestamp (0 to 9 fraction digits, {@code Z} or an offset); empty when the
   * field is absent or unreadable, which is not worth failing a call for.
   */
  public static Optional<OffsetDateTime> timestamp(Map<?, ?> map, String key) {
    String value = text(map, key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
