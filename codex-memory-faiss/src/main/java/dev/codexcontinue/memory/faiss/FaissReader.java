package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.FaissInput;
import dev.codexcontinue.memory.faiss.internal.VectorStorage;
import javax.annotation.Nullable;

/**
 * Parses one FAISS index object (and its nested sub-indexes) from a {@link FaissInput}. Every count
 * is checked against the bytes left, and against the counts it must agree with, before anything is
 * allocated from it; any problem is a {@link FaissFormatException} naming the type tag and the byte
 * offset.
 */
final class FaissReader {
  /** FAISS's own limit on {@code d}. */
  static final int MAX_DIMENSION = 1 << 20;

  /** IDMap over HNSW over flat is three levels; anything deeper is not a file we write or read. */
  private static final int MAX_DEPTH = 3;

  /** A Java array holds at most this many elements. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final FaissInput in;
  private final String source;
  @Nullable private String tag;

  private FaissReader(FaissInput in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Reads the index object at the start of {@code in}. */
  static VectorIndex read(FaissInput in, String source) {
    FaissReader reader = new FaissReader(in, source);
    try {
      return reader.readIndex(0);
    } catch (FaissInput.Truncated e) {
      throw reader.fail("file truncated: " + e.getMessage());
    }
  }

  FaissFormatException fail(String message) {
    return new FaissFormatException(source, tag, in.position(), message);
  }

  VectorIndex readIndex(int depth) {
    if (depth > MAX_DEPTH) {
      throw fail("sub-indexes nested more than " + MAX_DEPTH + " deep");
    }
    long start = in.position();
    String read = in.readFourcc();
    tag = printable(read);
    VectorIndex index =
        switch (read) {
          case "IxF2", "IxFI", "IxFl" -> readFlat();
          case "IHNf" -> FaissHnswReader.read(this, depth);
          case "IxMp", "IxM2" -> readIdMap(read.equals("IxM2"), depth);
          case "IwFl" -> FaissIvfReader.read(this, depth);
          default ->
              throw new FaissFormatException(
                  source,
                  tag,
                  start,
                  "unsupported index type; this reader reads IxF2, IxFI, IHNf, IxMp, IxM2 and IwFl");
        };
    tag = printable(read);
    return index;
  }

  private static String printable(String tag) {
    StringBuilder sb = new StringBuilder();
    for (char c : tag.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return sb.toString();
  }

  FaissInput in() {
    return in;
  }

  void tag(String t) {
    tag = t;
  }

  /** The common header of every index object. */
  record Header(int dimension, int ntotal, boolean trained, Metric metric) {}

  Header readHeader() {
    int d = in.readInt();
    long ntotal = in.readLong();
    in.readLong();
    in.readLong();
    int trained = in.readUnsignedByte();
    int metricCode = in.readInt();
    if (metricCode > 1) {
      in.readFloat();
    }
    if (d <= 0 || d > MAX_DIMENSION) {
      throw fail("dimension " + d + " outside 1.." + MAX_DIMENSION);
    }
    if (ntotal < 0 || ntotal > MAX_ARRAY) {
      throw fail("vector count " + ntotal + " outside 0.." + MAX_ARRAY);
    }
    if (trained > 1) {
      throw fail("is_trained byte is " + trained + ", not 0 or 1");
    }
    Metric metric =
        switch (metricCode) {
          case 0 -> Metric.INNER_PRODUCT;
          case 1 -> Metric.L2;
          default -> throw fail("unsupported metric type " + metricCode + " (reads L2 and IP)");
        };
    return new Header(d, (int) ntotal, trained == 1, metric);
  }

  /**
   * Reads the element count of a FAISS vector, checks it against {@code expected} (when ≥ 0) and
   * the bytes left, and returns it.
   */
  int readCount(String what, int elementBytes, long expected) {
    long count = in.readLong();
    if (count < 0 || count > MAX_ARRAY) {
      throw fail(what + " has " + Long.toUnsignedString(count) + " elements, too many");
    }
    if (expected >= 0 && count != expected) {
      throw fail(what + " has " + count + " elements, expected " + expected);
    }
    if (count * elementBytes > in.remaining()) {
      throw fail(
          what + " needs " + count * elementBytes + " bytes, the file has " + in.remaining());
    }
    return (int) count;
  }

  int[] readIntVector(String what, long expected) {
    int n = readCount(what, 4, expected);
    int[] v = new int[n];
    in.readInts(v, 0, n);
    return v;
  }

  long[] readLongVector(String what, long expected) {
    int n = readCount(what, 8, expected);
    long[] v = new long[n];
    in.readLongs(v, 0, n);
    return v;
  }

  private FlatIndex readFlat() {
    Header h = readHeader();
    long expected;
    try {
      expected = Math.multiplyExact((long) h.ntotal(), h.dimension());
    } catch (ArithmeticException e) {
      throw fail("ntotal * d overflows");
    }
    long nf = in.readLong();
    if (nf != expected) {
      throw fail("holds " + Long.toUnsignedString(nf) + " floats, expected ntotal*d = " + expected);
    }
    if (nf * 4 > in.remaining()) {
      throw fail("needs " + nf * 4 + " bytes of vectors, the file has " + in.remaining());
    }
    VectorStorage storage = new VectorStorage(h.dimension());
    storage.reserve(h.ntotal());
    for (int c = 0; (long) c * storage.rowsPerChunk() < h.ntotal(); c++) {
      long rows = Math.min(storage.rowsPerChunk(), h.ntotal() - (long) c * storage.rowsPerChunk());
      in.readFloats(storage.chunkAt(c), 0, (int) rows * h.dimension());
    }
    storage.setSize(h.ntotal());
    return new FlatIndex(h.metric(), storage);
  }

  private IdMapIndex readIdMap(boolean twoWay, int depth) {
    Header h = readHeader();
    String own = tag;
    VectorIndex inner = readIndex(depth + 1);
    tag = own;
    if (inner instanceof IdMapIndex) {
      throw fail("an id map wraps another id map");
    }
    if (inner.dimension() != h.dimension() || inner.size() != h.ntotal()) {
      throw fail(
          "inner index is "
              + inner.dimension()
              + "-d with "
              + inner.size()
              + " vectors, "
              + "header says "
              + h.dimension()
              + "-d with "
              + h.ntotal());
    }
    if (inner.metric() != h.metric()) {
      throw fail("inner index metric " + inner.metric() + " differs from " + h.metric());
    }
    long[] ids = readLongVector("id_map", h.ntotal());
    return new IdMapIndex(inner, ids, twoWay);
  }

  FlatIndex readFlatChild(int depth, Header h, String what) {
    String own = tag;
    VectorIndex child = readIndex(depth + 1);
    tag = own;
    if (!(child instanceof FlatIndex flat)) {
      throw fail(what + " must be a flat index, is " + child.typeTag());
    }
    if (flat.dimension() != h.dimension()) {
      throw fail(what + " is " + flat.dimension() + "-d, header says " + h.dimension());
    }
    if (flat.metric() != h.metric()) {
      throw fail(what + " metric " + flat.metric() + " differs from " + h.metric());
    }
    return flat;
  }
}
