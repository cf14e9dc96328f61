package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MetadataFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/** Similarity search with metadata filters over a store's data. Caller holds the read lock. */
final class StoreSearch {
  private StoreSearch() {}

  static List<MemoryMatch> search(
      StoreData data, float[] v, MemoryQuery query, Similarity sim, StoreIndexType type) {
    int k = query.topK();
    MetadataFilter filter = query.filter();
    SearchResult hits;
    if (filter == MetadataFilter.ALL) {
      hits = data.index.search(v, k);
    } else {
      LongPredicate accept =
          label -> {
            StoreData.StoredRecord r = data.records.get(label);
            return r != null && filter.test(r.metadata());
          };
      hits = data.index.search(v, k, accept);
      if (type == StoreIndexType.HNSW && hits.size() < k) {
        // a selective filter can starve the graph walk: answer exactly from the matching records
        hits = exact(data, v, k, accept);
      }
    }
    List<MemoryMatch> out = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      double score = sim.score(hits.distance(i));
      StoreData.StoredRecord r = data.records.get(hits.label(i));
      if (r != null && score >= query.minScore()) {
        out.add(new MemoryMatch(record(data, r), score));
      }
    }
    return out;
  }

  private static SearchResult exact(StoreData data, float[] v, int k, LongPredicate accept) {
    List<Long> labels = new ArrayList<>();
    for (long label : data.records.keySet()) {
      if (accept.test(label)) {
        labels.add(label);
      }
    }
    if (labels.isEmpty()) {
      return SearchResult.empty();
    }
    int d = v.length;
    FlatIndex flat = FlatIndex.create(d, data.index.metric());
    float[] vectors = new float[labels.size() * d];
    for (int i = 0; i < labels.size(); i++) {
      System.arraycopy(data.index.reconstruct(labels.get(i)), 0, vectors, i * d, d);
    }
    flat.add(vectors);
    SearchResult rows = flat.search(v, k);
    long[] ids = new long[rows.size()];
    float[] distances = new float[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = labels.get((int) rows.label(i));
      distances[i] = rows.distance(i);
    }
    return SearchResult.wrap(ids, distances);
  }

  static MemoryRecord record(StoreData data, StoreData.StoredRecord r) {
    return MemoryRecord.builder(r.id(), r.text())
        .vector(data.index.reconstruct(r.label()))
        .metadata(r.metadata())
        .build();
  }
}
