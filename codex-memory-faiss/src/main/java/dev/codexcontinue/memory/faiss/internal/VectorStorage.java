package dev.codexcontinue.memory.faiss.internal;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Row-major float vectors in chunks of a power-of-two number of rows, so that a store larger than
 * one Java array (2^31 floats) still works and growth never copies more than one chunk. Row {@code
 * r} lives in {@code chunk(r)} at {@code offset(r)}. Not thread-safe: the owning index locks.
 */
public final class VectorStorage {
  /** Floats per full chunk, at most; 2^26 floats is 256 MiB. */
  private static final int CHUNK_FLOATS = 1 << 26;

  private final int dimension;
  private final int rowShift;
  private final int rowMask;
  private float[][] chunks = new float[0][];
  private int size;

  /** Creates empty storage for vectors of {@code dimension} floats. */
  public VectorStorage(int dimension) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, was " + dimension);
    }
    this.dimension = dimension;
    int rows = Math.max(1, CHUNK_FLOATS / dimension);
    this.rowShift = 31 - Integer.numberOfLeadingZeros(rows);
    this.rowMask = (1 << rowShift) - 1;
  }

  /** Returns the number of floats per vector. */
  public int dimension() {
    return dimension;
  }

  /** Returns the number of vectors. */
  public int size() {
    return size;
  }

  /** Returns the number of rows in a full chunk. */
  public int rowsPerChunk() {
    return 1 << rowShift;
  }

  /** Returns the chunk holding row {@code row}. */
  public float[] chunk(int row) {
    return chunks[row >>> rowShift];
  }

  /** Returns the offset of row {@code row} inside its chunk. */
  public int offset(int row) {
    return (row & rowMask) * dimension;
  }

  /** Returns the chunk with index {@code c}. */
  public float[] chunkAt(int c) {
    return chunks[c];
  }

  /** Returns the number of chunks in use. */
  public int chunkCount() {
    return (size + rowMask) >>> rowShift;
  }

  /** Copies row {@code row} into {@code dst} at {@code dstOff}. */
  public void get(int row, float[] dst, int dstOff) {
    System.arraycopy(chunk(row), offset(row), dst, dstOff, dimension);
  }

  /** Returns a copy of row {@code row}. */
  public float[] get(int row) {
    float[] v = new float[dimension];
    get(row, v, 0);
    return v;
  }

  /** Makes room for {@code rows} vectors in all; existing rows stay where they are. */
  public void reserve(long rows) {
    if (rows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("at most 2^31-1 vectors, asked for " + rows);
    }
    int needChunks = (int) ((rows + rowMask) >>> rowShift);
    if (needChunks > chunks.length) {
      chunks = Arrays.copyOf(chunks, needChunks);
    }
    for (int c = 0; c < needChunks; c++) {
      long rowsInChunk = Math.min(rowsPerChunk(), rows - ((long) c << rowShift));
      int floats = (int) (rowsInChunk * dimension);
      float[] current = chunks[c];
      if (current == null) {
        chunks[c] = new float[floats];
      } else if (current.length < floats) {
        // grow geometrically inside a chunk so that one-by-one adds stay amortized O(1)
        int grown = (int) Math.min((long) rowsPerChunk() * dimension, 2L * current.length);
        chunks[c] = Arrays.copyOf(current, Math.max(floats, grown));
      }
    }
  }

  /** Appends {@code n} vectors read from {@code src} starting at {@code srcOff}. */
  public void add(float[] src, int srcOff, int n) {
    reserve((long) size + n);
    int done = 0;
    while (done < n) {
      int row = size + done;
      int room = rowsPerChunk() - (row & rowMask);
      int take = Math.min(room, n - done);
      System.arraycopy(src, srcOff + done * dimension, chunk(row), offset(row), take * dimension);
      done += take;
    }
    size += n;
  }

  /** Appends one vector. */
  public void add(float[] vector) {
    add(vector, 0, 1);
  }

  /** Sets the size after the caller filled rows in place through {@link #chunkAt}. */
  public void setSize(int rows) {
    reserve(rows);
    size = rows;
  }

  /**
   * Removes the rows in {@code removed}, moving the others down in order (like FAISS's {@code
   * remove_ids} on a flat index).
   */
  public void compact(BitSet removed) {
    int write = 0;
    for (int read = 0; read < size; read++) {
      if (!removed.get(read)) {
        if (write != read) {
          System.arraycopy(chunk(read), offset(read), chunk(write), offset(write), dimension);
        }
        write++;
      }
    }
    size = write;
  }

  /** Returns the number of floats stored in chunk {@code c} (full rows only). */
  public int floatsInChunk(int c) {
    long first = (long) c << rowShift;
    return (int) Math.min(rowsPerChunk(), size - first) * dimension;
  }
}
