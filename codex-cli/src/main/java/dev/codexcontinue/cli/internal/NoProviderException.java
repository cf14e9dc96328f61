package dev.codexcontinue.cli.internal;

/** No provider could serve the command; the message lists each one tried and how to enable it. */
final class NoProviderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NoProviderException(String message) {
    super(message);
  }
}
