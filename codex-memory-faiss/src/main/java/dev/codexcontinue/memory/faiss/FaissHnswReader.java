package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.FaissInput;
import dev.codexcontinue.memory.faiss.internal.HnswGraph;

/**
 * Reads an {@code IHNf} object: the HNSW graph block, then the flat storage. Checks what current
 * FAISS readers check (level table, per-node layer counts, offsets, neighbour ids) and, beyond
 * that, that every upper-layer neighbour really has that layer and the entry point has the top
 * layer, so that a search can never index outside a node's slots.
 */
final class FaissHnswReader {
  private FaissHnswReader() {}

  static HnswIndex read(FaissReader r, int depth) {
    FaissInput in = r.in();
    FaissReader.Header h = r.readHeader();
    int n = h.ntotal();
    int layers = r.readCount("assign_probas", 8, -1);
    if (layers == 0 || layers > 64) {
      throw r.fail("assign_probas has " + layers + " layers, expected 1..64");
    }
    double[] probas = new double[layers];
    in.readDoubles(probas, layers);
    int[] cum = r.readIntVector("cum_nneighbor_per_level", layers + 1);
    int m = checkCum(r, cum);
    if ((long) n * 2 * m > Integer.MAX_VALUE - 8) {
      throw r.fail(n + " nodes with M=" + m + " exceed one graph's capacity");
    }
    int[] levels = r.readIntVector("levels", n);
    for (int i = 0; i < n; i++) {
      if (levels[i] < 1 || levels[i] > layers) {
        throw r.fail("node " + i + " has " + levels[i] + " layers, expected 1.." + layers);
      }
    }
    long[] offsets = r.readLongVector("offsets", (long) n + 1);
    long slots = 0;
    for (int i = 0; i < n; i++) {
      if (offsets[i] != slots) {
        throw r.fail("offsets[" + i + "] is " + offsets[i] + ", expected " + slots);
      }
      slots += cum[levels[i]];
    }
    if (offsets[n] != slots) {
      throw r.fail("offsets[" + n + "] is " + offsets[n] + ", expected " + slots);
    }
    int[] neighbors = r.readIntVector("neighbors", slots);
    int entry = in.readInt();
    int maxLevel = in.readInt();
    int efConstruction = in.readInt();
    int efSearch = in.readInt();
    int upperBeam = in.readInt();
    checkEntry(r, n, levels, entry, maxLevel);
    if (efConstruction <= 0 || efSearch <= 0) {
      throw r.fail("efConstruction " + efConstruction + " / efSearch " + efSearch + " not > 0");
    }
    checkNeighbors(r, levels, offsets, neighbors, cum, m);
    FlatIndex storage = r.readFlatChild(depth, h, "HNSW storage");
    if (storage.size() != n) {
      throw r.fail("storage holds " + storage.size() + " vectors, the graph " + n);
    }
    HnswGraph graph = new HnswGraph(m, probas, cum, efConstruction, efSearch);
    graph.upperBeam(upperBeam);
    graph.addNodes(levels);
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < levels[i]; l++) {
        graph.setLinks(i, l, neighbors, (int) offsets[i] + cum[l]);
      }
    }
    if (entry >= 0) {
      graph.entry(entry, maxLevel);
    }
    return new HnswIndex(storage, graph, 12345, Runtime.getRuntime().availableProcessors());
  }

  /** Checks the slot table is 0, 2M, 3M, 4M... and returns M. */
  private static int checkCum(FaissReader r, int[] cum) {
    if (cum[0] != 0 || cum[1] < 4 || cum[1] % 2 != 0) {
      throw r.fail("cum_nneighbor_per_level must start 0, 2M (M >= 2)");
    }
    int m = cum[1] / 2;
    for (int l = 1; l + 1 < cum.length; l++) {
      if (cum[l + 1] - cum[l] != m) {
        throw r.fail("layer " + l + " has " + (cum[l + 1] - cum[l]) + " slots; reads M per layer");
      }
    }
    return m;
  }

  private static void checkEntry(FaissReader r, int n, int[] levels, int entry, int maxLevel) {
    if (n == 0) {
      if (entry != -1) {
        throw r.fail("empty graph with entry point " + entry);
      }
      return;
    }
    if (entry < 0 || entry >= n) {
      throw r.fail("entry point " + entry + " outside 0.." + (n - 1));
    }
    if (maxLevel < 0 || maxLevel > levels[entry] - 1) {
      throw r.fail("max_level " + maxLevel + " but the entry point has " + levels[entry]);
    }
  }

  private static void checkNeighbors(
      FaissReader r, int[] levels, long[] offsets, int[] neighbors, int[] cum, int m) {
    int n = levels.length;
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < levels[i]; l++) {
        int start = (int) offsets[i] + cum[l];
        int end = (int) offsets[i] + cum[l + 1];
        for (int s = start; s < end; s++) {
          int v = neighbors[s];
          if (v < -1 || v >= n) {
            throw r.fail("node " + i + " links to " + v + ", outside -1.." + (n - 1));
          }
          if (v >= 0 && levels[v] <= l) {
            throw r.fail("node " + i + " links on layer " + l + " to node " + v + " without it");
          }
        }
      }
    }
  }
}
