package dev.codexcontinue.memory.faiss.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian writes to an output stream through a 64 KiB buffer, packed with no padding as FAISS
 * writes. Not thread-safe; {@link #flush()} before closing the stream.
 */
public final class FaissOutput {
  private final OutputStream out;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private long written;

  /** Creates an output writing to {@code out}. */
  public FaissOutput(OutputStream out) {
    this.out = out;
  }

  /** Returns the number of bytes written so far, buffered ones included. */
  public long written() {
    return written + buf.position();
  }

  private void room(int bytes) throws IOException {
    if (buf.remaining() < bytes) {
      flush();
    }
  }

  /** Writes the buffered bytes to the stream. */
  public void flush() throws IOException {
    out.write(buf.array(), 0, buf.position());
    written += buf.position();
    buf.clear();
  }

  /** Writes one byte. */
  public void writeByte(int v) throws IOException {
    room(1);
    buf.put((byte) v);
  }

  /** Writes a 32-bit int. */
  public void writeInt(int v) throws IOException {
    room(4);
    buf.putInt(v);
  }

  /** Writes a 64-bit long. */
  public void writeLong(long v) throws IOException {
    room(8);
    buf.putLong(v);
  }

  /** Writes a float. */
  public void writeFloat(float v) throws IOException {
    room(4);
    buf.putFloat(v);
  }

  /** Writes a double. */
  public void writeDouble(double v) throws IOException {
    room(8);
    buf.putDouble(v);
  }

  /** Writes a four-character type tag. */
  public void writeFourcc(String tag) throws IOException {
    byte[] b = tag.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length != 4) {
      throw new IllegalArgumentException("type tag must be 4 characters: " + tag);
    }
    room(4);
    buf.put(b);
  }

  /** Writes {@code n} floats of {@code src} from {@code off}. */
  public void writeFloats(float[] src, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      room(4);
      FloatBuffer view = buf.asFloatBuffer();
      int take = Math.min(view.remaining(), n - done);
      view.put(src, off + done, take);
      buf.position(buf.position() + take * 4);
      done += take;
    }
  }

  /** Writes {@code n} ints of {@code src} from {@code off}. */
  public void writeInts(int[] src, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      room(4);
      IntBuffer view = buf.asIntBuffer();
      int take = Math.min(view.remaining(), n - done);
      view.put(src, off + done, take);
      buf.position(buf.position() + take * 4);
      done += take;
    }
  }

  /** Writes {@code n} longs of {@code src} from {@code off}. */
  public void writeLongs(long[] src, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      room(8);
      LongBuffer view = buf.asLongBuffer();
      int take = Math.min(view.remaining(), n - done);
      view.put(src, off + done, take);
      buf.position(buf.position() + take * 8);
      done += take;
    }
  }
}
