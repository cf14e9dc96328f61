package dev.codexcontinue.core.log;

import dev.codexcontinue.api.exception.CorruptStoreException;
import javax.annotation.Nullable;

/**
 * A conversation log record failed its checks (framing, length, CRC32C, sequence, payload) before
 * the end of its file: damage, not a crash's torn tail. {@link #seq()} is the sequence number the
 * damaged record should have had.
 */
public class CorruptLogException extends CorruptStoreException {
  private static final long serialVersionUID = 1L;

  private final long seq;

  /** Creates the exception for record {@code seq} of {@code file}. */
  public CorruptLogException(String file, long seq, String message, @Nullable Throwable cause) {
    super(file, "record " + seq + ": " + message, cause);
    this.seq = seq;
  }

  /** Returns the sequence number of the damaged record. */
  public long seq() {
    return seq;
  }
}
