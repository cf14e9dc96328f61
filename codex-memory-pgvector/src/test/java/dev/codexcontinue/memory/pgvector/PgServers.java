package dev.codexcontinue.memory.pgvector;

import dev.codexcontinue.memory.redis.LoopbackServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL with pgvector the tests use: {@code CODEX_PG_URL} (a JDBC URL with user and
 * password) when set, else PGlite's Postgres with its pgvector build served over the wire protocol
 * by {@code pglite-server} ({@code CODEX_PGLITE_SOCKET}), started once per JVM on a free loopback
 * port and accepting several connections through its multiplexer.
 */
final class PgServers {
  private PgServers() {}

  /** Returns a JDBC URL of the database, starting PGlite if needed (or skipping the test). */
  static String jdbcUrl() {
    String external = System.getenv("CODEX_PG_URL");
    if (external != null && !external.isBlank()) {
      return external;
    }
    Optional<java.nio.file.Path> bin = LoopbackServer.find("CODEX_PGLITE_SOCKET", "pglite-server");
    LoopbackServer server =
        LoopbackServer.shared(
            "pglite-server",
            bin,
            "CODEX_REQUIRE_PGLITE",
            port ->
                List.of(
                    bin.orElseThrow().toString(),
                    "--port=" + port,
                    "--host=127.0.0.1",
                    "--extensions=@electric-sql/pglite-pgvector:vector",
                    "--max-connections=16"),
            Duration.ofSeconds(60));
    return "jdbc:postgresql://127.0.0.1:"
        + server.port()
        + "/postgres?user=postgres&sslmode=disable&connectTimeout=10&prepareThreshold=0";
  }
}
