package dev.codexcontinue.core.log;

import java.util.Objects;

/**
 * A record of a conversation log with its sequence number.
 *
 * @param seq the record's sequence number: consecutive from 1 in one log
 * @param record the record
 */
public record LogEntry(long seq, LogRecord record) {
  /** Checks the components. */
  public LogEntry {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, was " + seq);
    }
    Objects.requireNonNull(record, "record == null");
  }
}
