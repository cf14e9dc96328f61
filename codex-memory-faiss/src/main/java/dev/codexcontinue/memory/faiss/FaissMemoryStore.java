package dev.codexcontinue.memory.faiss;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.memory.faiss.internal.DirectoryLock;
import dev.codexcontinue.memory.faiss.internal.StorageIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent {@link MemoryStore} whose vectors live in a FAISS index file: records with id, text,
 * vector and metadata, searched by similarity and filtered by metadata. Scores follow the {@link
 * Similarity}: cosine similarity (the default), raw inner product, or for L2 the negated squared
 * distance ({@code -‖x-q‖²}), so that higher is always closer.
 *
 * <p>Directory layout, one set of files per committed generation N:
 *
 * <ul>
 *   <li>{@code index-N.faiss}: a FAISS {@code IxM2} (IndexIDMap2) over {@code IxF2}/{@code IxFI} or
 *       {@code IHNf}, loadable by FAISS itself; its 64-bit ids are record labels;
 *   <li>{@code records-N.cxr}: the records' ids, texts, labels and metadata (checksummed JSON);
 *   <li>{@code manifest-N}: the settings and each file's size and CRC32C (checksummed JSON);
 *   <li>{@code write.lock}: held while a store has the directory open.
 * </ul>
 *
 * <p>A commit writes the new files, forces them, writes {@code manifest-N.tmp}, forces it, renames
 * it atomically to {@code manifest-N} and syncs the directory; a crash at any instant leaves the
 * last committed generation readable. Opening picks the newest generation whose files all pass
 * their checks and falls back to the one before (logged at WARN), unless {@link
 * Builder#strictRecovery(boolean)} asks to fail instead. The previous generation is kept; older
 * ones and leftovers of failed commits are deleted after each commit.
 *
 * <p>By default every {@code add} and {@code delete} commits before returning ({@link
 * Builder#autoCommit(boolean)}); otherwise {@link #commit()} and {@link #close()} do. Thread-safe:
 * searches run concurrently, also during a commit; writes are serialized. One store per directory
 * at a time, across processes.
 */
public final class FaissMemoryStore implements MemoryStore {
  private static final Logger log = LoggerFactory.getLogger(FaissMemoryStore.class);

  private final Path directory;
  private final StoreShape shape;
  private final Similarity similarity;
  private final StoreIndexType type;
  private final int dimension;
  @Nullable private final EmbeddingModel embeddingModel;
  private final boolean autoCommit;
  private final StorageIo io;
  private final ReentrantLock writer = new ReentrantLock();
  private final ReentrantReadWriteLock state = new ReentrantReadWriteLock();
  private final DirectoryLock lock;
  private final Duration loadTime;
  private final StoreData data;
  private long generation;
  private long previousGeneration = -1;
  private long nextGeneration;
  private boolean dirty;
  private volatile boolean closed;

  private FaissMemoryStore(Builder b, Path dir) throws IOException {
    long start = System.nanoTime();
    this.directory = dir;
    this.embeddingModel = b.embeddingModel;
    this.autoCommit = b.autoCommit;
    this.io = b.io;
    Files.createDirectories(dir);
    this.lock = DirectoryLock.acquire(dir, StoreCommitter.LOCK_FILE);
    try {
      Optional<StoreLoader.Loaded> loaded = StoreLoader.load(dir, b.strictRecovery);
      List<Long> gens = StoreLoader.generations(dir);
      this.nextGeneration = (gens.isEmpty() ? 0 : gens.get(0)) + 1;
      if (loaded.isPresent()) {
        Manifest m = loaded.get().manifest();
        this.shape = StoreShape.of(m);
        this.data = loaded.get().data();
        this.generation = m.generation();
        shape.checkCompatible(dir, b.embeddingModel, b.similaritySet ? b.similarity : null);
      } else {
        this.shape =
            new StoreShape(b.similarity, b.type, b.resolveDimension(), b.hnswM, b.efConstruction);
        this.data = new StoreData(IdMapIndex.create(shape.newIndex(b.efSearch)));
      }
      if (data.index.inner() instanceof HnswIndex hnsw) {
        hnsw.efSearch(b.efSearch);
      }
    } catch (IOException | RuntimeException e) {
      release();
      throw e;
    }
    this.similarity = shape.similarity();
    this.type = shape.type();
    this.dimension = shape.dimension();
    this.loadTime = Duration.ofNanos(System.nanoTime() - start);
    log.info(
        "opened {} generation {} ({} records, {} {}, kernel {}) in {} ms",
        dir,
        generation,
        data.records.size(),
        type.settingValue(),
        similarity.settingValue(),
        FaissIndexes.kernel(),
        loadTime.toMillis());
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the directory the store lives in. */
  public Path directory() {
    return directory;
  }

  /** Returns the similarity scores are computed with. */
  public Similarity similarity() {
    return similarity;
  }

  /** Returns the number of floats per vector. */
  public int dimension() {
    return dimension;
  }

  /** Returns the last committed generation; 0 before the first commit. */
  public long generation() {
    writer.lock();
    try {
      return generation;
    } finally {
      writer.unlock();
    }
  }

  /** Returns how long opening the store took (reading, checking and loading its files). */
  public Duration loadTime() {
    return loadTime;
  }

  /** Returns the distance kernel in use (see {@link FaissIndexes#kernel()}). */
  public String kernel() {
    return FaissIndexes.kernel();
  }

  @Override
  public void add(List<MemoryRecord> records) {
    Objects.requireNonNull(records, "records == null");
    ensureOpen();
    if (records.isEmpty()) {
      return;
    }
    List<float[]> vectors = StoreRecords.vectors(records, embeddingModel, dimension, similarity);
    writer.lock();
    try {
      ensureOpen();
      state.writeLock().lock();
      try {
        StoreRecords.upsert(data, records, vectors);
        dirty = true;
      } finally {
        state.writeLock().unlock();
      }
      if (autoCommit) {
        commitLocked();
      }
    } finally {
      writer.unlock();
    }
  }

  @Override
  public List<MemoryMatch> search(MemoryQuery query) {
    Objects.requireNonNull(query, "query == null");
    ensureOpen();
    float[] v =
        query.text().isPresent()
            ? StoreRecords.embed(query.text().get(), embeddingModel, dimension)
            : query.vector();
    v = StoreRecords.checked(v, dimension, similarity);
    state.readLock().lock();
    try {
      return StoreSearch.search(data, v, query, similarity, type);
    } finally {
      state.readLock().unlock();
    }
  }

  @Override
  public Optional<MemoryRecord> get(String id) {
    Objects.requireNonNull(id, "id == null");
    ensureOpen();
    state.readLock().lock();
    try {
      Long label = data.labels.get(id);
      StoreData.StoredRecord r = label == null ? null : data.records.get(label);
      return r == null ? Optional.empty() : Optional.of(StoreSearch.record(data, r));
    } finally {
      state.readLock().unlock();
    }
  }

  @Override
  public int delete(Collection<String> ids) {
    Objects.requireNonNull(ids, "ids == null");
    ensureOpen();
    return deleteWhere(r -> ids.contains(r.id()));
  }

  @Override
  public int delete(MetadataFilter filter) {
    Objects.requireNonNull(filter, "filter == null");
    ensureOpen();
    return deleteWhere(r -> filter.test(r.metadata()));
  }

  private int deleteWhere(java.util.function.Predicate<StoreData.StoredRecord> which) {
    writer.lock();
    try {
      ensureOpen();
      int removed;
      state.writeLock().lock();
      try {
        removed = StoreRecords.delete(data, which);
        dirty |= removed > 0;
      } finally {
        state.writeLock().unlock();
      }
      if (removed > 0 && autoCommit) {
        commitLocked();
      }
      return removed;
    } finally {
      writer.unlock();
    }
  }

  @Override
  public long size() {
    ensureOpen();
    state.readLock().lock();
    try {
      return data.records.size();
    } finally {
      state.readLock().unlock();
    }
  }

  /**
   * Commits the changes since the last commit as a new generation; does nothing when there are
   * none.
   *
   * @throws MemoryStoreException when writing fails; the previous generation stays the committed
   *     one, the changes stay in memory, and a later commit retries them
   */
  public void commit() {
    writer.lock();
    try {
      ensureOpen();
      if (dirty) {
        commitLocked();
      }
    } finally {
      writer.unlock();
    }
  }

  private void commitLocked() {
    long gen = nextGeneration;
    StoreCommitter.Settings settings =
        new StoreCommitter.Settings(
            similarity,
            type,
            dimension,
            shape.hnswM(),
            shape.efConstruction(),
            embeddingModel == null ? "" : embeddingModel.name());
    state.readLock().lock();
    try {
      StoreCommitter.commit(directory, io, gen, data, settings);
    } catch (IOException e) {
      throw new MemoryStoreException(
          "commit of generation " + gen + " in " + directory + " failed", e);
    } finally {
      state.readLock().unlock();
    }
    previousGeneration = generation;
    generation = gen;
    nextGeneration = gen + 1;
    dirty = false;
    StoreCommitter.cleanup(directory, io, Set.of(generation, previousGeneration));
    log.debug("committed generation {} of {}", gen, directory);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("store " + directory + " is closed");
    }
  }

  /** Commits pending changes and releases the directory. Idempotent. */
  @Override
  public void close() {
    writer.lock();
    try {
      if (closed) {
        return;
      }
      try {
        if (dirty) {
          commitLocked();
        }
      } finally {
        closed = true;
        release();
      }
    } finally {
      writer.unlock();
    }
  }

  /** Releases the directory without committing, as a crash would; for tests. */
  void abandon() {
    writer.lock();
    try {
      closed = true;
      release();
    } finally {
      writer.unlock();
    }
  }

  private void release() {
    lock.close();
  }

  @Override
  public String toString() {
    return "FaissMemoryStore["
        + directory
        + ", "
        + type.settingValue()
        + ", "
        + similarity.settingValue()
        + ", dims="
        + dimension
        + "]";
  }

  /** Builds and opens a {@link FaissMemoryStore}. Not thread-safe. */
  public static final class Builder {
    @Nullable private Path directory;
    private Similarity similarity = Similarity.COSINE;
    private boolean similaritySet;
    private StoreIndexType type = StoreIndexType.FLAT;
    private int dimension;
    private int hnswM = 32;
    private int efConstruction = 40;
    private int efSearch = 64;
    @Nullable private EmbeddingModel embeddingModel;
    private boolean autoCommit = true;
    private boolean strictRecovery;
    private StorageIo io = StorageIo.files();

    private Builder() {}

    /** Sets the directory (created if missing). Required. */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /** Sets the similarity of a new store; an existing store keeps its own. Cosine by default. */
    public Builder similarity(Similarity similarity) {
      this.similarity = Objects.requireNonNull(similarity, "similarity == null");
      this.similaritySet = true;
      return this;
    }

    /** Sets the index type of a new store; flat by default. */
    public Builder index(StoreIndexType type) {
      this.type = Objects.requireNonNull(type, "type == null");
      return this;
    }

    /** Sets the vector dimension of a new store; defaults to the embedding model's. */
    public Builder dimension(int dimension) {
      if (dimension <= 0 || dimension > 65_536) {
        throw new IllegalArgumentException("dimension must be in 1..65536, was " + dimension);
      }
      this.dimension = dimension;
      return this;
    }

    /** Sets HNSW's M for a new store; 32 by default. */
    public Builder hnswM(int m) {
      if (m < 2 || m > 512) {
        throw new IllegalArgumentException("M must be in [2, 512], was " + m);
      }
      this.hnswM = m;
      return this;
    }

    /** Sets HNSW's build beam width for a new store; 40 by default. */
    public Builder hnswEfConstruction(int ef) {
      if (ef <= 0) {
        throw new IllegalArgumentException("efConstruction must be > 0");
      }
      this.efConstruction = ef;
      return this;
    }

    /** Sets HNSW's search beam width; 64 by default. */
    public Builder hnswEfSearch(int ef) {
      if (ef <= 0) {
        throw new IllegalArgumentException("efSearch must be > 0");
      }
      this.efSearch = ef;
      return this;
    }

    /** Sets the model that embeds records and text queries given without vectors. */
    public Builder embeddingModel(EmbeddingModel model) {
      this.embeddingModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** Sets whether every add and delete commits before returning; true by default. */
    public Builder autoCommit(boolean autoCommit) {
      this.autoCommit = autoCommit;
      return this;
    }

    /**
     * Sets whether opening fails when the newest generation is damaged, instead of falling back to
     * the previous one; false by default.
     */
    public Builder strictRecovery(boolean strict) {
      this.strictRecovery = strict;
      return this;
    }

    Builder storageIo(StorageIo io) {
      this.io = Objects.requireNonNull(io, "io == null");
      return this;
    }

    private int resolveDimension() {
      if (dimension > 0) {
        return dimension;
      }
      if (embeddingModel != null) {
        return embeddingModel.dimensions();
      }
      throw new IllegalStateException("a new store needs a dimension or an embedding model");
    }

    /**
     * Opens the store, loading the newest valid generation of its directory.
     *
     * @throws dev.codexcontinue.api.exception.CorruptStoreException when no generation is valid
     * @throws MemoryStoreException when the directory cannot be read or is open elsewhere
     */
    public FaissMemoryStore build() {
      Path dir = directory;
      if (dir == null) {
        throw new IllegalStateException("directory is required");
      }
      try {
        return new FaissMemoryStore(this, dir);
      } catch (IOException e) {
        throw new MemoryStoreException("cannot open store " + dir, e);
      }
    }
  }
}
