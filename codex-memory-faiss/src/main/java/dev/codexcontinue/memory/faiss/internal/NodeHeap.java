package dev.codexcontinue.memory.faiss.internal;

import java.util.Arrays;

/**
 * A growable binary min-heap of (key, node) pairs; a max-heap is kept by pushing negated keys. Not
 * thread-safe.
 */
final class NodeHeap {
  private float[] keys = new float[64];
  private int[] nodes = new int[64];
  private int size;

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  float topKey() {
    return keys[0];
  }

  int topNode() {
    return nodes[0];
  }

  void push(float key, int node) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      nodes = Arrays.copyOf(nodes, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  void pop() {
    int n = --size;
    float key = keys[n];
    int node = nodes[n];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && keys[child + 1] < keys[child]) {
        child++;
      }
      if (keys[child] >= key) {
        break;
      }
      keys[i] = keys[child];
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}
