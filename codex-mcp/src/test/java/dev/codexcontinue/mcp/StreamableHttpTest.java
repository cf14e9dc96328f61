package dev.codexcontinue.mcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.mcp.McpException.Reason;
import dev.codexcontinue.mcp.internal.Json;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The streamable HTTP transport against MockWebServer: JSON and SSE answers, sessions, errors. */
@Timeout(30)
final class StreamableHttpTest {
  private static final String SESSION = "sess-42";
  private static final String TOKEN = "mcp_TEST_bearer_0123456789";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private McpClient connect() throws Exception {
    server.enqueue(
        json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-03-26\","
                + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"mws\",\"version\":\"0\"}}}")
            .addHeader("Mcp-Session-Id", SESSION)
            .build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    McpClient client =
        McpClient.builder()
            .url(server.url("/mcp").toString())
            .bearerToken(Secret.of(TOKEN))
            .requestTimeout(Duration.ofSeconds(5))
            .build();
    RecordedRequest init = server.takeRequest(5, SECONDS);
    assertThat(init.getMethod()).isEqualTo("POST");
    assertThat(init.getHeaders().get("Accept")).isEqualTo("application/json, text/event-stream");
    assertThat(init.getHeaders().get("Mcp-Session-Id")).isNull();
    assertThat(body(init).path("method").asText()).isEqualTo("initialize");
    RecordedRequest initialized = server.takeRequest(5, SECONDS);
    assertThat(body(initialized).path("method").asText()).isEqualTo("notifications/initialized");
    assertThat(initialized.getHeaders().get("Mcp-Session-Id")).isEqualTo(SESSION);
    return client;
  }

  @Test
  void jsonAnswer_sessionIdAndVersionEchoed_andDeletedOnClose() throws Exception {
    try (McpClient client = connect()) {
      assertThat(client.serverInfo().protocolVersion()).isEqualTo("2025-03-26");
      server.enqueue(json(result(2, "{\"content\":[{\"type\":\"text\",\"text\":\"4\"}]}")).build());
      assertThat(client.callTool("add", "{\"a\":2,\"b\":2}", ToolContext.none()))
          .isEqualTo(ToolResult.of("4"));
      RecordedRequest call = server.takeRequest(5, SECONDS);
      assertThat(call.getHeaders().get("Mcp-Session-Id")).isEqualTo(SESSION);
      assertThat(call.getHeaders().get("MCP-Protocol-Version")).isEqualTo("2025-03-26");
      assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(body(call).path("params").path("arguments").path("b").asInt()).isEqualTo(2);
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
    RecordedRequest delete = server.takeRequest(5, SECONDS);
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getHeaders().get("Mcp-Session-Id")).isEqualTo(SESSION);
  }

  @Test
  void sseAnswer_notificationThenResult_bothDelivered() throws Exception {
    try (McpClient client = connect()) {
      CountDownLatch changed = new CountDownLatch(1);
      client.addToolsChangedListener(changed::countDown);
      server.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "text/event-stream")
              .body(
                  "event: message\nid: e1\n"
                      + "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n"
                      + "event: message\nid: e2\n"
                      + "data: "
                      + result(2, "{\"content\":[{\"type\":\"text\",\"text\":\"from sse\"}]}")
                      + "\n\n")
              .build());
      assertThat(client.callTool("t", "{}", ToolContext.none()).content()).isEqualTo("from sse");
      assertThat(changed.await(5, SECONDS)).isTrue();
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
  }

  @Test
  void cancelledCall_abortsTheExchangeAndPostsNotificationsCancelled() throws Exception {
    try (McpClient client = connect()) {
      server.enqueue(json(result(2, "{\"content\":[]}")).headersDelay(10, SECONDS).build());
      server.enqueue(new MockResponse.Builder().code(202).build());
      long start = System.nanoTime();
      ToolContext context =
          ToolContext.builder()
              .cancelled(() -> System.nanoTime() - start > Duration.ofMillis(300).toNanos())
              .build();

      assertThatThrownBy(() -> client.callTool("slow", "{}", context))
          .isInstanceOf(CancelledException.class);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      JsonNode call = body(server.takeRequest(5, SECONDS));
      JsonNode cancel = body(server.takeRequest(5, SECONDS));
      assertThat(cancel.path("method").asText()).isEqualTo("notifications/cancelled");
      assertThat(cancel.path("params").path("requestId")).isEqualTo(call.get("id"));
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
  }

  @Test
  void http404WithSession_isSessionExpired() throws Exception {
    try (McpClient client = connect()) {
      server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
      assertThatThrownBy(client::ping)
          .isInstanceOfSatisfying(
              McpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_EXPIRED))
          .hasMessageContaining("session");
      server.enqueue(new MockResponse.Builder().code(404).build());
    }
  }

  @Test
  void malformedJsonBody_isAProtocolError() throws Exception {
    try (McpClient client = connect()) {
      server.enqueue(json("{\"jsonrpc\":").build());
      assertThatThrownBy(client::ping)
          .isInstanceOfSatisfying(
              McpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL))
          .hasMessageContaining("not JSON");
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
  }

  @Test
  void acceptedWithoutAnswer_isAProtocolErrorNotAHang() throws Exception {
    try (McpClient client = connect()) {
      server.enqueue(new MockResponse.Builder().code(202).build());
      assertThatThrownBy(client::ping)
          .isInstanceOfSatisfying(
              McpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL))
          .hasMessageContaining("without an answer");
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
  }

  @Test
  void errorStatusEchoingTheToken_neverShowsIt() throws Exception {
    try (McpClient client = connect()) {
      server.enqueue(
          new MockResponse.Builder()
              .code(401)
              .addHeader("Content-Type", "application/json")
              .body("{\"error\":{\"message\":\"bad token " + TOKEN + "\"}}")
              .build());
      assertThatThrownBy(client::ping)
          .isInstanceOfSatisfying(
              McpException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.TRANSPORT);
                assertThat(e.toString()).doesNotContain(TOKEN);
                assertThat(e.getCause().toString()).doesNotContain(TOKEN);
              });
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
  }

  @Test
  void build_unreachableServer_failsClearly() {
    String url = server.url("/mcp").toString();
    server.close();
    assertThatThrownBy(
            () -> McpClient.builder().url(url).requestTimeout(Duration.ofSeconds(5)).build())
        .isInstanceOfSatisfying(
            McpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRANSPORT))
        .hasMessageContaining("initialize");
  }

  private static String result(int id, String result) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}";
  }

  private static MockResponse.Builder json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body);
  }

  private static JsonNode body(RecordedRequest request) {
    return Json.parse(request.getBody().utf8());
  }
}
