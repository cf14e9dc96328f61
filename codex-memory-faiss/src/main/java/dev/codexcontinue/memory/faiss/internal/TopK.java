package dev.codexcontinue.memory.faiss.internal;

/**
 * The {@code k} smallest keys seen, in a bounded max-heap. Similarity metrics push negated scores.
 * Not thread-safe: one per query.
 */
public final class TopK {
  private final int k;
  private final float[] keys;
  private final long[] ids;
  private int count;

  /** Creates a collector of the {@code k} best. */
  public TopK(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0, was " + k);
    }
    this.k = k;
    this.keys = new float[k];
    this.ids = new long[k];
  }

  /** Returns the key a new entry must beat: the worst kept, or +infinity while not full. */
  public float threshold() {
    return count < k ? Float.POSITIVE_INFINITY : keys[0];
  }

  /** Returns the number of entries the collector keeps at most. */
  public int capacityHint() {
    return k;
  }

  /** Returns the number of entries kept. */
  public int count() {
    return count;
  }

  /** Offers an entry; kept when the heap is not full or it beats the worst. */
  public void offer(float key, long id) {
    if (count < k) {
      int i = count++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (keys[parent] >= key) {
          break;
        }
        keys[i] = keys[parent];
        ids[i] = ids[parent];
        i = parent;
      }
      keys[i] = key;
      ids[i] = id;
    } else if (key < keys[0]) {
      siftDown(key, id, count);
    }
  }

  private void siftDown(float key, long id, int n) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && keys[child + 1] > keys[child]) {
        child++;
      }
      if (keys[child] <= key) {
        break;
      }
      keys[i] = keys[child];
      ids[i] = ids[child];
      i = child;
    }
    keys[i] = key;
    ids[i] = id;
  }

  /**
   * Empties the heap into {@code outKeys}/{@code outIds}, best (smallest key) first, and returns
   * how many were written.
   */
  public int drainSorted(float[] outKeys, long[] outIds) {
    int n = count;
    for (int last = n - 1; last >= 0; last--) {
      float topKey = keys[0];
      long topId = ids[0];
      outKeys[last] = topKey;
      outIds[last] = topId;
      siftDown(keys[last], ids[last], last);
    }
    count = 0;
    return n;
  }
}
