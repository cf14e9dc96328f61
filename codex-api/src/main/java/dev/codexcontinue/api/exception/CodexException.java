package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/** The root of every exception the SDK throws. Not retryable unless a subclass says so. */
public class CodexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and no cause. */
  public CodexException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public CodexException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Returns whether repeating the same call may succeed. */
  public boolean isRetryable() {
    return false;
  }
}
