package dev.codexcontinue.api.exception;

/**
 * The caller cancelled the operation. Delivered as the single terminal signal of a cancelled
 * stream, so that every stream ends with exactly one terminal call.
 */
public class CancelledException extends CodexException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public CancelledException(String message) {
    super(message);
  }
}
