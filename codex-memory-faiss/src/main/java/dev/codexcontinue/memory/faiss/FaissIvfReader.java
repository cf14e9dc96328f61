package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.FaissInput;

/**
 * Reads an {@code IwFl} object ({@code IndexIVFFlat}): nlist and nprobe, the flat quantizer of
 * centroids, the direct map, and the array inverted lists ({@code ilar}, in the {@code full} or
 * {@code sprs} layout). Lists stored elsewhere ({@code il00}, on-disk lists) are rejected.
 */
final class FaissIvfReader {
  private FaissIvfReader() {}

  static IvfFlatIndex read(FaissReader r, int depth) {
    FaissInput in = r.in();
    FaissReader.Header h = r.readHeader();
    long nlist = in.readLong();
    long nprobe = in.readLong();
    if (nlist <= 0 || nlist > 1 << 24) {
      throw r.fail("nlist " + Long.toUnsignedString(nlist) + " outside 1..2^24");
    }
    if (nprobe <= 0 || nprobe > nlist) {
      nprobe = Math.max(1, Math.min(nprobe, nlist));
    }
    FlatIndex quantizer = r.readFlatChild(depth, h, "IVF quantizer");
    if (quantizer.size() != nlist) {
      throw r.fail("quantizer holds " + quantizer.size() + " centroids, nlist is " + nlist);
    }
    IvfFlatIndex.DirectMap directMap = readDirectMap(r, h);
    String lists = in.readFourcc();
    if (!lists.equals("ilar")) {
      throw r.fail("inverted lists of type '" + lists + "' are not supported (reads ilar)");
    }
    if (in.readLong() != nlist) {
      throw r.fail("inverted lists count differs from nlist " + nlist);
    }
    long codeSize = in.readLong();
    if (codeSize != 4L * h.dimension()) {
      throw r.fail("code size " + codeSize + ", expected 4*d = " + 4L * h.dimension());
    }
    long[] sizes = readSizes(r, (int) nlist);
    long total = 0;
    for (long s : sizes) {
      total += s;
    }
    if (total != h.ntotal()) {
      throw r.fail("lists hold " + total + " vectors, header says " + h.ntotal());
    }
    float[][] vectors = new float[(int) nlist][];
    long[][] ids = new long[(int) nlist][];
    for (int l = 0; l < nlist; l++) {
      int n = (int) sizes[l];
      if ((long) n * (codeSize + 8) > in.remaining()) {
        throw r.fail("list " + l + " needs " + n * (codeSize + 8) + " bytes, " + in.remaining());
      }
      if ((long) n * h.dimension() > Integer.MAX_VALUE - 8) {
        throw r.fail("list " + l + " is too large for one array");
      }
      vectors[l] = new float[n * h.dimension()];
      in.readFloats(vectors[l], 0, n * h.dimension());
      ids[l] = new long[n];
      in.readLongs(ids[l], 0, n);
    }
    return new IvfFlatIndex(
        h.metric(), h.trained(), quantizer, vectors, ids, (int) nprobe, directMap);
  }

  private static IvfFlatIndex.DirectMap readDirectMap(FaissReader r, FaissReader.Header h) {
    int type = r.in().readUnsignedByte();
    if (type > 2) {
      throw r.fail("direct map type " + type + ", expected 0, 1 or 2");
    }
    long[] array = r.readLongVector("direct map", type == 1 ? h.ntotal() : 0);
    long[] pairs = new long[0];
    if (type == 2) {
      int n = r.readCount("direct map hashtable", 16, -1);
      pairs = new long[2 * n];
      r.in().readLongs(pairs, 0, 2 * n);
    }
    return new IvfFlatIndex.DirectMap(type, array, pairs);
  }

  private static long[] readSizes(FaissReader r, int nlist) {
    String layout = r.in().readFourcc();
    long[] sizes = new long[nlist];
    if (layout.equals("full")) {
      long[] read = r.readLongVector("list sizes", nlist);
      System.arraycopy(read, 0, sizes, 0, nlist);
    } else if (layout.equals("sprs")) {
      long[] pairs = r.readLongVector("sparse list sizes", -1);
      if (pairs.length % 2 != 0) {
        throw r.fail("sparse list sizes have odd length " + pairs.length);
      }
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i] < 0 || pairs[i] >= nlist || pairs[i + 1] < 0) {
          throw r.fail("sparse list entry (" + pairs[i] + ", " + pairs[i + 1] + ") is invalid");
        }
        sizes[(int) pairs[i]] = pairs[i + 1];
      }
    } else {
      throw r.fail("list size layout '" + layout + "' is not full or sprs");
    }
    for (long s : sizes) {
      if (s < 0 || s > Integer.MAX_VALUE / 2) {
        throw r.fail("list size " + s + " is invalid");
      }
    }
    return sizes;
  }
}
