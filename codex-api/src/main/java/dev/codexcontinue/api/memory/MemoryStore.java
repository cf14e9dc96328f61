package dev.codexcontinue.api.memory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Long-term memory: records searched by vector similarity, filtered by metadata. Implementations
 * are thread-safe (many concurrent searches, writes serialized), report failures as {@link
 * dev.codexcontinue.api.exception.MemoryStoreException}, and say in their documentation which
 * similarity metric their scores use.
 */
public interface MemoryStore extends AutoCloseable {
  /**
   * Adds records, replacing any with the same id. Records without a vector are embedded by the
   * store's embedding model; a store without one rejects them.
   *
   * @throws IllegalArgumentException when a vector's dimensions differ from the store's
   */
  void add(List<MemoryRecord> records);

  /** Adds one record; see {@link #add(List)}. */
  default void add(MemoryRecord record) {
    add(List.of(record));
  }

  /** Returns up to {@code topK} records matching the filter, most similar first. */
  List<MemoryMatch> search(MemoryQuery query);

  /** Returns the record with {@code id}. */
  Optional<MemoryRecord> get(String id);

  /** Deletes the records with these ids and returns how many existed. */
  int delete(Collection<String> ids);

  /** Deletes the records matching {@code filter} and returns how many. */
  int delete(MetadataFilter filter);

  /** Returns the number of records. */
  long size();

  /** Flushes and releases the store. Idempotent. */
  @Override
  void close();
}
