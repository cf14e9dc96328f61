package dev.codexcontinue.memory.faiss.internal;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit ids to non-negative row numbers, without boxing: the reverse
 * id map of {@code IndexIDMap2}. Not thread-safe.
 */
public final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int size;

  /** Creates a map sized for {@code expected} entries. */
  public LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(values, -1);
  }

  /** Returns the number of entries. */
  public int size() {
    return size;
  }

  /** Returns the row of {@code key}, or -1. */
  public int get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      int v = values[i];
      if (v < 0) {
        return -1;
      }
      if (keys[i] == key) {
        return v;
      }
    }
  }

  /** Maps {@code key} to {@code row} (row ≥ 0), replacing any previous row. */
  public void put(long key, int row) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      if (values[i] < 0) {
        keys[i] = key;
        values[i] = row;
        size++;
        return;
      }
      if (keys[i] == key) {
        values[i] = row;
        return;
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(values, -1);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] >= 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
