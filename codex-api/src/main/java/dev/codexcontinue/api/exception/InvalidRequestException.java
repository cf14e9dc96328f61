package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/**
 * The provider rejected the request itself (HTTP 4xx other than 401, 403, 408, 409 and 429): a bad
 * parameter, an unknown model, a prompt too long. Retrying the same request fails again.
 */
public class InvalidRequestException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ProviderException#ProviderException}. */
  public InvalidRequestException(String message, ErrorDetails details, @Nullable Throwable cause) {
    super(message, details, cause);
  }
}
