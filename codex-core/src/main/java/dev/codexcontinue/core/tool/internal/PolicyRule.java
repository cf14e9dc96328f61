package dev.codexcontinue.core.tool.internal;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One policy pattern: {@code name} or {@code name(argGlob)}, where the name may hold {@code *} and
 * the argument glob is matched against the tool's description of the call.
 */
public final class PolicyRule {
  private static final Pattern NAME_GLOB = Pattern.compile("[a-zA-Z0-9_*-]{1,128}");

  private final String text;
  private final Glob name;
  @Nullable private final Glob arguments;

  private PolicyRule(String text, Glob name, @Nullable Glob arguments) {
    this.text = text;
    this.name = name;
    this.arguments = arguments;
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException when the pattern is not {@code name} or {@code name(glob)}
   */
  public static PolicyRule parse(String pattern) {
    Objects.requireNonNull(pattern, "pattern == null");
    String text = pattern.strip();
    int open = text.indexOf('(');
    String namePart = open < 0 ? text : text.substring(0, open).strip();
    if (!NAME_GLOB.matcher(namePart).matches()) {
      throw new IllegalArgumentException(
          "policy pattern must be 'name' or 'name(argGlob)' with a name of [a-zA-Z0-9_*-],"
              + " was '"
              + pattern
              + "'");
    }
    if (open < 0) {
      return new PolicyRule(text, Glob.of(namePart), null);
    }
    if (!text.endsWith(")")) {
      throw new IllegalArgumentException(
          "policy pattern '" + pattern + "' opens '(' but does not end with ')'");
    }
    String argPart = text.substring(open + 1, text.length() - 1);
    return new PolicyRule(text, Glob.of(namePart), Glob.of(argPart));
  }

  /** Returns whether the rule applies to some calls of the tool named {@code toolName}. */
  public boolean matchesName(String toolName) {
    return name.matches(toolName);
  }

  /** Returns whether the rule applies to every call of the tool named {@code toolName}. */
  public boolean matchesAllCallsOf(String toolName) {
    return name.matches(toolName) && (arguments == null || arguments.matchesEverything());
  }

  /**
   * Returns whether the rule applies to one call; the description is asked for only when the rule
   * has an argument glob and the name matched.
   */
  public boolean matches(String toolName, Supplier<String> description) {
    if (!name.matches(toolName)) {
      return false;
    }
    return arguments == null || arguments.matches(description.get());
  }

  @Override
  public String toString() {
    return text;
  }
}
