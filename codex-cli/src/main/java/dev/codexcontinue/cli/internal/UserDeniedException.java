package dev.codexcontinue.cli.internal;

/** The user declined an action the command needed. */
final class UserDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserDeniedException(String message) {
    super(message);
  }
}
