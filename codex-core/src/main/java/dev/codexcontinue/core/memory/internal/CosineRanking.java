package dev.codexcontinue.core.memory.internal;

import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MetadataFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Exact top-k by cosine similarity over records held in memory. */
public final class CosineRanking {
  /** Ranks worse first: lower score, then (for equal scores) the larger id. */
  private static final Comparator<MemoryMatch> WORSE_FIRST =
      Comparator.comparingDouble(MemoryMatch::score)
          .thenComparing(m -> m.record().id(), Comparator.reverseOrder());

  private CosineRanking() {}

  /** A stored record with its vector and the vector's length, computed once. Immutable. */
  public static final class Entry {
    private final MemoryRecord record;
    private final float[] vector;
    private final double norm;

    private Entry(MemoryRecord record, float[] vector) {
      this.record = record;
      this.vector = vector;
      this.norm = norm(vector);
    }

    /** Returns the record, with its vector. */
    public MemoryRecord record() {
      return record;
    }
  }

  /** Returns the entry of a record that has a vector. */
  public static Entry entry(MemoryRecord record) {
    return new Entry(record, record.vector());
  }

  /**
   * Returns the {@code query.topK()} entries that pass its filter and reach its minimum score, most
   * similar to {@code vector} first, equal scores in id order.
   */
  public static List<MemoryMatch> top(Iterable<Entry> entries, float[] vector, MemoryQuery query) {
    double queryNorm = norm(vector);
    PriorityQueue<MemoryMatch> best = new PriorityQueue<>(WORSE_FIRST);
    MetadataFilter filter = query.filter();
    boolean everything = filter == MetadataFilter.ALL; // skips a stream per record
    for (Entry entry : entries) {
      if (!everything && !filter.test(entry.record.metadata())) {
        continue;
      }
      double score = cosine(vector, queryNorm, entry.vector, entry.norm);
      if (score < query.minScore()) {
        continue;
      }
      MemoryMatch worst = best.size() == query.topK() ? best.peek() : null;
      if (worst != null && score < worst.score()) {
        continue; // cheaper than allocating a match only to poll it again
      }
      best.add(new MemoryMatch(entry.record, score));
      if (best.size() > query.topK()) {
        best.poll();
      }
    }
    List<MemoryMatch> ranked = new ArrayList<>(best);
    ranked.sort(WORSE_FIRST.reversed());
    return ranked;
  }

  /** Returns the cosine similarity in [-1, 1]; 0 when either vector is zero. */
  static double cosine(float[] a, double normA, float[] b, double normB) {
    if (normA == 0 || normB == 0) {
      return 0;
    }
    // Four running sums let the CPU overlap the multiply-adds of consecutive components.
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (int end = a.length & ~3; i < end; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    double dot = (double) s0 + s1 + s2 + s3;
    // Rounding can push a parallel pair a hair past 1.
    return Math.max(-1, Math.min(1, dot / (normA * normB)));
  }

  static double norm(float[] v) {
    double squares = 0;
    for (float x : v) {
      squares += (double) x * x;
    }
    return Math.sqrt(squares);
  }
}
