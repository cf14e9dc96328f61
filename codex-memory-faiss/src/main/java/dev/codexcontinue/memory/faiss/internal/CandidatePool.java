package dev.codexcontinue.memory.faiss.internal;

/**
 * FAISS's bounded candidate pool for HNSW layer-0 search ({@code MinimaxHeap}): a max-heap of at
 * most {@code capacity} (distance, node) entries, where expanded entries stay in place with node
 * -1. A full pool drops a point that is not better than its worst entry, and otherwise evicts the
 * worst.
 *
 * <p>FAISS 1.7.x decremented the count of unexpanded entries on every eviction, even of an entry
 * already expanded, which can end a search early; {@code legacyCount} reproduces that for
 * comparisons with files and answers from those versions. The fixed behaviour is the default.
 */
final class CandidatePool {
  private float[] dis = new float[0];
  private int[] ids = new int[0];
  private int capacity;
  private int count;
  private int valid;
  private boolean legacyCount;

  void reset(int capacity, boolean legacyCount) {
    if (dis.length < capacity) {
      dis = new float[capacity];
      ids = new int[capacity];
    }
    this.capacity = capacity;
    this.count = 0;
    this.valid = 0;
    this.legacyCount = legacyCount;
  }

  int validCount() {
    return valid;
  }

  void push(int node, float d) {
    if (count == capacity) {
      if (d >= dis[0]) {
        return;
      }
      if (legacyCount || ids[0] != -1) {
        valid--;
      }
      popMax();
    }
    int i = count++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (dis[parent] >= d) {
        break;
      }
      dis[i] = dis[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    dis[i] = d;
    ids[i] = node;
    valid++;
  }

  private void popMax() {
    int n = --count;
    float d = dis[n];
    int id = ids[n];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && dis[child + 1] > dis[child]) {
        child++;
      }
      if (dis[child] <= d) {
        break;
      }
      dis[i] = dis[child];
      ids[i] = ids[child];
      i = child;
    }
    dis[i] = d;
    ids[i] = id;
  }

  /** Index of the closest unexpanded entry, scanning from the end as FAISS does; -1 if none. */
  int minIndex() {
    int best = -1;
    float bestDis = Float.POSITIVE_INFINITY;
    for (int i = count - 1; i >= 0; i--) {
      if (ids[i] != -1 && (best < 0 || dis[i] < bestDis)) {
        best = i;
        bestDis = dis[i];
      }
    }
    return best;
  }

  float distanceAt(int i) {
    return dis[i];
  }

  /** Marks entry {@code i} expanded and returns its node. */
  int expand(int i) {
    int node = ids[i];
    ids[i] = -1;
    valid--;
    return node;
  }

  /** Counts entries, expanded ones included, strictly closer than {@code d}. */
  int countBelow(float d) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (dis[i] < d) {
        n++;
      }
    }
    return n;
  }
}
