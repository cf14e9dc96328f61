package dev.codexcontinue.core.log.internal;

import dev.codexcontinue.core.log.CorruptLogException;
import dev.codexcontinue.core.log.LogEntry;
import dev.codexcontinue.core.log.LogRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Reads one segment record by record, checking each before it is used: framing, length, CRC32C, the
 * sequence (consecutive from the segment's first number) and, when asked, the payload. Bytes after
 * the last newline are the torn tail of an append a crash interrupted; anything wrong before them
 * is corruption. Memory stays bounded: a line is never buffered past the largest valid record.
 */
public final class SegmentScanner {
  private static final int MAX_LINE = LogFraming.MAX_PAYLOAD_BYTES + 128;

  /**
   * What a scan found.
   *
   * @param lastSeq the last valid record's sequence number; one less than the first when none
   * @param validEnd the byte offset after the last valid record
   * @param tornBytes the length of the torn tail (0 when the file ends with a newline)
   * @param corruption the first damaged record before the tail, if any; the scan stopped there
   * @param records how many valid records were read
   */
  public record Result(
      long lastSeq,
      long validEnd,
      long tornBytes,
      @Nullable CorruptLogException corruption,
      long records) {
    /** Returns the corruption found, if any. */
    public Optional<CorruptLogException> damage() {
      return Optional.ofNullable(corruption);
    }
  }

  private SegmentScanner() {}

  /**
   * Scans {@code file}, whose first record is {@code firstSeq}, giving each valid entry to {@code
   * sink} (payloads parsed) or, when {@code sink} is null, only checking framing and checksums.
   */
  public static Result scan(Path file, long firstSeq, @Nullable Consumer<LogEntry> sink)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return scan(in, file.toString(), firstSeq, sink);
    }
  }

  private static Result scan(
      InputStream in, String name, long firstSeq, @Nullable Consumer<LogEntry> sink)
      throws IOException {
    byte[] chunk = new byte[1 << 16];
    int chunkLength = 0;
    int chunkPos = 0;
    byte[] line = new byte[8192];
    long offset = 0;
    long validEnd = 0;
    long expected = firstSeq;
    long records = 0;
    while (true) {
      int length = 0;
      long lineBytes = 0;
      boolean newline = false;
      while (!newline) {
        if (chunkPos == chunkLength) {
          chunkLength = in.read(chunk);
          chunkPos = 0;
          if (chunkLength < 0) {
            return new Result(expected - 1, validEnd, lineBytes, null, records);
          }
        }
        int end = chunkPos;
        while (end < chunkLength && chunk[end] != '\n') {
          end++;
        }
        int n = end - chunkPos;
        if (lineBytes + n <= MAX_LINE) {
          if (length + n > line.length) {
            line =
                Arrays.copyOf(
                    line, (int) Math.min(MAX_LINE, Math.max(line.length * 2L, length + n)));
          }
          System.arraycopy(chunk, chunkPos, line, length, n);
          length += n;
        }
        lineBytes += n;
        newline = end < chunkLength;
        chunkPos = newline ? end + 1 : end;
      }
      offset += lineBytes + 1;
      CorruptLogException damage =
          lineBytes > MAX_LINE
              ? new CorruptLogException(name, expected, "line longer than any record", null)
              : check(name, line, length, expected, sink);
      if (damage != null) {
        return new Result(expected - 1, validEnd, 0, damage, records);
      }
      validEnd = offset;
      expected++;
      records++;
    }
  }

  @Nullable
  private static CorruptLogException check(
      String name, byte[] line, int length, long expected, @Nullable Consumer<LogEntry> sink) {
    LogFraming.Frame frame;
    try {
      frame = LogFraming.read(line, length);
    } catch (IllegalArgumentException e) {
      return new CorruptLogException(name, expected, String.valueOf(e.getMessage()), e);
    }
    if (frame.seq() != expected) {
      return new CorruptLogException(
          name, expected, "sequence number " + frame.seq() + " out of order", null);
    }
    if (sink == null) {
      return null;
    }
    LogRecord record;
    try {
      record = LogPayloads.read(line, frame.payloadStart(), frame.payloadLength());
    } catch (IllegalArgumentException e) {
      return new CorruptLogException(name, expected, String.valueOf(e.getMessage()), e);
    }
    sink.accept(new LogEntry(expected, record));
    return null;
  }
}
