package dev.codexcontinue.http.internal;

import dev.codexcontinue.http.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * Decodes {@code text/event-stream} by the WHATWG "event stream interpretation" rules: lines end
 * with CRLF, LF or a lone CR; a leading BOM is dropped; {@code :} lines are comments; a field's
 * value loses one leading space; {@code data} lines join with LF; an {@code id} holding NUL is
 * ignored; {@code retry} counts only when all digits; a blank line dispatches the event unless no
 * data line was seen; an event still open at end of input is discarded.
 */
public final class SseDecoder extends LineDecoder {
  private final StringBuilder data = new StringBuilder();
  // Most events have one data line: it is kept as is, and the builder only joins several.
  @Nullable private String firstData;
  private boolean hasData;
  private int eventBytes;
  private String eventType = "";
  private String lastId = "";
  private long reconnectMillis = -1;

  /** Creates a decoder whose events may hold at most {@code maxEventBytes} bytes of fields. */
  public SseDecoder(int maxEventBytes) {
    super(maxEventBytes, true);
  }

  @Override
  void line(byte[] buf, int offset, int length, Consumer<StreamEvent> sink) {
    if (length == 0) {
      dispatch(sink);
      return;
    }
    if (buf[offset] == ':') {
      return;
    }
    eventBytes += length;
    if (eventBytes > maxEventBytes) {
      throw tooLarge();
    }
    int end = offset + length;
    int colon = offset;
    while (colon < end && buf[colon] != ':') {
      colon++;
    }
    int nameLength = colon - offset;
    int valueStart = Math.min(colon + 1, end);
    if (valueStart < end && buf[valueStart] == ' ') {
      valueStart++;
    }
    if (is(buf, offset, nameLength, "data")) {
      String value = text(buf, valueStart, end);
      if (!hasData) {
        firstData = value;
      } else {
        if (firstData != null) {
          data.append(firstData);
          firstData = null;
        }
        data.append('\n').append(value);
      }
      hasData = true;
    } else if (is(buf, offset, nameLength, "event")) {
      eventType = text(buf, valueStart, end);
    } else if (is(buf, offset, nameLength, "id")) {
      String id = text(buf, valueStart, end);
      if (id.indexOf('\0') < 0) {
        lastId = id;
      }
    } else if (is(buf, offset, nameLength, "retry")) {
      reconnectMillis = digits(buf, valueStart, end, reconnectMillis);
    }
  }

  @Override
  void endOfInput(byte[] rest, int offset, int length, Consumer<StreamEvent> sink) {
    // An event not closed by a blank line is incomplete: WHATWG says to discard it.
    firstData = null;
    data.setLength(0);
    hasData = false;
    eventType = "";
    eventBytes = 0;
  }

  private void dispatch(Consumer<StreamEvent> sink) {
    if (!hasData) {
      eventType = "";
      eventBytes = 0;
      return;
    }
    String joined = firstData != null ? firstData : data.toString();
    StreamEvent event =
        new StreamEvent(
            eventType.isEmpty() ? "message" : eventType, joined, lastId, reconnectMillis);
    firstData = null;
    data.setLength(0);
    hasData = false;
    eventType = "";
    eventBytes = 0;
    events++;
    sink.accept(event);
  }

  private static boolean is(byte[] buf, int offset, int length, String name) {
    if (length != name.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (buf[offset + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] buf, int start, int end) {
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }

  private static long digits(byte[] buf, int start, int end, long previous) {
    if (start == end || end - start > 18) {
      return previous;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      byte b = buf[i];
      if (b < '0' || b > '9') {
        return previous;
      }
      value = value * 10 + (b - '0');
    }
    return value;
  }
}
