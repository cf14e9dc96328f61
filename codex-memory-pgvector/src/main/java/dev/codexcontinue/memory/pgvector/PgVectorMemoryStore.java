package dev.codexcontinue.memory.pgvector;

import dev.codexcontinue.api.EmbeddingModel;
import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.MemoryQuery;
import dev.codexcontinue.api.memory.MemoryRecord;
import dev.codexcontinue.api.memory.MemoryStore;
import dev.codexcontinue.api.memory.MetadataFilter;
import dev.codexcontinue.memory.pgvector.PgSchema.IndexOptions;
import dev.codexcontinue.memory.pgvector.PgSchema.Shape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@link MemoryStore} on PostgreSQL with the pgvector extension, shared by every instance of an
 * agent. One table holds the records ({@code id text, text text, embedding vector(n), metadata
 * jsonb}); the database does the work: its HNSW or IVFFlat index finds the nearest vectors, the
 * metadata filter is translated to SQL (served by a GIN index), and {@code add} is one batched
 * upsert in one transaction. Scores follow the {@link VectorMetric}, as the FAISS store's: cosine
 * similarity (the default), raw inner product, or the negated squared L2 distance; they are
 * recomputed exactly in Java from the returned vectors, so every store ranks alike.
 *
 * <p>HNSW and IVFFlat are approximate: with a selective filter or a large {@code topK} they may
 * return fewer or slightly different hits than an exact scan. {@code hnsw.ef_search} and {@code
 * ivfflat.probes} are raised to cover {@code topK}, and on pgvector 0.8 and later the HNSW scan is
 * iterative, so a filter that rejects most neighbours still fills {@code topK}. {@link
 * VectorIndexType#NONE} searches exactly.
 *
 * <p>Thread-safe: searches run in parallel, writes of this instance are serialized, and the
 * database orders writes from several machines. The store borrows a caller's {@link DataSource}
 * (pool it: HikariCP or any) and never closes it; a store built from a URL opens one connection per
 * operation.
 *
 * <pre>{@code
 * try (PgVectorMemoryStore store = PgVectorMemoryStore.builder()
 *     .dataSource(hikari).table("agent_memory").embeddingModel(model).build()) {
 *   store.add(MemoryRecord.builder("m1", "the build uses Maven").build());
 * }
 * }</pre>
 */
public final class PgVectorMemoryStore implements MemoryStore {
  /** Extra candidates fetched beyond topK, so float ties at the cut are ranked in Java. */
  private static final int SLACK = 8;

  private final Jdbc jdbc;
  private final String table;
  private final Shape shape;
  private final IndexOptions options;
  @Nullable private final EmbeddingModel embeddingModel;
  private final boolean iterativeScan;
  private final Object writeLock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();

  private PgVectorMemoryStore(Builder b, DataSource dataSource, int dimension) {
    this.table = b.table;
    this.jdbc = new Jdbc(dataSource, table);
    this.embeddingModel = b.embeddingModel;
    this.options =
        new IndexOptions(b.hnswM, b.hnswEfConstruction, b.efSearch, b.ivfLists, b.ivfProbes);
    try (Connection c = dataSource.getConnection()) {
      this.shape = PgSchema.migrate(c, table, new Shape(dimension, b.metric, b.index), options);
      this.iterativeScan = PgSchema.supportsIterativeScan(c);
    } catch (SQLException e) {
      throw Jdbc.failure("open", table, e);
    }
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the table holding the records. */
  public String table() {
    return table;
  }

  /** Returns the metric scores are computed with (the table's, for an existing table). */
  public VectorMetric metric() {
    return shape.metric();
  }

  /** Returns the index the table was created with. */
  public VectorIndexType index() {
    return shape.index();
  }

  /** Returns the dimensions of the vectors. */
  public int dimension() {
    return shape.dimension();
  }

  @Override
  public void add(List<MemoryRecord> records) {
    Objects.requireNonNull(records, "records == null");
    ensureOpen();
    Map<String, MemoryRecord> byId = new LinkedHashMap<>();
    for (MemoryRecord r : Embedding.complete(records, embeddingModel, shape.dimension())) {
      byId.put(r.id(), r); // the last of two records with one id wins, as one upsert after another
    }
    if (byId.isEmpty()) {
      return;
    }
    String sql =
        "INSERT INTO "
            + table
            + " (id, text, embedding, metadata) VALUES (?, ?, ?::vector, ?::jsonb)"
            + " ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text,"
            + " embedding = EXCLUDED.embedding, metadata = EXCLUDED.metadata";
    synchronized (writeLock) {
      jdbc.inTransaction(
          "add",
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              for (MemoryRecord r : byId.values()) {
                ps.setString(1, r.id());
                ps.setString(2, r.text());
                ps.setString(3, PgVectors.format(r.vector()));
                ps.setString(4, MetadataJson.write(r.metadata()));
                ps.addBatch();
              }
              return ps.executeBatch().length;
            }
          });
    }
  }

  @Override
  public List<MemoryMatch> search(MemoryQuery query) {
    Objects.requireNonNull(query, "query == null");
    ensureOpen();
    float[] vector = queryVector(query);
    Embedding.checkDimension(vector.length, shape.dimension(), "the query");
    String vectorText = PgVectors.format(shape.metric().queryVector(vector));
    SqlFilter filter = SqlFilter.of(query.filter());
    int limit = query.topK() + SLACK;
    String sql =
        "SELECT id, text, embedding::text, metadata::text FROM "
            + table
            + " WHERE "
            + filter.sql()
            + " ORDER BY "
            + shape.metric().indexedExpression(shape.dimension())
            + " "
            + shape.metric().operator()
            + " ?::vector LIMIT ?";
    List<MemoryMatch> matches =
        jdbc.inTransaction(
            "search",
            c -> {
              tuneSearch(c, limit);
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = Jdbc.bind(ps, filter.params(), 1);
                ps.setString(i++, vectorText);
                ps.setInt(i, limit);
                List<MemoryMatch> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    MemoryRecord r = jdbc.record(rs);
                    found.add(new MemoryMatch(r, shape.metric().score(r.vector(), vector)));
                  }
                }
                return found;
              }
            });
    return matches.stream()
        .sorted(
            Comparator.comparingDouble(MemoryMatch::score)
                .reversed()
                .thenComparing(m -> m.record().id()))
        .filter(m -> m.score() >= query.minScore())
        .limit(query.topK())
        .toList();
  }

  private float[] queryVector(MemoryQuery query) {
    Optional<String> text = query.text();
    if (text.isEmpty()) {
      return query.vector();
    }
    if (embeddingModel == null) {
      throw new IllegalArgumentException("a text query needs an embedding model");
    }
    return embeddingModel.embed(text.get());
  }

  private void tuneSearch(Connection c, int limit) throws SQLException {
    try (Statement s = c.createStatement()) {
      switch (shape.index()) {
        case HNSW -> {
          s.execute("SET LOCAL hnsw.ef_search = " + Math.max(options.efSearch(), limit));
          if (iterativeScan) {
            s.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
          }
        }
        case IVFFLAT -> {
          s.execute("SET LOCAL ivfflat.probes = " + options.probes());
          if (iterativeScan) {
            s.execute("SET LOCAL ivfflat.iterative_scan = relaxed_order");
          }
        }
        case NONE -> {}
      }
    }
  }

  @Override
  public Optional<MemoryRecord> get(String id) {
    Objects.requireNonNull(id, "id == null");
    ensureOpen();
    return jdbc.withConnection(
        "get",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, text, embedding::text, metadata::text FROM "
                      + table
                      + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(jdbc.record(rs)) : Optional.<MemoryRecord>empty();
            }
          }
        });
  }

  @Override
  public int delete(Collection<String> ids) {
    List<String> list = List.copyOf(Objects.requireNonNull(ids, "ids == null"));
    ensureOpen();
    if (list.isEmpty()) {
      return 0;
    }
    synchronized (writeLock) {
      return jdbc.withConnection(
          "delete",
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + table + " WHERE id = ANY (?)")) {
              ps.setArray(1, c.createArrayOf("text", list.toArray()));
              return ps.executeUpdate();
            }
          });
    }
  }

  @Override
  public int delete(MetadataFilter filter) {
    Objects.requireNonNull(filter, "filter == null");
    ensureOpen();
    SqlFilter where = SqlFilter.of(filter);
    synchronized (writeLock) {
      return jdbc.withConnection(
          "delete",
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + table + " WHERE " + where.sql())) {
              Jdbc.bind(ps, where.params(), 1);
              return ps.executeUpdate();
            }
          });
    }
  }

  @Override
  public long size() {
    ensureOpen();
    return jdbc.withConnection(
        "size",
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "PgVectorMemoryStore[table="
        + table
        + ", dims="
        + shape.dimension()
        + ", metric="
        + shape.metric().settingValue()
        + ", index="
        + shape.index()
        + "]";
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the memory store is closed");
    }
  }

  /** Builds a {@link PgVectorMemoryStore}. Not thread-safe. */
  public static final class Builder {
    @Nullable private DataSource dataSource;
    @Nullable private String url;
    @Nullable private String user;
    @Nullable private String password;
    private String table = "codex_memory";
    @Nullable private EmbeddingModel embeddingModel;
    private int dimension;
    private VectorMetric metric = VectorMetric.COSINE;
    private VectorIndexType index = VectorIndexType.HNSW;
    private int hnswM = 16;
    private int hnswEfConstruction = 64;
    private int efSearch = 40;
    private int ivfLists = 100;
    private int ivfProbes = 10;

    private Builder() {}

    /** Uses the caller's (pooled) data source, which the store never closes. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
      return this;
    }

    /** Connects with a JDBC URL ({@code jdbc:postgresql://host:5432/db}), one connection a call. */
    public Builder url(String url) {
      Objects.requireNonNull(url, "url == null");
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("not a jdbc:postgresql: URL");
      }
      this.url = url;
      return this;
    }

    /** Sets the user and password for {@link #url}. */
    public Builder credentials(String user, String password) {
      this.user = Objects.requireNonNull(user, "user == null");
      this.password = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /** Sets the table; lowercase letters, digits and {@code _}; {@code codex_memory} by default. */
    public Builder table(String table) {
      this.table = PgSchema.checkedTable(Objects.requireNonNull(table, "table == null"));
      return this;
    }

    /** Sets the model that embeds records and text queries without vectors. */
    public Builder embeddingModel(EmbeddingModel embeddingModel) {
      this.embeddingModel = Objects.requireNonNull(embeddingModel, "embeddingModel == null");
      return this;
    }

    /** Sets the dimensions; by default the embedding model's. */
    public Builder dimension(int dimension) {
      if (dimension <= 0 || dimension > 16_000) {
        throw new IllegalArgumentException("dimension must be in 1..16000, was " + dimension);
      }
      this.dimension = dimension;
      return this;
    }

    /** Sets the metric of a new table; an existing table must match. Cosine by default. */
    public Builder metric(VectorMetric metric) {
      this.metric = Objects.requireNonNull(metric, "metric == null");
      return this;
    }

    /** Sets the vector index of a new table; HNSW by default. */
    public Builder index(VectorIndexType index) {
      this.index = Objects.requireNonNull(index, "index == null");
      return this;
    }

    /** Sets HNSW's {@code m} (links per node); 16 by default. */
    public Builder hnswM(int m) {
      this.hnswM = range(m, 2, 100, "hnswM");
      return this;
    }

    /** Sets HNSW's {@code ef_construction}; 64 by default. */
    public Builder hnswEfConstruction(int ef) {
      this.hnswEfConstruction = range(ef, 4, 1000, "hnswEfConstruction");
      return this;
    }

    /** Sets HNSW's {@code ef_search}, raised to cover topK; 40 by default. */
    public Builder hnswEfSearch(int ef) {
      this.efSearch = range(ef, 1, 1000, "hnswEfSearch");
      return this;
    }

    /** Sets IVFFlat's {@code lists}; 100 by default. */
    public Builder ivfLists(int lists) {
      this.ivfLists = range(lists, 1, 32_768, "ivfLists");
      return this;
    }

    /** Sets IVFFlat's {@code probes}; 10 by default. */
    public Builder ivfProbes(int probes) {
      this.ivfProbes = range(probes, 1, 32_768, "ivfProbes");
      return this;
    }

    private static int range(int value, int min, int max, String name) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + " must be in " + min + ".." + max + ", was " + value);
      }
      return value;
    }

    /**
     * Opens the store: creates the extension, the table and its indexes if needed, and migrates an
     * older table.
     *
     * @throws IllegalStateException when neither or both of a data source and a URL are set, or no
     *     dimension is known
     * @throws MemoryStoreException when the database fails or the table has another shape
     */
    public PgVectorMemoryStore build() {
      if ((dataSource == null) == (url == null)) {
        throw new IllegalStateException("set exactly one of dataSource(..) or url(..)");
      }
      int dims =
          dimension > 0 ? dimension : embeddingModel != null ? embeddingModel.dimensions() : 0;
      if (dims <= 0) {
        throw new IllegalStateException("set dimension(..) or an embeddingModel(..)");
      }
      DataSource source = dataSource;
      if (source == null) {
        PGSimpleDataSource simple = new PGSimpleDataSource();
        simple.setURL(Objects.requireNonNull(url));
        if (user != null) {
          simple.setUser(user);
          simple.setPassword(password);
        }
        source = simple;
      }
      return new PgVectorMemoryStore(this, source, dims);
    }
  }
}
