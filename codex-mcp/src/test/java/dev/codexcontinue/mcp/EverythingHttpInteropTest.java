package dev.codexcontinue.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against the real MCP reference server over streamable HTTP, one server on a free
 * loopback port for the class (see EverythingServer).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class EverythingHttpInteropTest {
  private static EverythingServer.Http server;

  @BeforeAll
  static void start() throws Exception {
    server = EverythingServer.Http.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void streamableHttp_fullSession_realResults() {
    try (McpClient client = McpClient.builder().url(server.url()).build()) {
      EverythingChecks.initialized(client);
      EverythingChecks.toolsListedAndCalled(client);
      EverythingChecks.resourceRead(client);
      EverythingChecks.promptRendered(client);
    }
  }

  @Test
  void close_deletesTheSessionOnTheServer() throws Exception {
    McpClient client = McpClient.builder().url(server.url()).build();
    client.ping();
    client.close();

    assertThat(server.logged("session termination request")).isTrue();
    assertThatThrownBy(client::ping)
        .isInstanceOf(McpException.class)
        .hasMessageContaining("closed");
  }
}
