package dev.codexcontinue.http.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks for durations. */
public final class Durations {
  private Durations() {}

  /** Returns {@code d} when it is positive; otherwise throws naming {@code name}. */
  public static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }
}
