package dev.codexcontinue.plugins.net.internal;

import dev.codexcontinue.api.exception.CodexException;
import javax.annotation.Nullable;

/** The guarded transport refused to send a request (or to follow a redirect), and why. */
public final class RequestBlockedException extends CodexException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the URL and the reason. */
  public RequestBlockedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
