package dev.codexcontinue.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against the real MCP reference server started over stdio (see EverythingServer). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class EverythingStdioInteropTest {
  @Test
  void stdio_fullSession_realResults_andNoNodeProcessLeftAfterClose() {
    Path cli = EverythingServer.cli();
    List<ProcessHandle> started;
    try (McpClient client = McpClient.builder().command(EverythingServer.stdioCommand()).build()) {
      started = EverythingServer.running(cli);
      assertThat(started).isNotEmpty();
      EverythingChecks.initialized(client);
      EverythingChecks.toolsListedAndCalled(client);
      EverythingChecks.resourceRead(client);
      EverythingChecks.promptRendered(client);
    }
    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertThat(EverythingServer.running(cli)).isEmpty();
  }
}
