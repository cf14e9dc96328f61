package dev.codexcontinue.memory.faiss.internal;

import java.util.Arrays;

/**
 * The set of nodes a graph search has seen, cleared in O(1) by bumping an epoch: a node is visited
 * when its mark equals the current epoch. One per thread, reused across searches.
 */
public final class Visited {
  private int[] marks = new int[0];
  private int epoch;

  /** Starts a new search over {@code n} nodes. */
  public void reset(int n) {
    if (marks.length < n) {
      marks = new int[Math.max(n, marks.length + (marks.length >> 1))];
      epoch = 0;
    }
    epoch++;
    if (epoch == Integer.MAX_VALUE) {
      Arrays.fill(marks, 0);
      epoch = 1;
    }
  }

  /** Marks {@code node} and returns whether it was already marked in this search. */
  public boolean getAndSet(int node) {
    if (marks[node] == epoch) {
      return true;
    }
    marks[node] = epoch;
    return false;
  }
}
