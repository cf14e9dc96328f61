package dev.codexcontinue.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.mcp.McpException.Reason;
import dev.codexcontinue.mcp.internal.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's protocol handling against an in-process server over piped streams. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
final class McpClientTest {
  private FakeServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void build_initializes_thenSendsInitializedNotification() throws Exception {
    try (McpClient client = server.client()) {
      assertThat(client.serverInfo().name()).isEqualTo("fake");
      assertThat(client.serverInfo().protocolVersion()).isEqualTo("2025-06-18");
      assertThat(client.hasCapability("tools")).isTrue();
      assertThat(client.hasCapability("prompts")).isFalse();
      server.awaitNotification("notifications/initialized");
      JsonNode init = server.received.get(0);
      assertThat(init.path("method").asText()).isEqualTo("initialize");
      assertThat(init.path("params").path("protocolVersion").asText()).isEqualTo("2025-06-18");
      assertThat(init.path("params").path("clientInfo").path("name").asText())
          .isEqualTo("codex-mcp");
    }
  }

  @Test
  void build_olderServerVersion_isAccepted() {
    server.protocolVersion = "2024-11-05";
    try (McpClient client = server.client()) {
      assertThat(client.serverInfo().protocolVersion()).isEqualTo("2024-11-05");
    }
  }

  @Test
  void build_unknownServerVersion_failsWithProtocolError() {
    server.protocolVersion = "1999-01-01";
    assertThatThrownBy(server::client)
        .isInstanceOfSatisfying(
            McpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL))
        .hasMessageContaining("1999-01-01");
  }

  @Test
  void listTools_twoPages_followsTheCursor() {
    server.handle(
        "tools/list",
        p ->
            p.has("cursor")
                ? page(tool("second", true, false), null)
                : page(tool("first", false, true), "c1"));
    try (McpClient client = server.client()) {
      assertThat(client.listTools())
          .extracting(McpToolInfo::name)
          .containsExactly("first", "second");
    }
  }

  @Test
  void listTools_repeatedCursor_failsInsteadOfLooping() {
    server.handle("tools/list", p -> page(tool("t", true, false), "same"));
    try (McpClient client = server.client()) {
      assertThatThrownBy(client::listTools).hasMessageContaining("repeated a cursor");
    }
  }

  @Test
  void tools_annotations_setDefaultPermissionAndNamesAreSanitized() throws Exception {
    server.handle("tools/list", withUnannotated());
    try (McpClient client = server.client()) {
      List<Tool> tools = client.tools();
      assertThat(tools)
          .extracting(t -> t.spec().name())
          .containsExactly(
              "fs_read", "fs_write", "plain", "mcp_list_resources", "mcp_read_resource");
      assertThat(tools)
          .extracting(Tool::defaultPermission)
          .containsExactly(
              ToolPermission.ALLOW,
              ToolPermission.ASK,
              ToolPermission.ASK,
              ToolPermission.ALLOW,
              ToolPermission.ALLOW);
    }
    try (FakeServer other = new FakeServer().handle("tools/list", withUnannotated());
        McpClient distrustful =
            other.client(FakeServer.options(Duration.ofSeconds(5), false, Redactor.create()))) {
      assertThat(distrustful.tools().get(0).defaultPermission()).isEqualTo(ToolPermission.ASK);
    }
  }

  @Test
  void callTool_contentParts_renderedAsText() {
    server.handle(
        "tools/call",
        p ->
            Json.parse(
                "{\"content\":[{\"type\":\"text\",\"text\":\"hello\"},"
                    + "{\"type\":\"image\",\"mimeType\":\"image/png\",\"data\":\"AAAA\"},"
                    + "{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///a.txt\",\"text\":\"A\"}},"
                    + "{\"type\":\"resource_link\",\"uri\":\"file:///b\",\"name\":\"b\"}]}"));
    try (McpClient client = server.client()) {
      ToolResult result = client.callTool("t", "{\"x\":1}", ToolContext.none());
      assertThat(result.isError()).isFalse();
      assertThat(result.content())
          .isEqualTo(
              "hello\n[image image/png, 3 bytes]\n[resource file:///a.txt]\nA\n"
                  + "[resource link file:///b b]");
      JsonNode call = server.received.get(server.received.size() - 1);
      assertThat(call.path("params").path("name").asText()).isEqualTo("t");
      assertThat(call.path("params").path("arguments").path("x").asInt()).isEqualTo(1);
    }
  }

  @Test
  void callTool_isErrorAndStructuredContent_becomeAnErrorResultWithTheJson() {
    server.handle(
        "tools/call", p -> Json.parse("{\"isError\":true,\"structuredContent\":{\"n\":3}}"));
    try (McpClient client = server.client()) {
      assertThat(client.callTool("t", "{}", ToolContext.none()))
          .isEqualTo(ToolResult.error("{\"n\":3}"));
    }
  }

  @Test
  void callTool_jsonRpcError_throwsWithCodeAndToolGivesErrorResult() {
    server.handle("tools/list", p -> page(tool("t", true, false), null));
    server.handle("tools/call", p -> FakeServer.error(-32602, "Unknown tool: t"));
    try (McpClient client = server.client()) {
      assertThatThrownBy(() -> client.callTool("t", "{}", ToolContext.none()))
          .isInstanceOfSatisfying(
              McpException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
                assertThat(e.code()).hasValue(-32602);
              })
          .hasMessageContaining("tools/call")
          .hasMessageContaining("Unknown tool: t");
      ToolResult viaTool =
          client.tools().get(0).execute(ToolCall.of("1", "t", "{}"), ToolContext.none());
      assertThat(viaTool.isError()).isTrue();
      assertThat(viaTool.content()).contains("-32602", "Unknown tool: t");
    }
  }

  @Test
  void callTool_argumentsNotAnObject_isRejectedBeforeSending() throws Exception {
    try (McpClient client = server.client()) {
      server.awaitNotification("notifications/initialized");
      int before = server.received.size();
      assertThatThrownBy(() -> client.callTool("t", "[1]", ToolContext.none()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.callTool("t", "{\"a\":1} x", ToolContext.none()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(server.received).hasSize(before);
    }
  }

  @Test
  void malformedLine_failsThePendingCall_andTheSessionGoesOn() {
    server.handle(
        "tools/call",
        p -> {
          server.send("this is not json {");
          return null;
        });
    try (McpClient client = server.client()) {
      assertThatThrownBy(() -> client.callTool("t", "{}", ToolContext.none()))
          .isInstanceOfSatisfying(
              McpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL))
          .hasMessageContaining("not JSON");
      client.ping();
    }
  }

  @Test
  void oversizedLine_failsThePendingCallWithoutBufferingIt() {
    server.handle(
        "tools/call",
        p -> {
          server.send("\"" + "x".repeat(200_000) + "\"");
          return null;
        });
    try (McpClient client = server.client()) {
      assertThatThrownBy(() -> client.callTool("t", "{}", ToolContext.none()))
          .hasMessageContaining("larger than 65536 bytes");
      client.ping();
    }
  }

  @Test
  void serverCrashMidCall_failsTheCallAsClosed_andLaterCallsFailFast() {
    server.handle(
        "tools/call",
        p -> {
          server.crash();
          return null;
        });
    try (McpClient client = server.client()) {
      assertThatThrownBy(() -> client.callTool("t", "{}", ToolContext.none()))
          .isInstanceOfSatisfying(
              McpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED))
          .hasMessageContaining("closed its output");
      long start = System.nanoTime();
      assertThatThrownBy(client::ping).isInstanceOf(McpException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void cancelledContext_abandonsTheCallAndSendsNotificationsCancelled() throws Exception {
    CountDownLatch called = new CountDownLatch(1);
    server.handle(
        "tools/call",
        p -> {
          called.countDown();
          return null;
        });
    AtomicBoolean cancelled = new AtomicBoolean();
    ToolContext context = ToolContext.builder().cancelled(cancelled::get).build();
    try (McpClient client = server.client()) {
      Thread canceller =
          new Thread(
              () -> {
                try {
                  called.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                cancelled.set(true);
              });
      canceller.start();
      assertThatThrownBy(() -> client.callTool("slow", "{}", context))
          .isInstanceOf(CancelledException.class);
      JsonNode cancel = server.awaitNotification("notifications/cancelled");
      JsonNode call =
          server.received.stream()
              .filter(m -> m.path("method").asText().equals("tools/call"))
              .findFirst()
              .orElseThrow();
      assertThat(cancel.path("params").path("requestId")).isEqualTo(call.get("id"));
    }
  }

  @Test
  void timeout_throwsRetryableTimeoutAndSendsNotificationsCancelled() throws Exception {
    server.handle("tools/call", p -> null);
    try (McpClient client =
        server.client(FakeServer.options(Duration.ofMillis(300), true, Redactor.create()))) {
      assertThatThrownBy(() -> client.callTool("slow", "{}", ToolContext.none()))
          .isInstanceOfSatisfying(
              McpException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                assertThat(e.isRetryable()).isTrue();
              });
      assertThat(
              server
                  .awaitNotification("notifications/cancelled")
                  .path("params")
                  .path("reason")
                  .asText())
          .isEqualTo("timed out");
    }
  }

  @Test
  void serverRequests_pingIsAnsweredAndOthersAreRefused() throws Exception {
    try (McpClient client = server.client()) {
      server.send("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"ping\"}");
      server.send("{\"jsonrpc\":\"2.0\",\"id\":\"s2\",\"method\":\"sampling/createMessage\"}");
      JsonNode first = server.responses.poll(5, TimeUnit.SECONDS);
      JsonNode second = server.responses.poll(5, TimeUnit.SECONDS);
      assertThat(first.path("id").asText()).isEqualTo("s1");
      assertThat(first.get("result")).isEqualTo(Json.object());
      assertThat(second.path("id").asText()).isEqualTo("s2");
      assertThat(second.path("error").path("code").asInt()).isEqualTo(-32601);
    }
  }

  @Test
  void toolsListChanged_notifiesListeners() throws Exception {
    CountDownLatch changed = new CountDownLatch(1);
    try (McpClient client = server.client()) {
      client.addToolsChangedListener(changed::countDown);
      server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}");
      assertThat(changed.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void resourcesAndPrompts_readAndRendered() {
    server.handle(
        "resources/list",
        p ->
            Json.parse(
                "{\"resources\":[{\"uri\":\"mem://a\",\"name\":\"a\",\"mimeType\":\"text/plain\"}]}"));
    server.handle(
        "resources/read",
        p ->
            Json.parse(
                "{\"contents\":[{\"uri\":\"" + p.path("uri").asText() + "\",\"text\":\"body\"}]}"));
    server.handle(
        "prompts/list",
        p ->
            Json.parse(
                "{\"prompts\":[{\"name\":\"greet\",\"arguments\":[{\"name\":\"who\",\"required\":true},{\"name\":\"tone\"}]}]}"));
    server.handle(
        "prompts/get",
        p ->
            Json.parse(
                "{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Hi "
                    + p.path("arguments").path("who").asText()
                    + "\"}}]}"));
    try (McpClient client = server.client()) {
      assertThat(client.listResources())
          .containsExactly(new McpResource("mem://a", "a", "", "text/plain"));
      assertThat(client.readResource("mem://a")).isEqualTo("[resource mem://a]\nbody");
      assertThat(client.listPrompts())
          .containsExactly(new McpPrompt("greet", "", List.of("who"), List.of("tone")));
      assertThat(client.getPrompt("greet", Map.of("who", "Ada")))
          .containsExactly(new McpPromptMessage("user", "Hi Ada"));
    }
  }

  @Test
  void results_maskConfiguredSecrets() {
    String secret = "mcp_TEST_SECRET_123456";
    server.handle(
        "tools/call",
        p -> Json.parse("{\"content\":[{\"type\":\"text\",\"text\":\"key=" + secret + "\"}]}"));
    Redactor redactor = Redactor.create().register(secret);
    try (McpClient client =
        server.client(FakeServer.options(Duration.ofSeconds(5), true, redactor))) {
      assertThat(client.callTool("t", "{}", ToolContext.none()).content())
          .doesNotContain(secret)
          .contains(Redactor.MASK);
    }
  }

  @Test
  void close_failsLaterRequestsAsClosed() {
    McpClient client = server.client();
    client.close();
    client.close();
    assertThatThrownBy(client::ping)
        .isInstanceOfSatisfying(
            McpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));
  }

  private static java.util.function.Function<JsonNode, JsonNode> withUnannotated() {
    return p -> {
      ObjectNode plain = Json.object().put("name", "plain");
      return page(
          List.of(tool("fs.read", true, false), tool("fs.write", false, true), plain), null);
    };
  }

  static ObjectNode tool(String name, boolean readOnly, boolean destructive) {
    ObjectNode t = Json.object().put("name", name).put("description", "tool " + name);
    t.putObject("inputSchema").put("type", "object").putObject("properties");
    t.putObject("annotations").put("readOnlyHint", readOnly).put("destructiveHint", destructive);
    return t;
  }

  static ObjectNode page(ObjectNode tool, String cursor) {
    return page(List.of(tool), cursor);
  }

  static ObjectNode page(List<ObjectNode> tools, String cursor) {
    ObjectNode r = Json.object();
    tools.forEach(r.putArray("tools")::add);
    if (cursor != null) {
      r.put("nextCursor", cursor);
    }
    return r;
  }
}
