package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/** A call to a provider ran past its connect, read or total timeout. Retryable. */
public class ProviderTimeoutException extends ProviderUnavailableException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ProviderException#ProviderException}. */
  public ProviderTimeoutException(String message, ErrorDetails details, @Nullable Throwable cause) {
    super(message, details, cause);
  }
}
