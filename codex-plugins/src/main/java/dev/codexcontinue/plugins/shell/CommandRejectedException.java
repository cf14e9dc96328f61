package dev.codexcontinue.plugins.shell;

import dev.codexcontinue.api.exception.ToolException;
import javax.annotation.Nullable;

/**
 * A command was not run: it is not on the allowlist, carries a vetoed argument, uses a shell while
 * shell syntax is disabled, names a working directory outside the workspace, or could not be
 * started. The message says why, for the model to correct itself.
 */
public class CommandRejectedException extends ToolException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the tool named {@code toolName}. */
  public CommandRejectedException(String toolName, String message, @Nullable Throwable cause) {
    super(toolName, message, cause);
  }
}
