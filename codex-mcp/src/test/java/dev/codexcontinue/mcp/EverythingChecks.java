package dev.codexcontinue.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import java.util.List;
import java.util.Map;

/** What every interop test checks against the reference server, whatever the transport. */
final class EverythingChecks {
  static final String DOC = "demo://resource/static/document/architecture.md";

  private EverythingChecks() {}

  static void initialized(McpClient client) {
    assertThat(client.serverInfo().protocolVersion()).isEqualTo(McpClient.PROTOCOL_VERSION);
    assertThat(client.serverInfo().name()).contains("everything");
    assertThat(client.hasCapability("tools")).isTrue();
    client.ping();
  }

  static void toolsListedAndCalled(McpClient client) {
    assertThat(client.listTools()).extracting(McpToolInfo::name).contains("echo", "get-sum");
    List<Tool> tools = client.tools();
    Tool echo = byName(tools, "echo");
    Tool sum = byName(tools, "get-sum");
    assertThat(echo.defaultPermission()).isEqualTo(ToolPermission.ALLOW);
    assertThat(echo.spec().parametersSchema()).contains("\"message\"");

    assertThat(
            echo.execute(
                ToolCall.of("1", "echo", "{\"message\":\"hello MCP\"}"), ToolContext.none()))
        .isEqualTo(ToolResult.of("Echo: hello MCP"));
    ToolResult added =
        sum.execute(ToolCall.of("2", "get-sum", "{\"a\":2,\"b\":40}"), ToolContext.none());
    assertThat(added.isError()).isFalse();
    assertThat(added.content()).contains("42");
    ToolResult invalid =
        sum.execute(ToolCall.of("3", "get-sum", "{\"a\":\"x\"}"), ToolContext.none());
    assertThat(invalid.isError()).isTrue();
  }

  static void resourceRead(McpClient client) {
    assertThat(client.listResources()).extracting(McpResource::uri).contains(DOC);
    assertThat(client.readResource(DOC))
        .startsWith("[resource " + DOC + "]")
        .hasSizeGreaterThan(100);
  }

  static void promptRendered(McpClient client) {
    assertThat(client.listPrompts()).extracting(McpPrompt::name).contains("args-prompt");
    assertThat(client.getPrompt("args-prompt", Map.of("city", "Paris")))
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
