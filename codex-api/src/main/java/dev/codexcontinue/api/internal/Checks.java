package dev.codexcontinue.api.internal;

import java.util.Objects;

/** Argument checks shared by the value types. */
public final class Checks {
  private Checks() {}

  /** Returns {@code value} when it is neither null nor blank. */
  public static String notBlank(String value, String name) {
    Objects.requireNonNull(value, () -> name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  /** Returns {@code value} when it is positive. */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
    return value;
  }

  /** Returns the lower-cased wire value with surrounding blanks removed. */
  public static String wireValue(String raw, String name) {
    return notBlank(raw, name).strip().toLowerCase(java.util.Locale.ROOT);
  }
}
