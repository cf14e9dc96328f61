package dev.codexcontinue.memory.redis;

import java.time.Duration;
import java.util.List;

/** The JVM's redis-server for tests: {@code CODEX_REDIS_SERVER} or {@code redis-server}. */
public final class RedisServers {
  private RedisServers() {}

  /** Returns the URI of the running server, starting it if needed (or skipping the test). */
  public static String uri() {
    LoopbackServer server =
        LoopbackServer.shared(
            "redis-server",
            LoopbackServer.find("CODEX_REDIS_SERVER", "redis-server"),
            "CODEX_REQUIRE_REDIS",
            port ->
                List.of(
                    LoopbackServer.find("CODEX_REDIS_SERVER", "redis-server")
                        .orElseThrow()
                        .toString(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no"),
            Duration.ofSeconds(20));
    return "redis://127.0.0.1:" + server.port();
  }
}
