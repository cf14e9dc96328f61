package dev.codexcontinue.api.exception;

import java.util.List;
import javax.annotation.Nullable;

/**
 * A tool call's arguments are not valid JSON, break the JSON limits, or do not match the tool's
 * schema. {@link #violations()} lists each problem with its JSON pointer, in a form the model can
 * act on.
 */
public class ToolArgumentException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  /** Creates the exception with the list of violations. */
  public ToolArgumentException(
      String toolName, List<String> violations, @Nullable Throwable cause) {
    super(toolName, "invalid arguments for tool '" + toolName + "': " + violations, cause);
    this.violations = List.copyOf(violations);
  }

  /** Returns each violation, for example {@code /path: expected string, got integer}. */
  public List<String> violations() {
    return violations;
  }
}
