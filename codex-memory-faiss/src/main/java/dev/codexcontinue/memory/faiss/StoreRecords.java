package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/** Vector preparation and record bookkeeping of {@link FaissMemoryStore}. */
final class StoreRecords {
  private StoreRecords() {}

  /** Returns each record's vector, embedding those without one in a single call. */
  static List<float[]> vectors(
      List<MemoryRecord> records, @Nullable EmbeddingModel model, int dimension, Similarity sim) {
    List<String> texts = new ArrayList<>();
    for (MemoryRecord r : records) {
      if (!r.hasVector()) {
        texts.add(r.text());
      }
    }
    List<float[]> embedded = texts.isEmpty() ? List.of() : embedAll(texts, model, dimension);
    List<float[]> out = new ArrayList<>(records.size());
    int next = 0;
    for (MemoryRecord r : records) {
      float[] v = r.hasVector() ? r.vector() : embedded.get(next++);
      out.add(checked(v, dimension, sim));
    }
    return out;
  }

  static float[] embed(String text, @Nullable EmbeddingModel model, int dimension) {
    return embedAll(List.of(text), model, dimension).get(0);
  }

  private static List<float[]> embedAll(
      List<String> texts, @Nullable EmbeddingModel model, int dimension) {
    if (model == null) {
      throw new IllegalArgumentException(
          "records and queries without vectors need an embedding model; this store has none");
    }
    List<float[]> vectors = model.embedAll(texts);
    if (vectors.size() != texts.size()) {
      throw new MemoryStoreException(
          "embedding model "
              + model.name()
              + " returned "
              + vectors.size()
              + " vectors for "
              + texts.size()
              + " texts",
          null);
    }
    for (float[] v : vectors) {
      if (v.length != dimension) {
        throw new MemoryStoreException(
            "embedding model "
                + model.name()
                + " returned "
                + v.length
                + "-d vectors, the store "
                + "holds "
                + dimension,
            null);
      }
    }
    return vectors;
  }

  /** Checks the dimension and, for cosine, returns a unit-length copy. */
  static float[] checked(float[] v, int dimension, Similarity sim) {
    if (v.length != dimension) {
      throw new IllegalArgumentException(
          "vector has " + v.length + " dimensions, the store " + dimension);
    }
    if (sim != Similarity.COSINE) {
      return v;
    }
    double norm = 0;
    for (float f : v) {
      norm += (double) f * f;
    }
    if (norm == 0) {
      return v.clone();
    }
    float inv = (float) (1 / Math.sqrt(norm));
    float[] unit = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      unit[i] = v[i] * inv;
    }
    return unit;
  }

  /** Adds the records under new labels, replacing any with the same ids (last one wins). */
  static void upsert(StoreData data, List<MemoryRecord> records, List<float[]> vectors) {
    Map<String, Integer> last = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      last.put(records.get(i).id(), i);
    }
    delete(data, r -> last.containsKey(r.id()));
    int d = data.index.dimension();
    long[] labels = new long[last.size()];
    float[] flat = new float[last.size() * d];
    int row = 0;
    for (int i : last.values()) {
      MemoryRecord r = records.get(i);
      long label = data.nextLabel++;
      labels[row] = label;
      System.arraycopy(vectors.get(i), 0, flat, row * d, d);
      data.put(new StoreData.StoredRecord(label, r.id(), r.text(), r.metadata()));
      row++;
    }
    data.index.add(labels, flat);
  }

  /** Removes the records {@code which} accepts, from the index too; returns how many. */
  static int delete(StoreData data, Predicate<StoreData.StoredRecord> which) {
    List<StoreData.StoredRecord> gone = new ArrayList<>();
    for (StoreData.StoredRecord r : data.records.values()) {
      if (which.test(r)) {
        gone.add(r);
      }
    }
    if (gone.isEmpty()) {
      return 0;
    }
    long[] labels = new long[gone.size()];
    for (int i = 0; i < labels.length; i++) {
      StoreData.StoredRecord r = gone.get(i);
      labels[i] = r.label();
      data.records.remove(r.label());
      data.labels.remove(r.id());
    }
    data.index.remove(labels);
    return gone.size();
  }
}
