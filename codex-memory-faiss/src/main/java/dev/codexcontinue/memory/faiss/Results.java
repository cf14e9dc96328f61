package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.memory.faiss.internal.TopK;

/** Turns collected top-k keys into FAISS distances. */
final class Results {
  private Results() {}

  static SearchResult fromTopK(TopK top, Metric metric) {
    int n = top.count();
    float[] keys = new float[n];
    long[] labels = new long[n];
    top.drainSorted(keys, labels);
    if (metric == Metric.INNER_PRODUCT) {
      for (int i = 0; i < n; i++) {
        keys[i] = -keys[i];
      }
    }
    return SearchResult.wrap(labels, keys);
  }
}
