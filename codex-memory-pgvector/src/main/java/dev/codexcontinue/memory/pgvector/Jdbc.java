package dev.codexcontinue.memory.pgvector;

import dev.codexcontinue.api.exception.MemoryStoreException;
import dev.codexcontinue.api.memory.MemoryRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * JDBC plumbing of one store table: a connection per operation (returned to the caller's pool),
 * transactions, and SQL failures mapped once to {@link MemoryStoreException} with the SQLState.
 */
final class Jdbc {
  private final DataSource dataSource;
  private final String table;

  Jdbc(DataSource dataSource, String table) {
    this.dataSource = dataSource;
    this.table = table;
  }

  /** Work on one connection. */
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T withConnection(String operation, SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(operation, table, e);
    }
  }

  <T> T inTransaction(String operation, SqlWork<T> work) {
    return withConnection(
        operation,
        c -> {
          c.setAutoCommit(false);
          try {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        });
  }

  static MemoryStoreException failure(String operation, String table, SQLException e) {
    return new MemoryStoreException(
        "pgvector store: "
            + operation
            + " on "
            + table
            + " failed (SQLState "
            + e.getSQLState()
            + ")",
        e);
  }

  MemoryRecord record(ResultSet rs) throws SQLException {
    try {
      return MemoryRecord.builder(rs.getString(1), rs.getString(2))
          .vector(PgVectors.parse(rs.getString(3)))
          .metadata(MetadataJson.read(rs.getString(4)))
          .build();
    } catch (IllegalArgumentException e) {
      throw new MemoryStoreException(
          "pgvector store: record in " + table + " is unreadable: " + e.getMessage(), e);
    }
  }

  static int bind(PreparedStatement ps, List<Object> params, int first) throws SQLException {
    int i = first;
    for (Object p : params) {
      ps.setObject(i++, p);
    }
    return i;
  }
}
