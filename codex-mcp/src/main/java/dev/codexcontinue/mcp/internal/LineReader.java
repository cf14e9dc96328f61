package dev.codexcontinue.mcp.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads newline-delimited UTF-8 lines with a size limit: a line longer than the limit is skipped up
 * to its newline and reported as {@link Line#tooLong()}, so a runaway server cannot fill the heap.
 * Not thread-safe.
 */
public final class LineReader {
  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[8192];
  private int pos;
  private int limit;

  /** One line, or the fact that a line was too long. */
  public record Line(String text, boolean tooLong) {}

  /** Creates a reader of {@code in} that accepts lines of at most {@code maxBytes} bytes. */
  public LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** Returns the next line without its line end, or empty at end of input. */
  public Optional<Line> next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buffer);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return line.size() == 0 && !tooLong
              ? Optional.empty()
              : Optional.of(finish(line, tooLong));
        }
      }
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      if (!tooLong) {
        line.write(buffer, start, pos - start);
        if (line.size() > maxBytes) {
          tooLong = true;
          line.reset();
        }
      }
      if (pos < limit) {
        pos++;
        return Optional.of(finish(line, tooLong));
      }
    }
  }

  private static Line finish(ByteArrayOutputStream line, boolean tooLong) {
    String text = tooLong ? "" : line.toString(StandardCharsets.UTF_8);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    return new Line(text, tooLong);
  }
}
