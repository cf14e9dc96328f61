package dev.codexcontinue.api.exception;

import javax.annotation.Nullable;

/** A memory store (long-term or session) failed to read, write or search. */
public class MemoryStoreException extends CodexException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public MemoryStoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
