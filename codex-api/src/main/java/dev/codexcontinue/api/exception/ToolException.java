package dev.codexcontinue.api.exception;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A tool failed or was given something it cannot run. Inside the agent's tool loop such failures go
 * back to the model as tool results; this exception reaches callers only when they run tools
 * directly.
 */
public class ToolException extends CodexException {
  private static final long serialVersionUID = 1L;

  private final String toolName;

  /** Creates the exception for the tool named {@code toolName}. */
  public ToolException(String toolName, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.toolName = Objects.requireNonNull(toolName, "toolName == null");
  }

  /** Returns the name of the tool. */
  public String toolName() {
    return toolName;
  }
}
