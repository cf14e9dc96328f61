package dev.codexcontinue.memory.faiss.internal;

import dev.codexcontinue.api.exception.CorruptStoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The container of the store's own files (manifest, records): a header with magic, version,
 * dimensions, record count and payload length, the payload, and a CRC32C footer over everything
 * before it. Reading checks the header's bounds against the file size before allocating anything,
 * then the checksum, and only then hands out the payload.
 *
 * <pre>
 * 0  magic (4 ASCII)   4 version i32   8 dims i32   12 count i64   20 payload length i64
 * 28 payload           28+len  crc32c u32 (little-endian)
 * </pre>
 */
public final class ChecksummedFile {
  /** Bytes before the payload. */
  public static final int HEADER = 28;

  /** Bytes after the payload. */
  public static final int FOOTER = 4;

  /** Largest dimension the store accepts. */
  public static final int MAX_DIMENSION = 65_536;

  private static final int VERSION = 1;

  private ChecksummedFile() {}

  /** The checked contents of a file. */
  public record Contents(int dimension, long count, byte[] payload) {}

  /** Returns the complete file bytes for a payload. */
  public static byte[] encode(String magic, int dimension, long count, byte[] payload) {
    ByteBuffer b =
        ByteBuffer.allocate(HEADER + payload.length + FOOTER).order(ByteOrder.LITTLE_ENDIAN);
    b.put(magic.getBytes(StandardCharsets.US_ASCII));
    b.putInt(VERSION);
    b.putInt(dimension);
    b.putLong(count);
    b.putLong(payload.length);
    b.put(payload);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, HEADER + payload.length);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws CorruptStoreException when the header, size or checksum is wrong
   * @throws IOException when the file cannot be read
   */
  public static Contents read(Path file, String magic) throws IOException {
    long size = Files.size(file);
    String name = file.toString();
    if (size < HEADER + FOOTER) {
      throw new CorruptStoreException(name, "shorter (" + size + " bytes) than its header", null);
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new CorruptStoreException(name, "too large (" + size + " bytes)", null);
    }
    ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (head.hasRemaining() && ch.read(head) >= 0) {
        // reads the header only: nothing is allocated from its counts before they are checked
      }
    }
    head.flip();
    byte[] m = new byte[4];
    head.get(m);
    if (!new String(m, StandardCharsets.ISO_8859_1).equals(magic)) {
      throw new CorruptStoreException(name, "bad magic, expected " + magic, null);
    }
    int version = head.getInt();
    int dims = head.getInt();
    long count = head.getLong();
    long length = head.getLong();
    if (version != VERSION) {
      throw new CorruptStoreException(name, "unknown version " + version, null);
    }
    if (dims <= 0 || dims > MAX_DIMENSION) {
      throw new CorruptStoreException(
          name, "dimension " + dims + " outside 1.." + MAX_DIMENSION, null);
    }
    if (length != size - HEADER - FOOTER) {
      throw new CorruptStoreException(
          name, "payload length " + length + " does not match the file size " + size, null);
    }
    if (count < 0 || count > Integer.MAX_VALUE) {
      throw new CorruptStoreException(name, "record count " + count + " impossible", null);
    }
    byte[] all = Files.readAllBytes(file);
    if (all.length != size) {
      throw new CorruptStoreException(name, "changed size while being read", null);
    }
    CRC32C crc = new CRC32C();
    crc.update(all, 0, all.length - FOOTER);
    int stored =
        ByteBuffer.wrap(all, all.length - FOOTER, FOOTER).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (stored != (int) crc.getValue()) {
      throw new CorruptStoreException(name, "checksum mismatch", null);
    }
    byte[] payload = new byte[(int) length];
    System.arraycopy(all, HEADER, payload, 0, payload.length);
    return new Contents(dims, count, payload);
  }

  /** Returns the CRC32C of the whole file, read through a memory map. */
  public static long crc32c(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      for (long pos = 0; pos < size; pos += 1 << 30) {
        crc.update(ch.map(FileChannel.MapMode.READ_ONLY, pos, Math.min(1 << 30, size - pos)));
      }
    }
    return crc.getValue();
  }

  /** An output stream that forwards to a {@link StorageIo.Output} and sums what passes. */
  public static final class SummingStream extends OutputStream {
    private final StorageIo.Output out;
    private final CRC32C crc = new CRC32C();
    private long size;

    /** Creates a stream writing to {@code out}. */
    public SummingStream(StorageIo.Output out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      crc.update(b, off, len);
      size += len;
    }

    /** Returns the bytes written. */
    public long size() {
      return size;
    }

    /** Returns the CRC32C of the bytes written. */
    public long crc32c() {
      return crc.getValue();
    }
  }
}
