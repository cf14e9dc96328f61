package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.FaissOutput;
import java.io.IOException;

/**
 * Writes an {@code IwFl} object back in FAISS's layout, choosing the list-size layout as it does.
 */
final class FaissIvfWriter {
  private FaissIvfWriter() {}

  static void write(FaissWriter w, IvfFlatIndex ivf) throws IOException {
    FaissOutput out = w.out();
    int nlist = ivf.nlist();
    out.writeFourcc("IwFl");
    w.header(ivf, ivf.size(), ivf.isTrained());
    out.writeLong(nlist);
    out.writeLong(ivf.nprobe());
    w.writeFlat(ivf.quantizer());
    IvfFlatIndex.DirectMap dm = ivf.directMap();
    out.writeByte(dm.type());
    out.writeLong(dm.array().length);
    out.writeLongs(dm.array(), 0, dm.array().length);
    if (dm.type() == 2) {
      out.writeLong(dm.pairs().length / 2);
      out.writeLongs(dm.pairs(), 0, dm.pairs().length);
    }
    out.writeFourcc("ilar");
    out.writeLong(nlist);
    out.writeLong(4L * ivf.dimension());
    int nonEmpty = 0;
    for (int l = 0; l < nlist; l++) {
      nonEmpty += ivf.listIds(l).length > 0 ? 1 : 0;
    }
    // FAISS writes every size when more than half the lists are non-empty, (list, size) pairs
    // of the non-empty ones otherwise.
    if (nonEmpty > nlist / 2) {
      out.writeFourcc("full");
      out.writeLong(nlist);
      for (int l = 0; l < nlist; l++) {
        out.writeLong(ivf.listIds(l).length);
      }
    } else {
      out.writeFourcc("sprs");
      out.writeLong(2L * nonEmpty);
      for (int l = 0; l < nlist; l++) {
        if (ivf.listIds(l).length > 0) {
          out.writeLong(l);
          out.writeLong(ivf.listIds(l).length);
        }
      }
    }
    for (int l = 0; l < nlist; l++) {
      long[] ids = ivf.listIds(l);
      if (ids.length > 0) {
        out.writeFloats(ivf.listVectors(l), 0, ids.length * ivf.dimension());
        out.writeLongs(ids, 0, ids.length);
      }
    }
  }
}
