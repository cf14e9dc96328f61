package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/**
 * The SDK is configured in a way it cannot use: an unknown or duplicate provider id, a missing
 * required setting, an option the provider does not accept.
 */
public class ConfigurationException extends CodexException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public ConfigurationException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
