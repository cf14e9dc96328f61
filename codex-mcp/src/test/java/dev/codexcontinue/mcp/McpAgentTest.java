package dev.codexcontinue.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.tool.ApprovalDecision;
import dev.codexcontinue.core.tool.ToolInvocation;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.mcp.internal.Json;
import dev.codexcontinue.test.ScriptedProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MCP tools inside an agent on the scripted provider: the agent compiles their schemas and
 * advertises them, a read-only tool runs without asking and its result reaches the model, a
 * destructive one asks the approver and, denied, never reaches the server.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
final class McpAgentTest {
  private FakeServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer();
    server.handle(
        "tools/list",
        p ->
            McpClientTest.page(
                List.of(
                    McpClientTest.tool("echo", true, false),
                    McpClientTest.tool("delete_file", false, true)),
                null));
    server.handle(
        "tools/call",
        p ->
            Json.parse(
                "{\"content\":[{\"type\":\"text\",\"text\":\"Echo: "
                    + p.path("arguments").path("message").asText()
                    + "\"}]}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readOnlyToolRuns_destructiveToolDenied_resultsReachTheModel() {
    List<ToolInvocation> asked = new CopyOnWriteArrayList<>();
    try (McpClient client = server.client();
        ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("delete_file", "{\"message\":\"/etc/passwd\"}")
                .toolCall("echo", "{\"message\":\"hello from MCP\"}")
                .reply("Done.")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(client.tools())
                .approver(
                    invocation -> {
                      asked.add(invocation);
                      return ApprovalDecision.DENY;
                    })
                .build()) {
      agent.chat(AgentRequest.of("s", "Echo something"));

      assertThat(model.requests().get(0).tools())
          .extracting(ToolSpec::name)
          .contains("echo", "delete_file");
      assertThat(asked)
          .singleElement()
          .satisfies(i -> assertThat(i.description()).isEqualTo("{\"message\":\"/etc/passwd\"}"));
      assertThat(lastToolMessage(model.requests().get(1)).text()).contains("denied by user");
      assertThat(lastToolMessage(model.requests().get(2)).text()).isEqualTo("Echo: hello from MCP");
      List<JsonNode> calls =
          server.received.stream()
              .filter(m -> m.path("method").asText().equals("tools/call"))
              .toList();
      assertThat(calls)
          .singleElement()
          .satisfies(c -> assertThat(c.path("params").path("name").asText()).isEqualTo("echo"));
    }
  }

  @Test
  void policyDeniesAnMcpTool_itIsNotAdvertisedAndNeverCalled() {
    try (McpClient client = server.client();
        ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("delete_file", "{\"message\":\"/etc/passwd\"}")
                .reply("Cannot.")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(client.tools())
                .toolPolicy(ToolPolicy.builder().deny("delete_file").build())
                .approver(invocation -> ApprovalDecision.APPROVE)
                .build()) {
      agent.chat(AgentRequest.of("s", "Delete it"));

      assertThat(model.requests().get(0).tools())
          .extracting(ToolSpec::name)
          .contains("echo")
          .doesNotContain("delete_file");
      assertThat(lastToolMessage(model.requests().get(1)).text()).contains("not available");
      assertThat(server.received).noneMatch(m -> m.path("method").asText().equals("tools/call"));
    }
  }

  @Test
  void argumentPattern_asksForMatchingCallsOnly() {
    List<ToolInvocation> asked = new CopyOnWriteArrayList<>();
    try (McpClient client = server.client();
        ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("echo", "{\"message\":\"/etc/shadow\"}")
                .toolCall("echo", "{\"message\":\"fine\"}")
                .reply("Done.")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(client.tools())
                .toolPolicy(ToolPolicy.builder().ask("echo(*/etc/*)").build())
                .approver(
                    invocation -> {
                      asked.add(invocation);
                      return ApprovalDecision.DENY;
                    })
                .build()) {
      agent.chat(AgentRequest.of("s", "Echo"));

      assertThat(asked)
          .extracting(ToolInvocation::description)
          .containsExactly("{\"message\":\"/etc/shadow\"}");
      assertThat(lastToolMessage(model.requests().get(2)).text()).isEqualTo("Echo: fine");
    }
  }

  private static ChatMessage lastToolMessage(ChatRequest request) {
    return request.messages().stream()
        .filter(m -> m.role().equals(Role.TOOL))
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
