package dev.codexcontinue.memory.faiss.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Inserts nodes into an {@link HnswGraph} the way FAISS builds {@code IndexHNSWFlat}: each new node
 * descends greedily to its own top layer, then on each of its layers collects {@code
 * efConstruction} candidates, keeps up to M (2M on layer 0) of them with the diversity heuristic (a
 * candidate stays only if it is closer to the new node than to every neighbour kept so far), and
 * links both ways; an overfull neighbour list is pruned with the same heuristic.
 *
 * <p>Several threads insert at once, as FAISS does with OpenMP: a neighbour list is written only
 * under its node's lock stripe, a thread holds one stripe at a time (so no deadlock), and searches
 * read lists without locks (a list being rewritten still holds valid node ids).
 */
public final class HnswBuild {
  private static final int STRIPES = 1 << 12;
  private static final int PARALLEL_THRESHOLD = 1_000;

  private final HnswGraph g;
  private final VectorStorage s;
  private final boolean ip;
  private final Object[] locks = new Object[STRIPES];
  private final Object entryLock = new Object();

  /** Creates a builder over {@code g}, whose vectors are in {@code s}. */
  public HnswBuild(HnswGraph g, VectorStorage s, boolean ip) {
    this.g = g;
    this.s = s;
    this.ip = ip;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * Links the nodes {@code from .. s.size()-1}, already added to the graph with their layer counts
   * and to the storage, using up to {@code threads} threads.
   */
  public void insert(int from, int threads) {
    int to = g.size();
    if (from >= to) {
      return;
    }
    Integer[] order = new Integer[to - from];
    for (int i = 0; i < order.length; i++) {
      order[i] = from + i;
    }
    // Highest layers first, as FAISS does: the top node becomes the entry point before the
    // others, so that the entry point no longer moves while threads insert in parallel.
    Arrays.sort(order, (a, b) -> Integer.compare(g.levels(b), g.levels(a)));
    Scratch first = new Scratch();
    insertNode(order[0], first);
    int workers = order.length < PARALLEL_THRESHOLD ? 1 : Math.max(1, threads);
    AtomicInteger next = new AtomicInteger(1);
    if (workers == 1) {
      runWorker(order, next, first);
      return;
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < workers; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  runWorker(order, next, new Scratch());
                } catch (RuntimeException | Error e) {
                  failure.compareAndSet(null, e);
                  next.set(order.length);
                }
              },
              "codex-faiss-hnsw-build-" + t);
      worker.setDaemon(true);
      worker.start();
      started.add(worker);
    }
    joinAll(started);
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  private static void joinAll(List<Thread> threads) {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          // finish the build: a half-linked graph is not a state to leave behind
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void runWorker(Integer[] order, AtomicInteger next, Scratch scratch) {
    for (int i = next.getAndIncrement(); i < order.length; i = next.getAndIncrement()) {
      insertNode(order[i], scratch);
    }
  }

  private void insertNode(int pt, Scratch scratch) {
    int ptLevel = g.levels(pt) - 1;
    int nearest;
    int topLevel;
    synchronized (entryLock) {
      nearest = g.entryPoint();
      topLevel = g.maxLevel();
      if (nearest < 0) {
        g.entry(pt, ptLevel);
        return;
      }
    }
    float[] qa = s.chunk(pt);
    int qo = s.offset(pt);
    float dNearest = dist(qa, qo, nearest);
    int level = topLevel;
    for (; level > ptLevel; level--) {
      nearest = greedy(qa, qo, level, nearest, dNearest, scratch);
      dNearest = scratch.greedyDistance;
    }
    for (; level >= 0; level--) {
      nearest = addLinks(pt, qa, qo, nearest, dNearest, level, scratch);
      dNearest = scratch.greedyDistance;
    }
    synchronized (entryLock) {
      if (ptLevel > g.maxLevel()) {
        g.entry(pt, ptLevel);
      }
    }
  }

  private int greedy(float[] qa, int qo, int level, int start, float dStart, Scratch scratch) {
    int nearest = start;
    float dNearest = dStart;
    int m = g.m();
    while (true) {
      int prev = nearest;
      int[] up = g.upper(nearest);
      if (up != null) {
        NeighborBatch batch = scratch.batch;
        batch.collect(up, (level - 1) * m, m, null);
        batch.computeDistances(s, qa, qo, ip);
        for (int j = 0; j < batch.size(); j++) {
          if (batch.distance(j) < dNearest) {
            nearest = batch.node(j);
            dNearest = batch.distance(j);
          }
        }
      }
      if (nearest == prev) {
        scratch.greedyDistance = dNearest;
        return nearest;
      }
    }
  }

  /** Links {@code pt} on {@code level}; returns the closest node found, the next layer's entry. */
  private int addLinks(
      int pt, float[] qa, int qo, int entry, float dEntry, int level, Scratch scratch) {
    searchLayer(qa, qo, entry, dEntry, level, scratch);
    int count = scratch.sortResults();
    int closest = count > 0 ? scratch.ids[0] : entry;
    scratch.greedyDistance = count > 0 ? scratch.dis[0] : dEntry;
    int capacity = level == 0 ? 2 * g.m() : g.m();
    int kept = prune(scratch.ids, scratch.dis, count, capacity, scratch);
    int[] selected = Arrays.copyOf(scratch.ids, kept);
    synchronized (lock(pt)) {
      for (int other : selected) {
        addLink(pt, other, level, scratch);
      }
    }
    for (int other : selected) {
      synchronized (lock(other)) {
        addLink(other, pt, level, scratch);
      }
    }
    return closest;
  }

  private Object lock(int node) {
    return locks[node & (STRIPES - 1)];
  }

  /** Beam search on one layer, leaving up to efConstruction results in scratch.results. */
  private void searchLayer(float[] qa, int qo, int entry, float dEntry, int level, Scratch sc) {
    int ef = g.efConstruction();
    NodeHeap candidates = sc.candidates;
    NodeHeap results = sc.results; // max-heap through negated keys
    candidates.clear();
    results.clear();
    sc.visited.reset(g.size());
    candidates.push(dEntry, entry);
    results.push(-dEntry, entry);
    sc.visited.getAndSet(entry);
    int m = g.m();
    int[] level0 = g.level0();
    while (candidates.size() > 0) {
      float dCur = candidates.topKey();
      if (dCur > -results.topKey()) {
        break;
      }
      int cur = candidates.topNode();
      candidates.pop();
      int[] links;
      int base;
      int slots;
      if (level == 0) {
        links = level0;
        base = cur * 2 * m;
        slots = 2 * m;
      } else {
        int[] up = g.upper(cur);
        if (up == null) {
          continue;
        }
        links = up;
        base = (level - 1) * m;
        slots = m;
      }
      NeighborBatch batch = sc.batch;
      batch.collect(links, base, slots, sc.visited);
      batch.computeDistances(s, qa, qo, ip);
      for (int j = 0; j < batch.size(); j++) {
        int v = batch.node(j);
        float d = batch.distance(j);
        if (results.size() < ef || -results.topKey() > d) {
          results.push(-d, v);
          candidates.push(d, v);
          if (results.size() > ef) {
            results.pop();
          }
        }
      }
    }
  }

  /**
   * Keeps, in place, the candidates (sorted by distance) that pass the diversity heuristic, at most
   * {@code max}; fewer than {@code max} candidates are all kept, as in FAISS.
   */
  private int prune(int[] ids, float[] dis, int count, int max, Scratch sc) {
    if (count < max) {
      return count;
    }
    int kept = 0;
    for (int i = 0; i < count && kept < max; i++) {
      int cand = ids[i];
      float dq = dis[i];
      float[] ca = s.chunk(cand);
      int co = s.offset(cand);
      boolean good = true;
      for (int j = 0; j < kept; j++) {
        if (dist(ca, co, ids[j]) < dq) {
          good = false;
          break;
        }
      }
      if (good) {
        ids[kept] = cand;
        dis[kept] = dq;
        kept++;
      }
    }
    return kept;
  }

  /** Adds {@code dest} to {@code src}'s list on {@code level}; caller holds src's stripe. */
  private void addLink(int src, int dest, int level, Scratch sc) {
    int[] links;
    int base;
    int slots;
    if (level == 0) {
      links = g.level0();
      slots = 2 * g.m();
      base = src * slots;
    } else {
      int[] up = g.upper(src);
      if (up == null) {
        return;
      }
      links = up;
      slots = g.m();
      base = (level - 1) * slots;
    }
    if (links[base + slots - 1] == -1) {
      int i = slots;
      while (i > 0 && links[base + i - 1] == -1) {
        i--;
      }
      links[base + i] = dest;
      return;
    }
    float[] sa = s.chunk(src);
    int so = s.offset(src);
    NeighborBatch batch = sc.batch;
    batch.clear();
    batch.add(dest);
    for (int j = 0; j < slots; j++) {
      batch.add(links[base + j]);
    }
    batch.computeDistances(s, sa, so, ip);
    sc.clearPairs();
    for (int j = 0; j < batch.size(); j++) {
      sc.addPair(batch.node(j), batch.distance(j));
    }
    int count = sc.sortPairs();
    int kept = prune(sc.ids, sc.dis, count, slots, sc);
    for (int j = 0; j < slots; j++) {
      links[base + j] = j < kept ? sc.ids[j] : -1;
    }
  }

  /**
   * Removes the nodes in {@code removed}: every surviving node that linked to a removed one gets
   * its list rebuilt from its surviving neighbours and the removed nodes' surviving neighbours,
   * pruned with the diversity heuristic, so the graph stays navigable; then nodes are renumbered in
   * order. The caller compacts the vector storage the same way afterwards.
   */
  public void remove(BitSet removed) {
    int n = g.size();
    Scratch sc = new Scratch();
    for (int u = 0; u < n; u++) {
      if (!removed.get(u)) {
        for (int level = 0; level < g.levels(u); level++) {
          repairList(u, level, removed, sc);
        }
      }
    }
    int[] oldToNew = new int[n];
    int[] keep = new int[n - removed.cardinality()];
    int next = 0;
    for (int u = 0; u < n; u++) {
      oldToNew[u] = removed.get(u) ? -1 : next;
      if (!removed.get(u)) {
        keep[next++] = u;
      }
    }
    int entry = g.entryPoint();
    int newEntry = -1;
    int newTop = -1;
    if (entry >= 0 && !removed.get(entry)) {
      newEntry = oldToNew[entry];
      newTop = g.levels(entry) - 1;
    } else {
      for (int u : keep) {
        if (g.levels(u) - 1 > newTop) {
          newTop = g.levels(u) - 1;
          newEntry = oldToNew[u];
        }
      }
    }
    g.renumber(keep, oldToNew);
    g.entry(newEntry, newTop);
  }

  private void repairList(int u, int level, BitSet removed, Scratch sc) {
    int[] links = level == 0 ? g.level0() : g.upper(u);
    if (links == null) {
      return;
    }
    int slots = level == 0 ? 2 * g.m() : g.m();
    int base = level == 0 ? u * slots : (level - 1) * slots;
    boolean damaged = false;
    for (int j = 0; j < slots && links[base + j] >= 0; j++) {
      damaged |= removed.get(links[base + j]);
    }
    if (!damaged) {
      return;
    }
    sc.clearPairs();
    sc.visited.reset(g.size());
    sc.visited.getAndSet(u);
    float[] ua = s.chunk(u);
    int uo = s.offset(u);
    for (int j = 0; j < slots && links[base + j] >= 0; j++) {
      int v = links[base + j];
      if (!removed.get(v)) {
        addCandidate(ua, uo, v, sc);
      } else {
        int[] vl = level == 0 ? g.level0() : g.upper(v);
        int vb = level == 0 ? v * slots : (level - 1) * slots;
        for (int i = 0; vl != null && i < slots && vl[vb + i] >= 0; i++) {
          if (!removed.get(vl[vb + i])) {
            addCandidate(ua, uo, vl[vb + i], sc);
          }
        }
      }
    }
    int count = sc.sortPairs();
    int kept = prune(sc.ids, sc.dis, count, slots, sc);
    for (int j = 0; j < slots; j++) {
      links[base + j] = j < kept ? sc.ids[j] : -1;
    }
  }

  private void addCandidate(float[] ua, int uo, int v, Scratch sc) {
    if (!sc.visited.getAndSet(v)) {
      sc.addPair(v, dist(ua, uo, v));
    }
  }

  private float dist(float[] qa, int qo, int node) {
    return NeighborBatch.distance(s, qa, qo, node, ip);
  }

  /** Per-thread working memory of the builder. */
  private static final class Scratch {
    final Visited visited = new Visited();
    final NodeHeap candidates = new NodeHeap();
    final NodeHeap results = new NodeHeap();
    final NeighborBatch batch = new NeighborBatch();
    int[] ids = new int[64];
    float[] dis = new float[64];
    int pairs;
    float greedyDistance;

    /** Moves the result heap into ids/dis, closest first; returns the count. */
    int sortResults() {
      clearPairs();
      while (results.size() > 0) {
        addPair(results.topNode(), -results.topKey());
        results.pop();
      }
      // popped farthest first: reverse into closest first
      for (int i = 0, j = pairs - 1; i < j; i++, j--) {
        int ti = ids[i];
        ids[i] = ids[j];
        ids[j] = ti;
        float td = dis[i];
        dis[i] = dis[j];
        dis[j] = td;
      }
      return pairs;
    }

    void clearPairs() {
      pairs = 0;
    }

    void addPair(int id, float d) {
      if (pairs == ids.length) {
        ids = Arrays.copyOf(ids, pairs * 2);
        dis = Arrays.copyOf(dis, pairs * 2);
      }
      ids[pairs] = id;
      dis[pairs] = d;
      pairs++;
    }

    /** Sorts the pairs by distance (insertion sort: at most 2M+1 of them); returns the count. */
    int sortPairs() {
      for (int i = 1; i < pairs; i++) {
        int id = ids[i];
        float d = dis[i];
        int j = i - 1;
        while (j >= 0 && dis[j] > d) {
          ids[j + 1] = ids[j];
          dis[j + 1] = dis[j];
          j--;
        }
        ids[j + 1] = id;
        dis[j + 1] = d;
      }
      return pairs;
    }
  }
}
