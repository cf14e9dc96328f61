package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.test.ScriptedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real clients nobody here wrote, from npm, against the server: openai, tabby-agent, Chromium. */
@Timeout(90)
final class NodeClientsTest {
  @Test
  void openaiNpmClient_chatStreamingAndTools_pass() throws Exception {
    NodeScript.assumeInstalled("openai");
    ScriptedProvider provider =
        ScriptedProvider.builder()
            .reply("Hello from codex")
            .reply("Streaming works fine")
            .toolCall("lookup_order", "{\"id\":\"42\"}")
            .reply("Order 42 has shipped.")
            .toolCall("lookup_order", "{\"id\":\"7\"}")
            .build();
    try (TestServer s = TestServer.start(provider)) {
      JsonNode out = NodeScript.run("openai-client.mjs", s.base(), TestServer.TOKEN);

      assertThat(out.path("chat").asText()).isEqualTo("Hello from codex");
      assertThat(out.path("chatFinish").asText()).isEqualTo("stop");
      assertThat(out.path("stream").asText()).isEqualTo("Streaming works fine");
      assertThat(out.path("streamChunks").asInt()).isGreaterThan(3);
      assertThat(out.path("streamUsage").path("total_tokens").asInt()).isPositive();
      assertThat(out.path("toolFinish").asText()).isEqualTo("tool_calls");
      assertThat(out.path("toolCall").path("name").asText()).isEqualTo("lookup_order");
      assertThat(out.path("toolCall").path("arguments").path("id").asText()).isEqualTo("42");
      assertThat(out.path("toolAnswer").asText()).isEqualTo("Order 42 has shipped.");
      assertThat(out.path("streamToolCall").path("arguments").path("id").asText()).isEqualTo("7");
      assertThat(out.path("streamToolCall").path("id").asText()).isNotEmpty();
      assertThat(out.path("models").toString()).contains("codex-agent");
      assertThat(out.path("badToken").path("status").asInt()).isEqualTo(401);
      // The client's tool result reached the model as a tool message.
      assertThat(provider.requests().get(3).messages().get(2).text()).contains("shipped");
    }
  }

  @Test
  void tabbyAgent_inlineCompletion_returnsTheProvidersCompletion() throws Exception {
    NodeScript.assumeInstalled("tabby-agent");
    String completion = "return n if n < 2 else fib(n - 1) + fib(n - 2)";
    ScriptedProvider provider =
        ScriptedProvider.builder()
            .completion(
                CompletionResponse.of(
                    "cmpl-1", List.of(new CompletionChoice(0, completion)), "c", TokenUsage.ZERO))
            .build();
    try (TestServer s = TestServer.start(provider)) {
      JsonNode out = NodeScript.run("tabby-agent-client.mjs", s.base(), TestServer.TOKEN);

      assertThat(out.path("serverName").asText()).isEqualTo("tabby-agent");
      assertThat(out.path("items").toString()).as(out.toString()).contains("fib(n - 1)");
      assertThat(provider.completionRequests()).isNotEmpty();
      assertThat(provider.completionRequests().get(0).prefix()).contains("def fib(n):");
      assertThat(provider.completionRequests().get(0).language()).contains("python");
    }
  }

  @Test
  void playground_inHeadlessChromium_streamsTheAnswerAndShowsTheToolCall() throws Exception {
    NodeScript.assumeInstalled("playwright-core");
    ScriptedProvider provider =
        ScriptedProvider.builder()
            .toolCall("get_weather", "{\"city\":\"Paris\"}")
            .reply("It is sunny and 21 C in Paris today.")
            .chunkDelay(Duration.ofMillis(20))
            .build();
    Path shot = Path.of("target", "playground.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    try (TestServer s = TestServer.start(provider)) {
      JsonNode out = NodeScript.run("playground.mjs", s.base(), TestServer.TOKEN, shot.toString());

      assertThat(out.path("toolCall").asText())
          .contains("get_weather")
          .contains("sunny, 21 C in Paris");
      assertThat(out.path("answers").toString()).contains("It is sunny and 21 C in Paris today.");
      assertThat(out.path("timings").toString()).contains("call_llm", "retrieve_memory");
      assertThat(out.path("preview").asText()).isEqualTo("Hello Ada!");
      assertThat(out.path("csp").asText()).contains("script-src 'self'");
      assertThat(out.path("pageErrors")).isEmpty();
      assertThat(out.path("failedBeforeToken").toString()).contains("401");
      assertThat(out.path("failedRequests")).isEmpty();
      assertThat(Files.size(shot)).isGreaterThan(1000);
      assertThat(s.server.handler().agent().history(SessionKey.of("default", sessionOf(s))))
          .isNotEmpty();
    }
  }

  private static String sessionOf(TestServer s) throws Exception {
    JsonNode sessions =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(s.get("/api/sessions").body())
            .path("sessions");
    return sessions.get(0).path("id").asText();
  }
}
