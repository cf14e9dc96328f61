package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/** The provider rejected the credentials or the caller's permissions (HTTP 401 or 403). */
public class AuthenticationException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ProviderException#ProviderException}. */
  public AuthenticationException(String message, ErrorDetails details, @Nullable Throwable cause) {
    super(message, details, cause);
  }
}
