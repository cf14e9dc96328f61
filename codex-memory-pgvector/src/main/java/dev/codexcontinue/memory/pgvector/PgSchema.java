package dev.codexcontinue.memory.pgvector;

import dev.codexcontinue.api.exception.MemoryStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates and migrates a store's tables. {@code codex_schema} holds one row per store table: its
 * schema version, dimension, metric and index. Opening runs, in one transaction under an advisory
 * lock (so that instances starting together do not race), every migration above the recorded
 * version; every statement is idempotent ({@code IF NOT EXISTS}), so a store opened by a newer
 * release upgrades an older table in place.
 */
final class PgSchema {
  /** The schema version this release writes. */
  static final int VERSION = 1;

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,50}");

  /** What a store table was created with. */
  record Shape(int dimension, VectorMetric metric, VectorIndexType index) {}

  private PgSchema() {}

  static String checkedTable(String table) {
    if (!IDENTIFIER.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "table name must be lowercase letters, digits and _, at most 51 characters: " + table);
    }
    return table;
  }

  /**
   * Brings {@code table} to {@link #VERSION} and returns its shape.
   *
   * @throws MemoryStoreException when the table exists with another dimension or metric
   */
  static Shape migrate(Connection c, String table, Shape wanted, IndexOptions options)
      throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS vector");
      s.execute(
          "CREATE TABLE IF NOT EXISTS codex_schema (table_name text PRIMARY KEY,"
              + " version integer NOT NULL, dimension integer NOT NULL, metric text NOT NULL,"
              + " index_type text NOT NULL)");
      s.execute("SELECT pg_advisory_xact_lock(hashtext('codex_schema'))");
      Shape shape = recorded(c, table);
      int version = shape == null ? 0 : version(c, table);
      if (shape != null && (shape.dimension() != wanted.dimension())) {
        throw new MemoryStoreException(
            "table "
                + table
                + " holds vectors of "
                + shape.dimension()
                + " dimensions, not "
                + wanted.dimension(),
            null);
      }
      if (shape != null && shape.metric() != wanted.metric()) {
        throw new MemoryStoreException(
            "table " + table + " was created for metric " + shape.metric().settingValue(), null);
      }
      Shape target = shape == null ? wanted : shape;
      if (version < 1) {
        for (String sql : version1(table, target, options)) {
          s.execute(sql);
        }
      }
      upsertVersion(c, table, target);
      c.commit();
      return target;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static List<String> version1(String table, Shape shape, IndexOptions options) {
    String vectorIndex =
        switch (shape.index()) {
          case HNSW ->
              "CREATE INDEX IF NOT EXISTS "
                  + table
                  + "_embedding_idx ON "
                  + table
                  + " USING hnsw ("
                  + shape.metric().indexedExpression(shape.dimension())
                  + " "
                  + shape.metric().operatorClass()
                  + ") WITH (m = "
                  + options.hnswM()
                  + ", ef_construction = "
                  + options.hnswEfConstruction()
                  + ")";
          case IVFFLAT ->
              "CREATE INDEX IF NOT EXISTS "
                  + table
                  + "_embedding_idx ON "
                  + table
                  + " USING ivfflat ("
                  + shape.metric().indexedExpression(shape.dimension())
                  + " "
                  + shape.metric().operatorClass()
                  + ") WITH (lists = "
                  + options.ivfLists()
                  + ")";
          case NONE -> "SELECT 1";
        };
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (id text PRIMARY KEY, text text NOT NULL, embedding vector("
            + shape.dimension()
            + ") NOT NULL, metadata jsonb NOT NULL DEFAULT '{}'::jsonb)",
        vectorIndex,
        "CREATE INDEX IF NOT EXISTS "
            + table
            + "_metadata_idx ON "
            + table
            + " USING gin (metadata jsonb_path_ops)");
  }

  @javax.annotation.Nullable
  private static Shape recorded(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT dimension, metric, index_type FROM codex_schema WHERE table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Shape(
            rs.getInt(1),
            VectorMetric.parse(rs.getString(2)),
            VectorIndexType.parse(rs.getString(3)));
      }
    }
  }

  private static int version(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version FROM codex_schema WHERE table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static void upsertVersion(Connection c, String table, Shape shape) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO codex_schema (table_name, version, dimension, metric, index_type)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name) DO UPDATE SET version ="
                + " EXCLUDED.version")) {
      ps.setString(1, table);
      ps.setInt(2, VERSION);
      ps.setInt(3, shape.dimension());
      ps.setString(4, shape.metric().settingValue());
      ps.setString(5, shape.index().name().toLowerCase(java.util.Locale.ROOT));
      ps.executeUpdate();
    }
  }

  /** Returns whether pgvector is 0.8 or later, with iterative index scans. */
  static boolean supportsIterativeScan(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'vector'")) {
      if (!rs.next()) {
        return false;
      }
      String[] parts = rs.getString(1).split("\\.");
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major > 0 || minor >= 8;
    }
  }

  /** Index build and search parameters. */
  record IndexOptions(int hnswM, int hnswEfConstruction, int efSearch, int ivfLists, int probes) {}
}
