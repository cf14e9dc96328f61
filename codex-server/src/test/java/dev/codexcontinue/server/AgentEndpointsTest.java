package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.test.ScriptedProvider;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
final class AgentEndpointsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sessionTurn_streamed_sendsTextToolResultAndDoneWithTimings() throws Exception {
    ScriptedProvider provider =
        ScriptedProvider.builder()
            .toolCall("get_weather", "{\"city\":\"Oslo\"}")
            .reply("Sunny in Oslo.")
            .build();
    try (TestServer s = TestServer.start(provider)) {
      String id = JSON.readTree(s.post("/api/sessions", "{}").body()).path("id").asText();
      HttpResponse<String> r =
          s.post("/api/sessions/" + id + "/messages", "{\"content\":\"weather?\",\"stream\":true}");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("event: tool_call\n", "event: tool_result\n", "event: text\n");
      assertThat(r.body()).contains("sunny, 21 C in Oslo");
      String done = r.body().substring(r.body().indexOf("event: done\ndata: ") + 18).strip();
      JsonNode reply = JSON.readTree(done);
      assertThat(reply.path("text").asText()).isEqualTo("Sunny in Oslo.");
      assertThat(reply.path("tool_calls").get(0).path("outcome").asText()).isEqualTo("executed");
      assertThat(reply.path("timings_ms").has("call_llm")).isTrue();

      JsonNode history = JSON.readTree(s.get("/api/sessions/" + id + "/messages").body());
      assertThat(history.path("messages").findValuesAsText("role"))
          .contains("user", "tool", "assistant");
      JsonNode sessions = JSON.readTree(s.get("/api/sessions").body()).path("sessions");
      assertThat(sessions.findValuesAsText("id")).containsExactly(id);

      HttpResponse<String> deleted =
          s.http.send(
              s.request("/api/sessions/" + id).DELETE().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(deleted.statusCode()).isEqualTo(204);
      assertThat(JSON.readTree(s.get("/api/sessions/" + id + "/messages").body()).path("messages"))
          .isEmpty();
    }
  }

  @Test
  void tools_listAndInvoke_followThePolicy() throws Exception {
    try (TestServer s =
        TestServer.start(
            ScriptedProvider.builder().build(),
            b -> b.toolPolicy(ToolPolicy.builder().deny("get_weather").build()))) {
      assertThat(JSON.readTree(s.get("/api/tools").body()).path("tools")).isEmpty();
      JsonNode denied =
          JSON.readTree(
              s.post("/api/tools/get_weather/invoke", "{\"arguments\":{\"city\":\"Rome\"}}")
                  .body());
      assertThat(denied.path("outcome").asText()).isNotEqualTo("executed");
      assertThat(denied.path("content").asText()).doesNotContain("sunny");
    }
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      JsonNode tools = JSON.readTree(s.get("/api/tools").body()).path("tools");
      assertThat(tools.findValuesAsText("name")).containsExactly("get_weather");
      assertThat(tools.get(0).path("parameters").path("type").asText()).isEqualTo("object");
      JsonNode ran =
          JSON.readTree(
              s.post("/api/tools/get_weather/invoke", "{\"arguments\":{\"city\":\"Rome\"}}")
                  .body());
      assertThat(ran.path("outcome").asText()).isEqualTo("executed");
      assertThat(ran.path("content").asText()).isEqualTo("sunny, 21 C in Rome");
      JsonNode invalid =
          JSON.readTree(s.post("/api/tools/get_weather/invoke", "{\"arguments\":{}}").body());
      assertThat(invalid.path("outcome").asText()).isEqualTo("invalid_arguments");
    }
  }

  @Test
  void memory_addSearchDelete_returnsScoredMatches() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      String id =
          JSON.readTree(
                  s.post("/api/memory", "{\"text\":\"the deploy script lives in ops/deploy.sh\"}")
                      .body())
              .path("id")
              .asText();
      s.post("/api/memory", "{\"text\":\"lunch is at noon\"}");
      JsonNode matches =
          JSON.readTree(s.get("/api/memory/search?q=where%20is%20the%20deploy%20script&k=2").body())
              .path("matches");
      assertThat(matches.get(0).path("id").asText()).isEqualTo(id);
      assertThat(matches.get(0).path("score").asDouble())
          .isGreaterThan(matches.get(1).path("score").asDouble());
      HttpResponse<String> deleted =
          s.http.send(
              s.request("/api/memory/" + id).DELETE().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(deleted.statusCode()).isEqualTo(204);
      HttpResponse<String> again =
          s.http.send(
              s.request("/api/memory/" + id).DELETE().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void promptPreview_rendersAndReportsUnknownVariables() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      JsonNode ok =
          JSON.readTree(
              s.post(
                      "/api/prompts/preview",
                      "{\"template\":\"Hi {{name}}\",\"variables\":{\"name\":\"Ada\"}}")
                  .body());
      assertThat(ok.path("rendered").asText()).isEqualTo("Hi Ada");
      assertThat(ok.path("variables").toString()).contains("name");
      JsonNode missing =
          JSON.readTree(s.post("/api/prompts/preview", "{\"template\":\"Hi {{name}}\"}").body());
      assertThat(missing.path("error").asText()).contains("name");
      assertThat(
              JSON.readTree(s.get("/api/prompts").body()).path("prompts").findValuesAsText("name"))
          .contains("coding-assistant");
    }
  }

  @Test
  void healthMetricsOpenApiAndPlayground_areServed() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().reply("ok").build())) {
      s.post(
          "/v1/chat/completions",
          "{\"model\":\"codex-agent\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      HttpResponse<String> health =
          s.http.send(
              HttpRequest.newBuilder(s.server.uri().resolve("/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"ok\"");

      String metrics = s.get("/metrics").body();
      assertThat(metrics).contains("# TYPE codex_server_requests_total counter");
      assertThat(metrics)
          .contains("codex_server_requests_total{route=\"/v1/chat/completions\",status=\"200\"} 1");
      assertThat(metrics).contains("codex_agent_step_seconds_total{step=\"call_llm\"}");

      JsonNode openapi = JSON.readTree(s.get("/openapi.json").body());
      assertThat(openapi.path("openapi").asText()).startsWith("3.");
      assertThat(openapi.path("paths").has("/v1/chat/completions")).isTrue();

      HttpResponse<String> page =
          s.http.send(
              HttpRequest.newBuilder(s.server.uri().resolve("/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
          .contains("default-src 'none'", "script-src 'self'");
      assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">");
    }
  }
}
