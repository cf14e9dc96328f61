package dev.codexcontinue.memory.pgvector;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/** Gives records without vectors their embedding and checks every dimension before a write. */
final class Embedding {
  private Embedding() {}

  /**
   * Returns the records, those without a vector embedded in one call.
   *
   * @throws IllegalArgumentException when a vector has other dimensions, or no model can embed
   */
  static List<MemoryRecord> complete(
      List<MemoryRecord> records, @Nullable EmbeddingModel embeddingModel, int dimension) {

    List<MemoryRecord> out = new ArrayList<>(records.size());
    List<Integer> missing = new ArrayList<>();
    for (MemoryRecord r : Objects.requireNonNull(records, "records == null")) {
      Objects.requireNonNull(r, "record == null");
      if (!r.hasVector()) {
        missing.add(out.size());
      }
      out.add(r);
    }
    if (!missing.isEmpty()) {
      if (embeddingModel == null) {
        throw new IllegalArgumentException("records without vectors need an embedding model");
      }
      List<float[]> vectors =
          embeddingModel.embedAll(missing.stream().map(i -> out.get(i).text()).toList());
      if (vectors.size() != missing.size()) {
        throw new MemoryStoreException(
            "embedding model returned " + vectors.size() + " vectors for " + missing.size(), null);
      }
      for (int k = 0; k < missing.size(); k++) {
        int i = missing.get(k);
        out.set(i, out.get(i).withVector(vectors.get(k)));
      }
    }
    for (MemoryRecord r : out) {
      checkDimension(r.vector().length, dimension, "record " + r.id());
    }
    return out;
  }

  static void checkDimension(int dims, int dimension, String what) {
    if (dims != dimension) {
      throw new IllegalArgumentException(
          what + " has " + dims + " dimensions; the store holds " + dimension);
    }
  }
}
