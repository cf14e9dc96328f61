package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.exception.CorruptStoreException;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A FAISS index file is malformed, truncated, or of a type this reader does not support. Thrown
 * before anything is allocated from the file's counts; the message names the type tag (when one was
 * read) and the byte offset.
 */
public final class FaissFormatException extends CorruptStoreException {
  private static final long serialVersionUID = 1L;

  private final long offset;
  @Nullable private final String tag;

  /**
   * Creates the exception.
   *
   * @param source the file (or {@code <bytes>}) being read
   * @param tag the four-character type tag of the object being read, if known
   * @param offset the byte offset where the problem was found
   * @param message what is wrong
   */
  public FaissFormatException(String source, @Nullable String tag, long offset, String message) {
    super(source, describe(tag, offset, message), null);
    this.offset = offset;
    this.tag = tag;
  }

  private static String describe(@Nullable String tag, long offset, String message) {
    return (tag == null ? "" : tag + ": ") + message + " (at byte " + offset + ")";
  }

  /** Returns the byte offset where the problem was found. */
  public long offset() {
    return offset;
  }

  /** Returns the type tag of the object being read, when one was read. */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }
}
