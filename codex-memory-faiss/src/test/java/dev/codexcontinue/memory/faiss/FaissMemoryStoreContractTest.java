package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.test.AbstractMemoryStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory store contract on the FAISS store, with the exact flat index. The HNSW index is
 * approximate, so it is held to its own tests rather than to exact rankings.
 */
final class FaissMemoryStoreContractTest extends AbstractMemoryStoreContractTest {
  @TempDir Path dir;

  @Override
  protected EmbeddingModel newEmbeddingModel(int dimensions) {
    return new FakeEmbeddingModel(dimensions);
  }

  @Override
  protected MemoryStore newStore(EmbeddingModel model) {
    return FaissMemoryStore.builder()
        .directory(dir)
        .index(StoreIndexType.FLAT)
        // Durability has its own tests (kill loop, fault injection); the contract is about
        // results, and a commit per add would make the concurrent-writes test take half a minute.
        .autoCommit(false)
        .embeddingModel(model)
        .build();
  }
}
