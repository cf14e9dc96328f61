package dev.codexcontinue.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.provider.ollama.OllamaProvider;
import dev.codexcontinue.provider.openai.OpenAiProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The weather agent of {@link OllamaAgentExample}, unchanged, on the OpenAI provider and on the
 * Ollama provider, each server answering in its own wire format: same tool call, same tool result,
 * same final answer.
 */
@Timeout(30)
final class SameAgentOnBothProvidersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUESTION = "what is the weather in Toronto?";

  private final MockWebServer openAiServer = new MockWebServer();
  private final MockWebServer ollamaServer = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    openAiServer.start();
    ollamaServer.start();
  }

  @AfterEach
  void stop() {
    openAiServer.close();
    ollamaServer.close();
  }

  @Test
  void run_sameConversationOnOpenAiAndOllama_sameToolsAndAnswer() throws Exception {
    openAiServer.enqueue(json("openai/weather-call.response.json"));
    openAiServer.enqueue(json("openai/weather-answer.response.json"));
    ollamaServer.enqueue(json("ollama/weather-call.response.json"));
    ollamaServer.enqueue(json("ollama/weather-answer.response.json"));

    Turn openAi;
    try (Provider openai =
        OpenAiProvider.builder()
            .apiKey("sk-test-key")
            .baseUrl(openAiServer.url("/v1").toString())
            .model("gpt-4o-mini")
            .build()) {
      openAi = turn(openai);
    }
    Turn ollama;
    try (Provider provider =
        OllamaProvider.builder()
            .baseUrl(ollamaServer.url("/").toString())
            .model("llama3.2")
            .build()) {
      ollama = turn(provider);
    }

    assertThat(ollama.reply.text())
        .isEqualTo(openAi.reply.text())
        .isEqualTo("The current temperature in Toronto is 11°C.");
    assertThat(ollama.reply.stopReason()).isEqualTo(openAi.reply.stopReason());
    assertThat(ollama.reply.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(ollama.reply.modelCalls()).isEqualTo(openAi.reply.modelCalls()).isEqualTo(2);
    assertThat(summary(ollama.reply.toolExecutions()))
        .isEqualTo(summary(openAi.reply.toolExecutions()))
        .containsExactly("get_weather {\"city\":\"Toronto\"} -> 11 degrees celsius");
    assertThat(ollama.printed).isEqualTo(openAi.printed);

    // Each provider sent the tool result back in its own protocol.
    JsonNode openAiResult = lastMessage(openAiServer, "/v1/chat/completions");
    assertThat(openAiResult.get("role").asText()).isEqualTo("tool");
    assertThat(openAiResult.get("tool_call_id").asText()).isEqualTo("call_abc123");
    assertThat(openAiResult.get("content").asText()).isEqualTo("11 degrees celsius");
    JsonNode ollamaResult = lastMessage(ollamaServer, "/api/chat");
    assertThat(ollamaResult.get("role").asText()).isEqualTo("tool");
    assertThat(ollamaResult.get("tool_name").asText()).isEqualTo("get_weather");
    assertThat(ollamaResult.get("content").asText()).isEqualTo("11 degrees celsius");
  }

  private record Turn(AgentReply reply, String printed) {}

  private static Turn turn(Provider provider) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AgentReply reply =
        OllamaAgentExample.run(
            provider, new PrintStream(bytes, true, StandardCharsets.UTF_8), QUESTION);
    return new Turn(reply, bytes.toString(StandardCharsets.UTF_8));
  }

  private static List<String> summary(List<ToolExecution> executions) {
    return executions.stream()
        .map(
            e ->
                e.call().name()
                    + " "
                    + JSON.valueToTree(parse(e.call().arguments()))
                    + " -> "
                    + e.result().content())
        .toList();
  }

  private static JsonNode lastMessage(MockWebServer server, String path) throws Exception {
    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(second.getUrl().encodedPath()).isEqualTo(path);
    JsonNode messages = JSON.readTree(second.getBody().utf8()).get("messages");
    return messages.get(messages.size() - 1);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(String fixture) {
    try (InputStream in =
        SameAgentOnBothProvidersTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return new MockResponse.Builder()
          .setHeader("Content-Type", "application/json")
          .body(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
