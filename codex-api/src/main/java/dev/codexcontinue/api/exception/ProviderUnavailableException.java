package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/**
 * The provider could not be reached or failed on its side (HTTP 5xx, 408, 409, connection
 * failures). Retryable.
 */
public class ProviderUnavailableException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ProviderException#ProviderException}. */
  public ProviderUnavailableException(
      String message, ErrorDetails details, @Nullable Throwable cause) {
    super(message, details, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
