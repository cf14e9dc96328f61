package dev.codexcontinue.http.internal;

import dev.codexcontinue.api.exception.StreamProtocolException;
import dev.codexcontinue.http.EventDecoder;
import dev.codexcontinue.http.StreamEvent;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a byte stream into lines without decoding it first, so that a line is turned into text
 * only once all its bytes are in: chunk boundaries inside UTF-8 sequences cannot change the result.
 * CR and LF never occur inside a multi-byte UTF-8 sequence, so scanning bytes for them is safe.
 */
abstract class LineDecoder implements EventDecoder {
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  final int maxEventBytes;
  private final boolean crEndsLine;
  private byte[] pending = new byte[256];
  private int pendingLength;
  private boolean skipNextLf;
  private boolean firstLine = true;
  long events;

  LineDecoder(int maxEventBytes, boolean crEndsLine) {
    if (maxEventBytes <= 0) {
      throw new IllegalArgumentException("maxEventBytes must be > 0");
    }
    this.maxEventBytes = maxEventBytes;
    this.crEndsLine = crEndsLine;
  }

  @Override
  public final void feed(byte[] bytes, int offset, int length, Consumer<StreamEvent> sink) {
    int end = offset + length;
    if (offset < 0 || length < 0 || end > bytes.length) {
      throw new IndexOutOfBoundsException("offset=" + offset + " length=" + length);
    }
    int i = offset;
    while (i < end) {
      if (skipNextLf) {
        skipNextLf = false;
        if (bytes[i] == LF) {
          i++;
          continue;
        }
      }
      int j = i;
      while (j < end && bytes[j] != LF && (bytes[j] != CR || !crEndsLine)) {
        j++;
      }
      if (j == end) {
        append(bytes, i, j - i);
        return;
      }
      skipNextLf = bytes[j] == CR;
      if (pendingLength == 0) {
        checkLineSize(j - i);
        completeLine(bytes, i, j - i, sink);
      } else {
        append(bytes, i, j - i);
        int n = pendingLength;
        pendingLength = 0;
        completeLine(pending, 0, n, sink);
      }
      i = j + 1;
    }
  }

  @Override
  public final void finish(Consumer<StreamEvent> sink) {
    int n = pendingLength;
    pendingLength = 0;
    int start = firstLine && hasBom(pending, 0, n) ? 3 : 0;
    firstLine = false;
    endOfInput(pending, start, n - start, sink);
  }

  @Override
  public final long eventsDecoded() {
    return events;
  }

  /** Handles one complete line (without its line end). */
  abstract void line(byte[] buf, int offset, int length, Consumer<StreamEvent> sink);

  /** Handles the end of input; {@code rest} holds a last line that had no line end. */
  abstract void endOfInput(byte[] rest, int offset, int length, Consumer<StreamEvent> sink);

  final StreamProtocolException tooLarge() {
    return new StreamProtocolException(
        "stream event larger than " + maxEventBytes + " bytes", events, null, null);
  }

  private void completeLine(byte[] buf, int offset, int length, Consumer<StreamEvent> sink) {
    if (firstLine) {
      firstLine = false;
      // A byte order mark may open the stream; it is not part of the first line.
      if (hasBom(buf, offset, length)) {
        offset += 3;
        length -= 3;
      }
    }
    line(buf, offset, length, sink);
  }

  private static boolean hasBom(byte[] buf, int offset, int length) {
    return length >= 3
        && buf[offset] == (byte) 0xEF
        && buf[offset + 1] == (byte) 0xBB
        && buf[offset + 2] == (byte) 0xBF;
  }

  private void append(byte[] bytes, int offset, int length) {
    if (length == 0) {
      return;
    }
    int needed = pendingLength + length;
    checkLineSize(needed);
    if (needed > pending.length) {
      pending =
          Arrays.copyOf(pending, Math.min(Math.max(needed, pending.length * 2), maxEventBytes + 3));
    }
    System.arraycopy(bytes, offset, pending, pendingLength, length);
    pendingLength = needed;
  }

  private void checkLineSize(int length) {
    // +3 leaves room for a byte order mark on the first line.
    if (length > maxEventBytes + 3) {
      throw tooLarge();
    }
  }
}
