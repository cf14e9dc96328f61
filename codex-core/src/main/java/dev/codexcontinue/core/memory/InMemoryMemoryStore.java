package dev.codexcontinue.core.memory;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.core.memory.internal.CosineRanking;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A {@link MemoryStore} in this JVM's heap, searched exhaustively: every record that passes the
 * filter is scored, so results are exact. Factory id {@code in-memory}.
 *
 * <p>Scores are cosine similarities in [-1, 1]; a zero vector scores 0 against everything. Hits
 * come most similar first, equal scores in id order. Records and text queries without a vector are
 * embedded with the store's {@link EmbeddingModel}, outside the lock; a vector whose dimensions
 * differ from the model's is an {@link IllegalArgumentException}.
 *
 * <p>Thread-safe: searches share a read lock and run in parallel, writes take the write lock one at
 * a time. {@link #close()} forgets every record; other methods throw {@link IllegalStateException}
 * afterwards.
 */
public final class InMemoryMemoryStore implements MemoryStore {
  private final EmbeddingModel model;
  private final int dimensions;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, CosineRanking.Entry> records = new LinkedHashMap<>();
  private volatile boolean closed;

  private InMemoryMemoryStore(EmbeddingModel model) {
    this.model = model;
    this.dimensions = model.dimensions();
  }

  /**
   * Returns an empty store whose vectors have {@code model}'s dimensions. The model is borrowed:
   * the store embeds with it and never closes it.
   */
  public static InMemoryMemoryStore create(EmbeddingModel model) {
    Objects.requireNonNull(model, "model == null");
    if (model.dimensions() <= 0) {
      throw new IllegalArgumentException("model dimensions must be > 0");
    }
    return new InMemoryMemoryStore(model);
  }

  /** Returns the number of dimensions of every vector in the store. */
  public int dimensions() {
    return dimensions;
  }

  @Override
  public void add(List<MemoryRecord> batch) {
    Objects.requireNonNull(batch, "records == null");
    ensureOpen();
    List<MemoryRecord> complete = withVectors(batch);
    List<CosineRanking.Entry> entries = new ArrayList<>(complete.size());
    for (MemoryRecord record : complete) {
      entries.add(CosineRanking.entry(record));
    }
    write(
        () -> {
          entries.forEach(entry -> records.put(entry.record().id(), entry));
          return null;
        });
  }

  private List<MemoryRecord> withVectors(List<MemoryRecord> batch) {
    List<String> texts = new ArrayList<>();
    for (MemoryRecord record : batch) {
      Objects.requireNonNull(record, "record == null");
      if (record.hasVector()) {
        checkDimensions(record.vector().length, "record " + record.id());
      } else {
        texts.add(record.text());
      }
    }
    if (texts.isEmpty()) {
      return List.copyOf(batch);
    }
    Iterator<float[]> embedded = embed(texts).iterator();
    List<MemoryRecord> complete = new ArrayList<>(batch.size());
    for (MemoryRecord record : batch) {
      complete.add(record.hasVector() ? record : record.withVector(embedded.next()));
    }
    return complete;
  }

  private List<float[]> embed(List<String> texts) {
    List<float[]> vectors = model.embedAll(texts);
    if (vectors.size() != texts.size()) {
      throw new IllegalStateException(
          "embedding model "
              + model.name()
              + " returned "
              + vectors.size()
              + " vectors for "
              + texts.size()
              + " texts");
    }
    for (float[] vector : vectors) {
      checkDimensions(vector.length, "embedding model " + model.name() + " output");
    }
    return vectors;
  }

  @Override
  public List<MemoryMatch> search(MemoryQuery query) {
    Objects.requireNonNull(query, "query == null");
    ensureOpen();
    float[] vector =
        query.text().isPresent() ? embed(List.of(query.text().get())).get(0) : query.vector();
    checkDimensions(vector.length, "query vector");
    return read(() -> CosineRanking.top(records.values(), vector, query));
  }

  @Override
  public Optional<MemoryRecord> get(String id) {
    Objects.requireNonNull(id, "id == null");
    return read(() -> Optional.ofNullable(records.get(id)).map(CosineRanking.Entry::record));
  }

  @Override
  public int delete(Collection<String> ids) {
    List<String> copy = List.copyOf(Objects.requireNonNull(ids, "ids == null"));
    return write(
        () -> {
          int deleted = 0;
          for (String id : copy) {
            if (records.remove(id) != null) {
              deleted++;
            }
          }
          return deleted;
        });
  }

  @Override
  public int delete(MetadataFilter filter) {
    Objects.requireNonNull(filter, "filter == null");
    return write(
        () -> {
          int before = records.size();
          records.values().removeIf(entry -> filter.test(entry.record().metadata()));
          return before - records.size();
        });
  }

  @Override
  public long size() {
    return read(() -> (long) records.size());
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      records.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "InMemoryMemoryStore[model=" + model.name() + ", records=" + records.size() + "]";
  }

  private void checkDimensions(int actual, String what) {
    if (actual != dimensions) {
      throw new IllegalArgumentException(
          what + " has " + actual + " dimensions, the store has " + dimensions);
    }
  }

  private <T> T read(Supplier<T> action) {
    return locked(lock.readLock(), action);
  }

  private <T> T write(Supplier<T> action) {
    return locked(lock.writeLock(), action);
  }

  private <T> T locked(Lock held, Supplier<T> action) {
    ensureOpen();
    held.lock();
    try {
      ensureOpen();
      return action.get();
    } finally {
      held.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("memory store is closed");
    }
  }
}
