package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.MetadataFilter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A store that reports each file the docs indexer reaches, for the progress bar: the indexer looks
 * up the first chunk ({@code ...#0}) of every readable file once, to tell whether it changed.
 * Everything else goes straight to the store, which stays open (the caller owns it).
 */
final class CountingStore implements MemoryStore {
  private final MemoryStore store;
  private final Runnable onFile;

  CountingStore(MemoryStore store, Runnable onFile) {
    this.store = store;
    this.onFile = onFile;
  }

  @Override
  public void add(List<MemoryRecord> records) {
    store.add(records);
  }

  @Override
  public List<MemoryMatch> search(MemoryQuery query) {
    return store.search(query);
  }

  @Override
  public Optional<MemoryRecord> get(String id) {
    if (id.endsWith("#0")) {
      onFile.run();
    }
    return store.get(id);
  }

  @Override
  public int delete(Collection<String> ids) {
    return store.delete(ids);
  }

  @Override
  public int delete(MetadataFilter filter) {
    return store.delete(filter);
  }

  @Override
  public long size() {
    return store.size();
  }

  @Override
  public void close() {
    // Borrowed: the command closes the real store.
  }
}
