package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.Checks;

/**
 * The author of a chat message. A wire value the SDK does not know (a server's new role) parses to
 * a role that keeps the raw string, so parsing never breaks.
 */
public final class Role {
  /** Instructions that frame the conversation. */
  public static final Role SYSTEM = new Role("system");

  /** The human or application asking. */
  public static final Role USER = new Role("user");

  /** The model. */
  public static final Role ASSISTANT = new Role("assistant");

  /** The result of a tool call, answering one assistant tool call by id. */
  public static final Role TOOL = new Role("tool");

  private final String value;

  private Role(String value) {
    this.value = value;
  }

  /**
   * Returns the role for a wire value, known or not. Case-insensitive; {@code developer} is kept.
   */
  public static Role of(String value) {
    String v = Checks.wireValue(value, "role");
    return switch (v) {
      case "system" -> SYSTEM;
      case "user" -> USER;
      case "assistant" -> ASSISTANT;
      case "tool" -> TOOL;
      default -> new Role(v);
    };
  }

  /** Returns the wire value, for example {@code assistant}. */
  public String value() {
    return value;
  }

  /** Returns whether this is one of the four roles the SDK knows. */
  public boolean isKnown() {
    return equals(SYSTEM) || equals(USER) || equals(ASSISTANT) || equals(TOOL);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Role r && r.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
