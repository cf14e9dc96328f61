package dev.codexcontinue.plugins.shell;

import dev.codexcontinue.api.exception.ConfigurationException;

/**
 * The shell tool was configured with {@link SandboxMode#REQUIRED} and no sandbox backend works on
 * this machine, so the tool refuses to exist rather than run commands unconfined.
 */
public class SandboxUnavailableException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the reason the backend does not work. */
  public SandboxUnavailableException(String message) {
    super(message);
  }
}
