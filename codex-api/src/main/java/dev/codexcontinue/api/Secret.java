package dev.codexcontinue.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential (API key, token, password) that never shows itself: {@link #toString()} prints
 * {@code ****}. Call {@link #reveal()} only where the value goes on the wire.
 */
public final class Secret {
  private static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @throws IllegalArgumentException when the value is blank
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret is blank");
    }
    return new Secret(value);
  }

  /** Returns the secret value. */
  public String reveal() {
    return value;
  }

  /** Compares in constant time, so timing does not leak the value. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0;
  }

  /** Returns {@code ****}. */
  @Override
  public String toString() {
    return MASK;
  }
}
