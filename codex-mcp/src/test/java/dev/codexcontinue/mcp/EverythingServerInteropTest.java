package dev.codexcontinue.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against the real MCP reference server, {@code @modelcontextprotocol/server-everything}
 * (see {@link EverythingServer}), over stdio and over streamable HTTP.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class EverythingServerInteropTest {
  private static final String DOC = "demo://resource/static/document/architecture.md";

  @Test
  void stdio_fullSession_realResultsAndNoNodeProcessLeft() {
    Path cli = EverythingServer.cli();
    List<ProcessHandle> started;
    try (McpClient client = McpClient.builder().command(EverythingServer.stdioCommand()).build()) {
      started = EverythingServer.running(cli);
      assertThat(started).isNotEmpty();
      exerciseEverything(client);
    }
    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertThat(EverythingServer.running(cli)).isEmpty();
  }

  @Test
  void streamableHttp_fullSession_realResults() throws Exception {
    try (EverythingServer.Http server = EverythingServer.Http.start();
        McpClient client = McpClient.builder().url(server.url()).build()) {
      exerciseEverything(client);
    }
  }

  @Test
  void streamableHttp_afterClose_sessionIsDeletedOnTheServer() throws Exception {
    try (EverythingServer.Http server = EverythingServer.Http.start()) {
      McpClient client = McpClient.builder().url(server.url()).build();
      client.ping();
      client.close();

      assertThatThrownBy(client::ping)
          .isInstanceOf(McpException.class)
          .hasMessageContaining("closed");
      // A new session still works: the server is fine, only the old session is gone.
      try (McpClient again = McpClient.builder().url(server.url()).build()) {
        again.ping();
      }
    }
  }

  private static void exerciseEverything(McpClient client) {
    assertThat(client.serverInfo().protocolVersion()).isEqualTo(McpClient.PROTOCOL_VERSION);
    assertThat(client.serverInfo().name()).contains("everything");
    assertThat(client.listTools()).extracting(McpToolInfo::name).contains("echo", "get-sum");
    client.ping();

    List<Tool> tools = client.tools();
    Tool echo = byName(tools, "echo");
    Tool sum = byName(tools, "get-sum");
    assertThat(echo.defaultPermission()).isEqualTo(ToolPermission.ALLOW);
    assertThat(echo.spec().parametersSchema()).contains("\"message\"");

    ToolResult echoed =
        echo.execute(ToolCall.of("1", "echo", "{\"message\":\"hello MCP\"}"), ToolContext.none());
    assertThat(echoed).isEqualTo(ToolResult.of("Echo: hello MCP"));
    ToolResult added =
        sum.execute(ToolCall.of("2", "get-sum", "{\"a\":2,\"b\":40}"), ToolContext.none());
    assertThat(added.isError()).isFalse();
    assertThat(added.content()).contains("42");
    ToolResult invalid =
        sum.execute(ToolCall.of("3", "get-sum", "{\"a\":\"x\"}"), ToolContext.none());
    assertThat(invalid.isError()).isTrue();

    assertThat(client.listResources()).extracting(McpResource::uri).contains(DOC);
    assertThat(client.readResource(DOC))
        .startsWith("[resource " + DOC + "]")
        .hasSizeGreaterThan(100);

    assertThat(client.listPrompts()).extracting(McpPrompt::name).contains("args-prompt");
    List<McpPromptMessage> prompt = client.getPrompt("args-prompt", Map.of("city", "Paris"));
    assertThat(prompt)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.role()).isEqualTo("user");
              assertThat(m.text()).contains("Paris");
            });
  }

  private static Tool byName(List<Tool> tools, String name) {
    return tools.stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow();
  }
}
