package dev.codexcontinue.core.log.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The framing of one conversation log line: a JSON object whose fields come in a fixed order, with
 * the payload's exact bytes last, so that the checksum covers the bytes as written.
 *
 * <pre>{@code
 * {"seq":42,"len":87,"crc32c":3131961357,"payload":{"type":"turn_start",...}}\n
 * }</pre>
 *
 * <p>{@code len} is the payload's length in bytes and {@code crc32c} its CRC32C as an unsigned
 * decimal. Every line is valid JSON on its own; a reader checks the framing, the length, the
 * checksum and the sequence before it parses a payload.
 */
public final class LogFraming {
  /** The largest payload a record may have; a longer {@code len} is damage, not data. */
  public static final int MAX_PAYLOAD_BYTES = 64 << 20;

  private static final byte[] SEQ = ascii("{\"seq\":");
  private static final byte[] LEN = ascii(",\"len\":");
  private static final byte[] CRC = ascii(",\"crc32c\":");
  private static final byte[] PAYLOAD = ascii(",\"payload\":");

  private LogFraming() {}

  /** Returns the line (newline included) that frames {@code payload} as record {@code seq}. */
  public static byte[] frame(long seq, byte[] payload) {
    String head =
        "{\"seq\":"
            + seq
            + ",\"len\":"
            + payload.length
            + ",\"crc32c\":"
            + crc32c(payload, 0, payload.length)
            + ",\"payload\":";
    byte[] headBytes = ascii(head);
    byte[] line = new byte[headBytes.length + payload.length + 2];
    System.arraycopy(headBytes, 0, line, 0, headBytes.length);
    System.arraycopy(payload, 0, line, headBytes.length, payload.length);
    line[line.length - 2] = '}';
    line[line.length - 1] = '\n';
    return line;
  }

  /** A framed record: its sequence number and where its payload lies in the line. */
  public record Frame(long seq, int payloadStart, int payloadLength) {}

  /**
   * Reads the framing of {@code line} (without its newline) and checks length and checksum.
   *
   * @throws IllegalArgumentException naming what is wrong, when anything is
   */
  public static Frame read(byte[] line, int length) {
    int[] pos = {0};
    expect(line, length, pos, SEQ, "seq");
    long seq = number(line, length, pos, "seq");
    expect(line, length, pos, LEN, "len");
    long len = number(line, length, pos, "len");
    expect(line, length, pos, CRC, "crc32c");
    long crc = number(line, length, pos, "crc32c");
    expect(line, length, pos, PAYLOAD, "payload");
    if (len > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("payload length " + len + " exceeds the maximum");
    }
    int start = pos[0];
    if (length - start != len + 1 || line[length - 1] != '}') {
      throw new IllegalArgumentException(
          "payload length is " + (length - start - 1) + " bytes, the frame says " + len);
    }
    long actual = crc32c(line, start, (int) len);
    if (actual != crc) {
      throw new IllegalArgumentException("CRC32C mismatch");
    }
    return new Frame(seq, start, (int) len);
  }

  private static void expect(byte[] line, int length, int[] pos, byte[] token, String field) {
    if (pos[0] + token.length > length) {
      throw new IllegalArgumentException("line ends before its " + field + " field");
    }
    for (int i = 0; i < token.length; i++) {
      if (line[pos[0] + i] != token[i]) {
        throw new IllegalArgumentException("malformed frame at the " + field + " field");
      }
    }
    pos[0] += token.length;
  }

  private static long number(byte[] line, int length, int[] pos, String field) {
    long value = 0;
    int start = pos[0];
    while (pos[0] < length && line[pos[0]] >= '0' && line[pos[0]] <= '9') {
      if (pos[0] - start >= 18) {
        throw new IllegalArgumentException(field + " is too long");
      }
      value = value * 10 + (line[pos[0]] - '0');
      pos[0]++;
    }
    if (pos[0] == start) {
      throw new IllegalArgumentException(field + " is not a number");
    }
    return value;
  }

  private static long crc32c(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
