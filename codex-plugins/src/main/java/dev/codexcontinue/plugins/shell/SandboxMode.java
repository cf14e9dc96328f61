package dev.codexcontinue.plugins.shell;

import java.util.Locale;

/** Whether the shell tool runs commands in an operating-system sandbox. */
public enum SandboxMode {
  /** Never: commands run as the host process's user, confined only by the tool's own rules. */
  OFF,
  /** When a sandbox backend works on this machine; otherwise without one, with a warning. */
  OPTIONAL,
  /** Always: the tool refuses to be built when no backend works (fails closed). */
  REQUIRED;

  /**
   * Returns the mode named {@code value}: {@code off}, {@code optional} or {@code required}, in any
   * case.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static SandboxMode parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "off" -> OFF;
      case "optional" -> OPTIONAL;
      case "required" -> REQUIRED;
      default ->
          throw new IllegalArgumentException(
              "sandbox must be off, optional or required, was '" + value + "'");
    };
  }
}
