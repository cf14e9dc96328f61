package dev.codexcontinue.plugins.docs;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.plugins.docs.internal.Chunk;
import dev.codexcontinue.plugins.docs.internal.Chunker;
import dev.codexcontinue.plugins.docs.internal.ConfinedRoot;
import dev.codexcontinue.plugins.docs.internal.FileWalker;
import dev.codexcontinue.plugins.docs.internal.PathDeniedException;
import dev.codexcontinue.plugins.docs.internal.TextFile;
import dev.codexcontinue.plugins.docs.internal.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the text files under a root into a {@link MemoryStore} and finds passages in it with
 * their citations. Markdown is chunked at its headings, other text into overlapping windows of
 * lines; each chunk is a record without a vector (the store embeds it) whose metadata holds {@link
 * #SOURCE} (the path relative to the root), {@link #LINE_START}, {@link #LINE_END}, {@link #SHA256}
 * of the file and {@link #INDEX}, the index name, so several roots can share one store.
 *
 * <p>{@link #index()} is incremental: a file whose SHA-256 (and chunking settings) match the store
 * is left alone; a changed file's chunks are replaced; the chunks of files that were deleted (or
 * became binary or too large) are removed. Registered secret values are masked before text reaches
 * the store. The same confinement as the docs tools applies: symbolic links are not followed,
 * hidden files are skipped, binary and oversized files are refused.
 *
 * <p>Thread-safe: indexing runs one at a time; searches run at any time. The store is borrowed and
 * never closed here.
 *
 * <pre>{@code
 * DocsIndexer indexer = DocsIndexer.builder().root(Path.of("docs")).store(store).build();
 * IndexReport report = indexer.index();
 * List<DocsMatch> hits = indexer.search("how do I configure retries?", 5);
 * }</pre>
 */
public final class DocsIndexer {
  /** Metadata key of the index name. */
  public static final String INDEX = "docs-index";

  /** Metadata key of the file's path relative to the root ({@link MemoryRecord#SOURCE}). */
  public static final String SOURCE = MemoryRecord.SOURCE;

  /** Metadata key of a chunk's first line, 1-based. */
  public static final String LINE_START = "line-start";

  /** Metadata key of a chunk's last line, inclusive. */
  public static final String LINE_END = "line-end";

  /** Metadata key of the SHA-256 of the whole file, lower-case hex. */
  public static final String SHA256 = "sha256";

  /** Metadata key of the Markdown heading a chunk falls under, when there is one. */
  public static final String HEADING = "heading";

  /** Metadata key of the chunking settings, so that changing them re-chunks every file. */
  public static final String CHUNKING = "chunking";

  private static final Logger log = LoggerFactory.getLogger(DocsIndexer.class);

  private final ConfinedRoot root;
  private final MemoryStore store;
  private final String indexName;
  private final long maxFileBytes;
  private final int maxFiles;
  private final Chunker chunker;
  private final String chunking;
  private final Redactor redactor;
  private final Duration refreshInterval;
  private final Clock clock;
  @Nullable private Instant lastIndexed;

  private DocsIndexer(Builder b, ConfinedRoot root, MemoryStore store) {
    this.root = root;
    this.store = store;
    this.indexName = b.indexName;
    this.maxFileBytes = b.maxFileBytes;
    this.maxFiles = b.maxFiles;
    this.chunker = new Chunker(b.chunkLines, b.overlapLines, b.maxChunkChars);
    this.chunking = b.chunkLines + "/" + b.overlapLines + "/" + b.maxChunkChars;
    this.redactor = Redactor.create().registerAll(b.secrets);
    this.refreshInterval = b.refreshInterval;
    this.clock = b.clock;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the real path of the indexed root. */
  public Path root() {
    return root.root();
  }

  /** Returns the index name, the value of {@link #INDEX} on every record written. */
  public String indexName() {
    return indexName;
  }

  /**
   * Brings the store up to date with the files under the root; see the class documentation.
   *
   * @throws UncheckedIOException when the root cannot be walked
   */
  public synchronized IndexReport index() {
    FileWalker.Walk walk;
    try {
      walk = FileWalker.files(root.root(), maxFiles);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root.root(), e);
    }
    int indexed = 0;
    int unchanged = 0;
    int skipped = 0;
    int added = 0;
    int removed = 0;
    Set<String> kept = new TreeSet<>();
    for (Path path : walk.files()) {
      Optional<TextFile> file = read(path);
      if (file.isEmpty()) {
        skipped++;
        continue;
      }
      String source = file.get().relativePath();
      kept.add(source);
      if (isCurrent(source, file.get().sha256())) {
        unchanged++;
        continue;
      }
      List<MemoryRecord> records = records(file.get());
      removed += store.delete(ofSource(source));
      if (!records.isEmpty()) {
        store.add(records);
      }
      added += records.size();
      indexed++;
    }
    // Files that are gone, or no longer readable text, lose their chunks.
    removed +=
        store.delete(
            MetadataFilter.and(
                MetadataFilter.eq(INDEX, indexName),
                MetadataFilter.not(MetadataFilter.in(SOURCE, List.copyOf(kept)))));
    lastIndexed = clock.instant();
    IndexReport report =
        new IndexReport(walk.files().size(), indexed, unchanged, skipped, added, removed);
    log.debug("docs index {}: {}", indexName, report);
    return report;
  }

  /**
   * Runs {@link #index()} when the index was never built here or is older than the refresh
   * interval; returns the report of the run, if one ran.
   */
  public synchronized Optional<IndexReport> refreshIfStale() {
    Instant last = lastIndexed;
    if (last != null && clock.instant().isBefore(last.plus(refreshInterval))) {
      return Optional.empty();
    }
    return Optional.of(index());
  }

  /**
   * Returns the {@code topK} passages most similar to {@code query}, most similar first.
   *
   * @throws IllegalArgumentException when {@code topK} is not positive
   */
  public List<DocsMatch> search(String query, int topK) {
    Objects.requireNonNull(query, "query == null");
    List<MemoryMatch> hits =
        store.search(
            MemoryQuery.byText(query)
                .topK(topK)
                .filter(MetadataFilter.eq(INDEX, indexName))
                .build());
    List<DocsMatch> matches = new ArrayList<>(hits.size());
    for (MemoryMatch hit : hits) {
      Map<String, Object> meta = hit.record().metadata();
      if (meta.get(SOURCE) instanceof String source
          && meta.get(LINE_START) instanceof Number start
          && meta.get(LINE_END) instanceof Number end) {
        Object heading = meta.get(HEADING);
        matches.add(
            new DocsMatch(
                source,
                start.intValue(),
                end.intValue(),
                hit.score(),
                redactor.redact(hit.record().text()),
                heading instanceof String h ? h : ""));
      }
    }
    return matches;
  }

  private Optional<TextFile> read(Path path) {
    try {
      return Optional.of(TextFiles.read(root, path, maxFileBytes));
    } catch (PathDeniedException | IOException e) {
      log.debug("docs index {}: skipped {}", indexName, redactor.redact(root.relative(path)));
      return Optional.empty();
    }
  }

  private boolean isCurrent(String source, String sha256) {
    return store
        .get(chunkId(source, 0))
        .map(MemoryRecord::metadata)
        .filter(m -> sha256.equals(m.get(SHA256)) && chunking.equals(m.get(CHUNKING)))
        .isPresent();
  }

  private List<MemoryRecord> records(TextFile file) {
    List<Chunk> chunks = chunker.chunk(file.relativePath(), file.text());
    List<MemoryRecord> records = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      MemoryRecord.Builder record =
          MemoryRecord.builder(chunkId(file.relativePath(), i), redactor.redact(c.text()))
              .metadata(INDEX, indexName)
              .metadata(SOURCE, file.relativePath())
              .metadata(LINE_START, (long) c.lineStart())
              .metadata(LINE_END, (long) c.lineEnd())
              .metadata(SHA256, file.sha256())
              .metadata(CHUNKING, chunking);
      if (!c.heading().isEmpty()) {
        record.metadata(HEADING, c.heading());
      }
      records.add(record.build());
    }
    return records;
  }

  private MetadataFilter ofSource(String source) {
    return MetadataFilter.and(
        MetadataFilter.eq(INDEX, indexName), MetadataFilter.eq(SOURCE, source));
  }

  private String chunkId(String source, int n) {
    return indexName + ":" + source + "#" + n;
  }

  @Override
  public String toString() {
    return "DocsIndexer[" + indexName + " @ " + root.root() + "]";
  }

  /** Builds a {@link DocsIndexer}. Not thread-safe. */
  public static final class Builder {
    @Nullable private Path root;
    @Nullable private MemoryStore store;
    private String indexName = "docs";
    private long maxFileBytes = DocsTools.DEFAULT_MAX_FILE_BYTES;
    private int maxFiles = 10_000;
    private int chunkLines = 60;
    private int overlapLines = 10;
    private int maxChunkChars = 4000;
    private Duration refreshInterval = Duration.ofMinutes(1);
    private Clock clock = Clock.systemUTC();
    private final List<String> secrets = new ArrayList<>();

    private Builder() {}

    /** Sets the directory to index (required). */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root == null");
      return this;
    }

    /** Sets the store the chunks go to (required); it must embed records without vectors. */
    public Builder store(MemoryStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /** Sets the index name written to every record's {@link #INDEX}; {@code docs} by default. */
    public Builder indexName(String indexName) {
      Objects.requireNonNull(indexName, "indexName == null");
      if (indexName.isBlank()) {
        throw new IllegalArgumentException("indexName is blank");
      }
      this.indexName = indexName;
      return this;
    }

    /** Sets the largest file indexed; 1 MiB by default, at most 64 MiB. */
    public Builder maxFileBytes(long bytes) {
      this.maxFileBytes = DocsTools.checkFileBytes(bytes);
      return this;
    }

    /** Sets the most files indexed; 10,000 by default. */
    public Builder maxFiles(int files) {
      if (files < 1) {
        throw new IllegalArgumentException("maxFiles must be >= 1, was " + files);
      }
      this.maxFiles = files;
      return this;
    }

    /**
     * Sets the window of line chunks: at most {@code lines} lines, {@code overlap} of them shared
     * with the previous window; 60 and 10 by default.
     *
     * @throws IllegalArgumentException unless {@code 0 <= overlap < lines}
     */
    public Builder chunkLines(int lines, int overlap) {
      if (lines < 1 || overlap < 0 || overlap >= lines) {
        throw new IllegalArgumentException(
            "need 0 <= overlap < lines, was " + overlap + "/" + lines);
      }
      this.chunkLines = lines;
      this.overlapLines = overlap;
      return this;
    }

    /** Sets the most characters in one chunk; 4,000 by default. */
    public Builder maxChunkChars(int chars) {
      if (chars < 100) {
        throw new IllegalArgumentException("maxChunkChars must be >= 100, was " + chars);
      }
      this.maxChunkChars = chars;
      return this;
    }

    /** Sets how old the index may get before {@link #refreshIfStale()} re-indexes; 1 minute. */
    public Builder refreshInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("refreshInterval is negative");
      }
      this.refreshInterval = interval;
      return this;
    }

    /** Sets the clock that dates index runs. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Registers secret values, masked before text reaches the store and in search results. */
    public Builder secrets(Collection<String> values) {
      secrets.addAll(List.copyOf(Objects.requireNonNull(values, "values == null")));
      return this;
    }

    /** Registers one secret; see {@link #secrets(Collection)}. */
    public Builder secret(Secret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret == null").reveal());
      return this;
    }

    /**
     * Returns the indexer.
     *
     * @throws IllegalStateException when the root or the store is missing
     * @throws IllegalArgumentException when the root is not an existing directory
     */
    public DocsIndexer build() {
      if (root == null) {
        throw new IllegalStateException("root is required");
      }
      if (store == null) {
        throw new IllegalStateException("store is required");
      }
      return new DocsIndexer(this, ConfinedRoot.of(root), store);
    }
  }
}
