package dev.codexcontinue.api.exception;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A persisted file failed its checks (magic, version, sizes, checksum). Detected before anything is
 * allocated from the file or returned to a caller: no partial results.
 */
public class CorruptStoreException extends MemoryStoreException {
  private static final long serialVersionUID = 1L;

  private final String file;

  /** Creates the exception naming the damaged {@code file}. */
  public CorruptStoreException(String file, String message, @Nullable Throwable cause) {
    super(Objects.requireNonNull(file, "file == null") + ": " + message, cause);
    this.file = file;
  }

  /** Returns the path of the damaged file. */
  public String file() {
    return file;
  }
}
