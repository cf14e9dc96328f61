package dev.codexcontinue.http.internal;

import dev.codexcontinue.http.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Decodes newline-delimited JSON: each LF ends a line, a CR before it is dropped, blank lines are
 * skipped, and a last line without its LF still counts. The JSON itself is not parsed here.
 */
public final class NdjsonDecoder extends LineDecoder {
  /** Creates a decoder whose lines may hold at most {@code maxEventBytes} bytes. */
  public NdjsonDecoder(int maxEventBytes) {
    super(maxEventBytes, false);
  }

  @Override
  void line(byte[] buf, int offset, int length, Consumer<StreamEvent> sink) {
    int end = offset + length;
    while (end > offset && isBlank(buf[end - 1])) {
      end--;
    }
    int start = offset;
    while (start < end && isBlank(buf[start])) {
      start++;
    }
    if (start == end) {
      return;
    }
    if (end - start > maxEventBytes) {
      throw tooLarge();
    }
    events++;
    sink.accept(StreamEvent.of(new String(buf, start, end - start, StandardCharsets.UTF_8)));
  }

  @Override
  void endOfInput(byte[] rest, int offset, int length, Consumer<StreamEvent> sink) {
    line(rest, offset, length, sink);
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }
}
