package dev.codexcontinue.api.exception;

/**
 * A bounded admission queue was full or the wait for a permit ran out; the call was rejected before
 * it started. Retryable later.
 */
public class OverloadedException extends CodexException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public OverloadedException(String message) {
    super(message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
