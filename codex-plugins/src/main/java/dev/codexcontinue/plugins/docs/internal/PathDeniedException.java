package dev.codexcontinue.plugins.docs.internal;

/**
 * A path was refused: it leaves the root, names something that is not a readable text file, or is
 * malformed. The message says why, in words the model can act on; it never holds file content.
 */
public final class PathDeniedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the reason. */
  public PathDeniedException(String message) {
    super(message);
  }
}
