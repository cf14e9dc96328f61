package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.exception.MemoryStoreException;
import java.nio.file.Path;
import javax.annotation.Nullable;

/**
 * What a store's index is: similarity, index type, dimension and HNSW graph parameters. Fixed when
 * the store is created and kept in its manifest; a reopened store must agree with the caller.
 *
 * @param similarity how scores are computed
 * @param type flat or HNSW
 * @param dimension floats per vector
 * @param hnswM HNSW links per node
 * @param efConstruction HNSW build breadth
 */
record StoreShape(
    Similarity similarity, StoreIndexType type, int dimension, int hnswM, int efConstruction) {

  static StoreShape of(Manifest m) {
    return new StoreShape(
        Similarity.parse(m.similarity()),
        StoreIndexType.parse(m.index()),
        m.dimension(),
        m.hnswM(),
        m.hnswEfConstruction());
  }

  /** Returns an empty index of this shape. */
  VectorIndex newIndex(int efSearch) {
    Metric metric = similarity.metric();
    return type == StoreIndexType.FLAT
        ? FlatIndex.create(dimension, metric)
        : HnswIndex.builder(dimension, metric)
            .m(hnswM)
            .efConstruction(efConstruction)
            .efSearch(efSearch)
            .build();
  }

  /**
   * Checks that the caller's embedding model and explicit similarity agree with a stored shape.
   *
   * @throws MemoryStoreException naming what differs
   */
  void checkCompatible(
      Path directory, @Nullable EmbeddingModel model, @Nullable Similarity requested) {
    if (model != null && model.dimensions() != dimension) {
      throw new MemoryStoreException(
          "store "
              + directory
              + " holds "
              + dimension
              + "-d vectors, the embedding model "
              + model.name()
              + " makes "
              + model.dimensions(),
          null);
    }
    if (requested != null && requested != similarity) {
      throw new MemoryStoreException(
          "store "
              + directory
              + " uses "
              + similarity.settingValue()
              + ", not "
              + requested.settingValue(),
          null);
    }
  }
}
