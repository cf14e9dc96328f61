package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.FaissOutput;
import dev.codexcontinue.memory.faiss.internal.HnswGraph;
import dev.codexcontinue.memory.faiss.internal.VectorStorage;
import java.io.IOException;
import java.util.concurrent.locks.Lock;

/**
 * Writes index objects byte for byte as FAISS's {@code write_index} does: the same type tags,
 * header (with its two ignored 2^20 fields), vector encodings and field order, so that files
 * round-trip identically and load in FAISS. Each index is read-locked while it is written.
 */
final class FaissWriter {
  private static final long UNUSED_HEADER_FIELD = 1L << 20;

  private final FaissOutput out;

  private FaissWriter(FaissOutput out) {
    this.out = out;
  }

  static void write(VectorIndex index, FaissOutput out) throws IOException {
    new FaissWriter(out).writeIndex(index);
    out.flush();
  }

  private void writeIndex(VectorIndex index) throws IOException {
    if (index instanceof FlatIndex flat) {
      withLock(flat.readLock(), () -> writeFlat(flat));
    } else if (index instanceof HnswIndex hnsw) {
      withLock(hnsw.readLock(), () -> writeHnsw(hnsw));
    } else if (index instanceof IdMapIndex map) {
      withLock(map.lock().readLock(), () -> writeIdMap(map));
    } else if (index instanceof IvfFlatIndex ivf) {
      FaissIvfWriter.write(this, ivf);
    } else {
      throw new IllegalArgumentException("cannot write " + index.getClass().getName());
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void withLock(Lock lock, IoAction action) throws IOException {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }

  FaissOutput out() {
    return out;
  }

  void header(VectorIndex index, long ntotal, boolean trained) throws IOException {
    out.writeInt(index.dimension());
    out.writeLong(ntotal);
    out.writeLong(UNUSED_HEADER_FIELD);
    out.writeLong(UNUSED_HEADER_FIELD);
    out.writeByte(trained ? 1 : 0);
    out.writeInt(index.metric().code());
  }

  void writeFlat(FlatIndex flat) throws IOException {
    VectorStorage s = flat.storage();
    out.writeFourcc(flat.typeTag());
    header(flat, s.size(), true);
    out.writeLong((long) s.size() * s.dimension());
    for (int c = 0; c < s.chunkCount(); c++) {
      out.writeFloats(s.chunkAt(c), 0, s.floatsInChunk(c));
    }
  }

  private void writeHnsw(HnswIndex hnsw) throws IOException {
    HnswGraph g = hnsw.graph();
    int n = g.size();
    out.writeFourcc("IHNf");
    header(hnsw, n, true);
    double[] probas = g.assignProbas();
    out.writeLong(probas.length);
    for (double p : probas) {
      out.writeDouble(p);
    }
    int[] cum = g.cumNeighbors();
    out.writeLong(cum.length);
    out.writeInts(cum, 0, cum.length);
    out.writeLong(n);
    long slots = 0;
    for (int i = 0; i < n; i++) {
      out.writeInt(g.levels(i));
      slots += cum[g.levels(i)];
    }
    out.writeLong(n + 1L);
    long offset = 0;
    out.writeLong(0);
    for (int i = 0; i < n; i++) {
      offset += cum[g.levels(i)];
      out.writeLong(offset);
    }
    out.writeLong(slots);
    int m = g.m();
    int[] level0 = g.level0();
    for (int i = 0; i < n; i++) {
      out.writeInts(level0, i * 2 * m, 2 * m);
      int[] up = g.upper(i);
      if (up != null) {
        out.writeInts(up, 0, up.length);
      }
    }
    out.writeInt(g.entryPoint());
    out.writeInt(g.maxLevel());
    out.writeInt(g.efConstruction());
    out.writeInt(g.efSearch());
    out.writeInt(g.upperBeam());
    writeFlat(hnsw.storage());
  }

  private void writeIdMap(IdMapIndex map) throws IOException {
    long n = map.size();
    out.writeFourcc(map.typeTag());
    boolean trained = !(map.inner() instanceof IvfFlatIndex ivf) || ivf.isTrained();
    header(map, n, trained);
    writeIndex(map.inner());
    out.writeLong(n);
    out.writeLongs(map.idsView(), 0, (int) n);
  }
}
