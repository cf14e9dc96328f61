package dev.codexcontinue.memory.faiss.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The layered neighbour graph of an HNSW index. Layer 0 keeps {@code 2M} slots per node in one flat
 * array (the hot path of every search); the upper layers, owned by a small fraction of the nodes,
 * keep {@code M} slots per layer in a per-node array. Slots hold node ids, valid ones first, then
 * -1. FAISS's file layout (one slot run per node, layer 0 first) is converted on read and write.
 * Not thread-safe on its own: the index locks, and the builder stripes locks per node.
 */
public final class HnswGraph {
  private final int m;
  private final double[] assignProbas;
  private final int[] cumNeighbors;
  private int[] levels = new int[0];
  private int[] level0 = new int[0];
  private int[][] upper = new int[0][];
  private int size;
  private volatile int entryPoint = -1;
  private volatile int maxLevel = -1;
  private int efConstruction;
  private volatile int efSearch;
  private int upperBeam = 1;

  /** Creates an empty graph with FAISS's default level probabilities for {@code m}. */
  public HnswGraph(int m, int efConstruction, int efSearch) {
    this(m, defaultProbas(m), defaultCum(m), efConstruction, efSearch);
  }

  /** Creates an empty graph with the given (already validated) level tables. */
  public HnswGraph(
      int m, double[] assignProbas, int[] cumNeighbors, int efConstruction, int efSearch) {
    if (m < 2) {
      throw new IllegalArgumentException("M must be >= 2, was " + m);
    }
    this.m = m;
    this.assignProbas = assignProbas.clone();
    this.cumNeighbors = cumNeighbors.clone();
    this.efConstruction = efConstruction;
    this.efSearch = efSearch;
  }

  /**
   * Returns FAISS's level probabilities for {@code m}, bit-exact: float32 divisions and exponents
   * where FAISS uses them, so that a written file matches one written by FAISS.
   */
  public static double[] defaultProbas(int m) {
    List<Double> probas = new ArrayList<>();
    float mult = (float) (1.0 / Math.log(m));
    double tail = 1 - Math.exp((float) (-1f / mult));
    for (int level = 0; ; level++) {
      float p = (float) (Math.exp((float) (-level / mult)) * tail);
      if (p < 1e-9) {
        break;
      }
      probas.add((double) p);
    }
    return probas.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Returns FAISS's cumulative slot counts per layer for {@code m}: 0, 2M, 3M, 4M... */
  public static int[] defaultCum(int m) {
    int layers = defaultProbas(m).length;
    int[] cum = new int[layers + 1];
    for (int l = 0; l < layers; l++) {
      cum[l + 1] = cum[l] + (l == 0 ? 2 * m : m);
    }
    return cum;
  }

  /** Returns M, the number of links per node on the upper layers (2M on layer 0). */
  public int m() {
    return m;
  }

  /** Returns a copy of the level probabilities. */
  public double[] assignProbas() {
    return assignProbas.clone();
  }

  /** Returns a copy of the cumulative slot counts per layer. */
  public int[] cumNeighbors() {
    return cumNeighbors.clone();
  }

  /** Returns the number of layers a node may have. */
  public int maxLayers() {
    return cumNeighbors.length - 1;
  }

  /** Returns the number of nodes. */
  public int size() {
    return size;
  }

  /** Returns the node searches start from, -1 when empty. */
  public int entryPoint() {
    return entryPoint;
  }

  /** Returns the top layer of the graph, -1 when empty. */
  public int maxLevel() {
    return maxLevel;
  }

  /** Sets the entry point and the top layer together. */
  public void entry(int node, int level) {
    this.maxLevel = level;
    this.entryPoint = node;
  }

  /** Returns the build beam width. */
  public int efConstruction() {
    return efConstruction;
  }

  /** Sets the build beam width. */
  public void efConstruction(int ef) {
    this.efConstruction = ef;
  }

  /** Returns the default search beam width. */
  public int efSearch() {
    return efSearch;
  }

  /** Sets the default search beam width. */
  public void efSearch(int ef) {
    this.efSearch = ef;
  }

  /** Returns FAISS's deprecated {@code upper_beam} field, kept to write back what was read. */
  public int upperBeam() {
    return upperBeam;
  }

  /** Sets the {@code upper_beam} field. */
  public void upperBeam(int upperBeam) {
    this.upperBeam = upperBeam;
  }

  /** Copies node {@code node}'s slots of layer {@code level} from {@code src} at {@code off}. */
  public void setLinks(int node, int level, int[] src, int off) {
    if (level == 0) {
      System.arraycopy(src, off, level0, node * 2 * m, 2 * m);
    } else {
      int[] up = upper[node];
      if (up != null) {
        System.arraycopy(src, off, up, (level - 1) * m, m);
      }
    }
  }

  /** Returns the number of layers node {@code node} is in (1 = layer 0 only). */
  public int levels(int node) {
    return levels[node];
  }

  /** Returns the layer-0 slot array; node {@code i} owns {@code [i*2M, (i+1)*2M)}. */
  public int[] level0() {
    return level0;
  }

  /** Returns node {@code node}'s upper-layer slots (layer l at {@code (l-1)*M}), or null. */
  @javax.annotation.Nullable
  public int[] upper(int node) {
    return upper[node];
  }

  /** Returns a random number of layers for a new node, drawn from the level probabilities. */
  public int randomLevels(SplittableRandom rng) {
    double f = rng.nextDouble();
    for (int level = 0; level < assignProbas.length; level++) {
      if (f < assignProbas[level]) {
        return level + 1;
      }
      f -= assignProbas[level];
    }
    return assignProbas.length;
  }

  /** Adds nodes {@code size .. size+newLevels.length-1} with the given layer counts, unlinked. */
  public void addNodes(int[] newLevels) {
    int n = size + newLevels.length;
    if (n > levels.length) {
      int cap = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(n, levels.length * 3L / 2 + 16));
      levels = Arrays.copyOf(levels, cap);
      upper = Arrays.copyOf(upper, cap);
      long slots = (long) cap * 2 * m;
      if (slots > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("too many nodes for one HNSW graph: " + n);
      }
      int old = level0.length;
      level0 = Arrays.copyOf(level0, (int) slots);
      Arrays.fill(level0, old, level0.length, -1);
    }
    for (int i = 0; i < newLevels.length; i++) {
      int node = size + i;
      levels[node] = newLevels[i];
      if (newLevels[i] > 1) {
        int[] up = new int[(newLevels[i] - 1) * m];
        Arrays.fill(up, -1);
        upper[node] = up;
      }
    }
    size = n;
  }

  /**
   * Replaces the graph with the nodes of {@code keep} (old ids in new order), renumbering links;
   * links to dropped nodes must already be gone.
   */
  public void renumber(int[] keep, int[] oldToNew) {
    int twoM = 2 * m;
    int[] newLevels = new int[keep.length];
    int[] newLevel0 = new int[Math.max(keep.length * twoM, 0)];
    int[][] newUpper = new int[keep.length][];
    for (int i = 0; i < keep.length; i++) {
      int old = keep[i];
      newLevels[i] = levels[old];
      for (int s = 0; s < twoM; s++) {
        int v = level0[old * twoM + s];
        newLevel0[i * twoM + s] = v < 0 ? -1 : oldToNew[v];
      }
      int[] up = upper[old];
      if (up != null) {
        int[] copy = new int[up.length];
        for (int s = 0; s < up.length; s++) {
          copy[s] = up[s] < 0 ? -1 : oldToNew[up[s]];
        }
        newUpper[i] = copy;
      }
    }
    levels = newLevels;
    level0 = newLevel0;
    upper = newUpper;
    size = keep.length;
  }
}
