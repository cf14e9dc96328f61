package dev.codexcontinue.core.log;

import dev.codexcontinue.api.exception.MemoryStoreException;

/**
 * Another writer (in this process or another) has the agent's conversation log open. One writer per
 * agent keeps sequence numbers and appends whole.
 */
public class LogLockedException extends MemoryStoreException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public LogLockedException(String message) {
    super(message, null);
  }
}
