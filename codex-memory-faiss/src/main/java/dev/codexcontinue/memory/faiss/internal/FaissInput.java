package dev.codexcontinue.memory.faiss.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads over a byte array or a memory-mapped file (mapped in chunks below 2 GiB, so
 * that files of any size are read without copying them onto the heap first). Every read checks the
 * bytes left; running out raises {@link Truncated}, which the reader turns into a format error
 * naming the object being read. Not thread-safe.
 */
public final class FaissInput {
  private static final long MAP_CHUNK = 1L << 30;

  private final ByteBuffer[] parts;
  private final long length;
  private int part;
  private long consumedBefore;

  /** Reading past the end of the input. */
  public static final class Truncated extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Truncated(String message) {
      super(message, null, false, false);
    }
  }

  private FaissInput(ByteBuffer[] parts, long length) {
    this.parts = parts;
    this.length = length;
  }

  /** Returns an input over {@code bytes}. */
  public static FaissInput of(byte[] bytes) {
    return new FaissInput(
        new ByteBuffer[] {ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)}, bytes.length);
  }

  /** Returns an input over the whole of {@code channel}, memory-mapped read-only. */
  public static FaissInput map(FileChannel channel) throws IOException {
    long size = channel.size();
    int n = (int) Math.max(1, (size + MAP_CHUNK - 1) / MAP_CHUNK);
    ByteBuffer[] parts = new ByteBuffer[n];
    for (int i = 0; i < n; i++) {
      long start = i * MAP_CHUNK;
      long len = Math.min(MAP_CHUNK, size - start);
      parts[i] =
          channel.map(FileChannel.MapMode.READ_ONLY, start, len).order(ByteOrder.LITTLE_ENDIAN);
    }
    return new FaissInput(parts, size);
  }

  /** Returns the number of bytes read so far. */
  public long position() {
    return consumedBefore + parts[part].position();
  }

  /** Returns the number of bytes left. */
  public long remaining() {
    return length - position();
  }

  private ByteBuffer current() {
    while (!parts[part].hasRemaining() && part + 1 < parts.length) {
      consumedBefore += parts[part].limit();
      part++;
    }
    return parts[part];
  }

  private void need(long bytes) {
    if (bytes > remaining()) {
      throw new Truncated("needs " + bytes + " more bytes, " + remaining() + " left");
    }
  }

  /** Reads one byte, 0..255. */
  public int readUnsignedByte() {
    need(1);
    return current().get() & 0xff;
  }

  /** Reads a little-endian 32-bit int. */
  public int readInt() {
    need(4);
    ByteBuffer b = current();
    if (b.remaining() >= 4) {
      return b.getInt();
    }
    return (int) readSlow(4);
  }

  /** Reads a little-endian 64-bit long. */
  public long readLong() {
    need(8);
    ByteBuffer b = current();
    if (b.remaining() >= 8) {
      return b.getLong();
    }
    return readSlow(8);
  }

  /** Reads a little-endian float. */
  public float readFloat() {
    return Float.intBitsToFloat(readInt());
  }

  /** Reads a little-endian double. */
  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  private long readSlow(int bytes) {
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v |= (long) (current().get() & 0xff) << (8 * i);
    }
    return v;
  }

  /** Reads a four-character type tag. */
  public String readFourcc() {
    need(4);
    byte[] tag = new byte[4];
    for (int i = 0; i < 4; i++) {
      tag[i] = current().get();
    }
    return new String(tag, StandardCharsets.ISO_8859_1);
  }

  /** Skips {@code bytes} bytes. */
  public void skip(long bytes) {
    need(bytes);
    long left = bytes;
    while (left > 0) {
      ByteBuffer b = current();
      int step = (int) Math.min(left, b.remaining());
      b.position(b.position() + step);
      left -= step;
    }
  }

  /** Reads {@code n} floats into {@code dst} from {@code off}. */
  public void readFloats(float[] dst, int off, int n) {
    need(4L * n);
    int done = 0;
    while (done < n) {
      ByteBuffer b = current();
      int take = Math.min(n - done, b.remaining() / 4);
      if (take == 0) {
        dst[off + done++] = Float.intBitsToFloat((int) readSlow(4));
        continue;
      }
      b.asFloatBuffer().get(dst, off + done, take);
      b.position(b.position() + take * 4);
      done += take;
    }
  }

  /** Reads {@code n} ints into {@code dst} from {@code off}. */
  public void readInts(int[] dst, int off, int n) {
    need(4L * n);
    int done = 0;
    while (done < n) {
      ByteBuffer b = current();
      int take = Math.min(n - done, b.remaining() / 4);
      if (take == 0) {
        dst[off + done++] = (int) readSlow(4);
        continue;
      }
      b.asIntBuffer().get(dst, off + done, take);
      b.position(b.position() + take * 4);
      done += take;
    }
  }

  /** Reads {@code n} longs into {@code dst} from {@code off}. */
  public void readLongs(long[] dst, int off, int n) {
    need(8L * n);
    int done = 0;
    while (done < n) {
      ByteBuffer b = current();
      int take = Math.min(n - done, b.remaining() / 8);
      if (take == 0) {
        dst[off + done++] = readSlow(8);
        continue;
      }
      b.asLongBuffer().get(dst, off + done, take);
      b.position(b.position() + take * 8);
      done += take;
    }
  }

  /** Reads {@code n} doubles into {@code dst}. */
  public void readDoubles(double[] dst, int n) {
    for (int i = 0; i < n; i++) {
      dst[i] = readDouble();
    }
  }
}
