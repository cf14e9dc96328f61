package dev.codexcontinue.memory.faiss.internal;

import java.util.function.IntPredicate;
import javax.annotation.Nullable;

/**
 * HNSW search as FAISS does it, so that a graph loaded from a FAISS file gives FAISS's answers:
 * greedy descent through the upper layers, then a best-first search on layer 0 with a bounded
 * candidate pool that stops once {@code efSearch} pool entries are closer than the candidate just
 * taken. Distances are minimized; the inner product is negated. One instance per thread ({@link
 * #forThread()}), reused across queries.
 */
public final class HnswSearch {
  private static final ThreadLocal<HnswSearch> LOCAL = ThreadLocal.withInitial(HnswSearch::new);

  private final Visited visited = new Visited();
  private final CandidatePool pool = new CandidatePool();
  private final NeighborBatch batch = new NeighborBatch();
  private float greedyDistance;

  /** Returns this thread's searcher. */
  public static HnswSearch forThread() {
    return LOCAL.get();
  }

  /**
   * Collects the nearest nodes of {@code q} into {@code top} (keys: squared L2, or negated inner
   * product).
   *
   * @param filter accepts the nodes that may be returned (all are still walked); null for all
   * @param legacyCount reproduce FAISS 1.7.x's early stop (see {@link CandidatePool})
   */
  public void search(
      HnswGraph g,
      VectorStorage s,
      boolean ip,
      float[] q,
      int efSearch,
      TopK top,
      @Nullable IntPredicate filter,
      boolean legacyCount) {
    int entry = g.entryPoint();
    if (entry < 0) {
      return;
    }
    int nearest = entry;
    float dNearest = NeighborBatch.distance(s, q, 0, nearest, ip);
    for (int level = g.maxLevel(); level >= 1; level--) {
      nearest = greedy(g, s, q, ip, level, nearest, dNearest);
      dNearest = greedyDistance;
    }
    int ef = Math.max(efSearch, top.capacityHint());
    pool.reset(ef, legacyCount);
    visited.reset(g.size());
    pool.push(nearest, dNearest);
    visited.getAndSet(nearest);
    if (filter == null || filter.test(nearest)) {
      top.offer(dNearest, nearest);
    }
    int[] links = g.level0();
    int slots = 2 * g.m();
    while (pool.validCount() > 0) {
      int at = pool.minIndex();
      float d0 = pool.distanceAt(at);
      int v0 = pool.expand(at);
      if (pool.countBelow(d0) >= efSearch) {
        break;
      }
      batch.collect(links, v0 * slots, slots, visited);
      batch.computeDistances(s, q, 0, ip);
      for (int j = 0; j < batch.size(); j++) {
        int v1 = batch.node(j);
        float dist = batch.distance(j);
        if (dist < top.threshold() && (filter == null || filter.test(v1))) {
          top.offer(dist, v1);
        }
        pool.push(v1, dist);
      }
    }
  }

  private int greedy(
      HnswGraph g, VectorStorage s, float[] q, boolean ip, int level, int start, float dStart) {
    int nearest = start;
    float dNearest = dStart;
    int m = g.m();
    while (true) {
      int prev = nearest;
      int[] up = g.upper(nearest);
      if (up == null) {
        greedyDistance = dNearest;
        return nearest;
      }
      batch.collect(up, (level - 1) * m, m, null);
      batch.computeDistances(s, q, 0, ip);
      for (int j = 0; j < batch.size(); j++) {
        if (batch.distance(j) < dNearest) {
          nearest = batch.node(j);
          dNearest = batch.distance(j);
        }
      }
      if (nearest == prev) {
        greedyDistance = dNearest;
        return nearest;
      }
    }
  }
}
