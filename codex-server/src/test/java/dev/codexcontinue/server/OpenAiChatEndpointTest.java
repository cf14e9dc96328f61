package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.test.ScriptedProvider;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
final class OpenAiChatEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String HELLO =
      "{\"model\":\"codex-agent\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
          + "{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"},"
          + "{\"role\":\"user\",\"content\":\"weather in Paris?\"}]";

  @Test
  void chat_agentTurnWithServerTool_answersWithTheFinalText() throws Exception {
    ScriptedProvider provider =
        ScriptedProvider.builder()
            .toolCall("get_weather", "{\"city\":\"Paris\"}")
            .reply("It is sunny in Paris.")
            .build();
    try (TestServer s = TestServer.start(provider)) {
      HttpResponse<String> r = s.post("/v1/chat/completions", HELLO + "}");

      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("object").asText()).isEqualTo("chat.completion");
      JsonNode choice = body.path("choices").get(0);
      assertThat(choice.path("message").path("content").asText())
          .isEqualTo("It is sunny in Paris.");
      assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
      assertThat(body.path("usage").path("total_tokens").asInt()).isPositive();
      // The agent ran the tool itself and fed its result back to the model.
      List<ChatMessage> second = provider.requests().get(1).messages();
      assertThat(second.get(second.size() - 1).role()).isEqualTo(Role.TOOL);
      assertThat(second.get(second.size() - 1).text()).contains("sunny, 21 C in Paris");
      // The earlier turns of the request reached the model as history.
      assertThat(provider.requests().get(0).messages())
          .extracting(ChatMessage::text)
          .contains("hi", "hello");
    }
  }

  @Test
  void chat_streamWithUsage_sendsRoleDeltasFinishUsageAndDone() throws Exception {
    ScriptedProvider provider = ScriptedProvider.builder().reply("Hello there, friend.").build();
    try (TestServer s = TestServer.start(provider)) {
      HttpResponse<String> r =
          s.post(
              "/v1/chat/completions",
              HELLO + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
      List<String> data = dataLines(r.body());
      assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
      List<JsonNode> chunks = new ArrayList<>();
      for (String d : data.subList(0, data.size() - 1)) {
        chunks.add(JSON.readTree(d));
      }
      assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText())
          .isEqualTo("assistant");
      StringBuilder text = new StringBuilder();
      chunks.forEach(
          c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
      assertThat(text.toString()).isEqualTo("Hello there, friend.");
      JsonNode finish = chunks.get(chunks.size() - 2);
      assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
      JsonNode usage = chunks.get(chunks.size() - 1);
      assertThat(usage.path("choices")).isEmpty();
      assertThat(usage.path("usage").path("completion_tokens").asInt()).isPositive();
      assertThat(r.body()).doesNotContain("\r").contains("\n\ndata: ");
    }
  }

  @Test
  void chat_clientTools_returnToolCallsToTheClientAndTakeItsResults() throws Exception {
    ScriptedProvider provider =
        ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"x\"}").reply("Found it.").build();
    String tools =
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"description\":"
            + "\"Looks up.\",\"parameters\":{\"type\":\"object\",\"properties\":{\"q\":"
            + "{\"type\":\"string\"}}}}}]";
    try (TestServer s = TestServer.start(provider)) {
      HttpResponse<String> first =
          s.post(
              "/v1/chat/completions",
              "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"find x\"}]"
                  + tools
                  + "}");
      JsonNode choice = JSON.readTree(first.body()).path("choices").get(0);
      assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
      JsonNode call = choice.path("message").path("tool_calls").get(0);
      assertThat(call.path("type").asText()).isEqualTo("function");
      assertThat(call.path("function").path("name").asText()).isEqualTo("lookup");
      assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"q\":\"x\"}");
      assertThat(provider.requests().get(0).tools())
          .extracting(t -> t.name())
          .containsExactly("lookup");

      String id = call.path("id").asText();
      HttpResponse<String> second =
          s.post(
              "/v1/chat/completions",
              "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"find x\"},"
                  + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\""
                  + id
                  + "\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{}\"}}]},"
                  + "{\"role\":\"tool\",\"tool_call_id\":\""
                  + id
                  + "\",\"content\":\"x is 42\"}]"
                  + tools
                  + "}");
      assertThat(String.join("", dataLines(second.body()))).contains("Foun", "d it");
      assertThat(second.body()).endsWith("data: [DONE]\n\n");
      ChatMessage toolResult = provider.lastRequest().messages().get(2);
      assertThat(toolResult.role()).isEqualTo(Role.TOOL);
      assertThat(toolResult.toolCallId()).contains(id);
      assertThat(provider.lastRequest().model()).contains("m");
    }
  }

  @Test
  void chat_clientToolsStreamed_sendToolCallDeltasWithIndexIdTypeFunction() throws Exception {
    ScriptedProvider provider =
        ScriptedProvider.builder().toolCall("lookup", "{\"q\":\"a long query\"}").build();
    try (TestServer s = TestServer.start(provider)) {
      HttpResponse<String> r =
          s.post(
              "/v1/chat/completions",
              "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}],"
                  + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}]}");
      List<String> data = dataLines(r.body());
      JsonNode firstCall = null;
      StringBuilder args = new StringBuilder();
      String finish = "";
      for (String d : data.subList(0, data.size() - 1)) {
        JsonNode c = JSON.readTree(d).path("choices").get(0);
        for (JsonNode tc : c.path("delta").path("tool_calls")) {
          if (firstCall == null) {
            firstCall = tc;
          }
          assertThat(tc.path("index").asInt()).isZero();
          args.append(tc.path("function").path("arguments").asText(""));
        }
        if (c.hasNonNull("finish_reason")) {
          finish = c.path("finish_reason").asText();
        }
      }
      assertThat(firstCall).isNotNull();
      assertThat(firstCall.path("id").asText()).isNotEmpty();
      assertThat(firstCall.path("type").asText()).isEqualTo("function");
      assertThat(firstCall.path("function").path("name").asText()).isEqualTo("lookup");
      assertThat(args.toString()).isEqualTo("{\"q\":\"a long query\"}");
      assertThat(finish).isEqualTo("tool_calls");
    }
  }

  @Test
  void chat_malformedJson_answers400InOpenAiErrorShape() throws Exception {
    try (TestServer s = TestServer.start(ScriptedProvider.builder().build())) {
      HttpResponse<String> r = s.post("/v1/chat/completions", "{\"messages\": [");
      assertThat(r.statusCode()).isEqualTo(400);
      JsonNode error = JSON.readTree(r.body()).path("error");
      assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
      assertThat(error.path("code").asText()).isEqualTo("invalid_json");
      assertThat(error.path("message").asText()).isNotEmpty();

      HttpResponse<String> noMessages = s.post("/v1/chat/completions", "{\"model\":\"m\"}");
      assertThat(noMessages.statusCode()).isEqualTo(400);
      assertThat(noMessages.body()).contains("messages");
    }
  }

  @Test
  void models_listsTheAgentAndTheProvidersModels() throws Exception {
    ScriptedProvider provider =
        ScriptedProvider.builder()
            .models(List.of(dev.codexcontinue.api.ModelInfo.of("m-1")))
            .build();
    try (TestServer s = TestServer.start(provider)) {
      JsonNode body = JSON.readTree(s.get("/v1/models").body());
      assertThat(body.path("object").asText()).isEqualTo("list");
      assertThat(body.path("data").findValuesAsText("id")).containsExactly("codex-agent", "m-1");
    }
  }

  @Test
  void embeddings_floatAndBase64_encodeTheSameVectors() throws Exception {
    ScriptedProvider provider =
        ScriptedProvider.builder().embeddings(HashingEmbeddingModel.create(8)).build();
    try (TestServer s = TestServer.start(provider)) {
      JsonNode floats =
          JSON.readTree(
              s.post("/v1/embeddings", "{\"model\":\"e\",\"input\":[\"a b\",\"c\"]}").body());
      assertThat(floats.path("data")).hasSize(2);
      assertThat(floats.path("data").get(1).path("index").asInt()).isEqualTo(1);
      assertThat(floats.path("data").get(0).path("embedding")).hasSize(8);
      JsonNode b64 =
          JSON.readTree(
              s.post("/v1/embeddings", "{\"input\":\"a b\",\"encoding_format\":\"base64\"}")
                  .body());
      byte[] raw =
          java.util.Base64.getDecoder().decode(b64.path("data").get(0).path("embedding").asText());
      float first =
          java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat(0);
      assertThat(first)
          .isEqualTo((float) floats.path("data").get(0).path("embedding").get(0).asDouble());
      assertThat(s.post("/v1/embeddings", "{\"input\":[1,2]}").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void completions_withSuffix_fillsTheMiddle() throws Exception {
    ScriptedProvider provider =
        ScriptedProvider.builder()
            .completion(
                CompletionResponse.of(
                    "cmpl-1",
                    List.of(new CompletionChoice(0, "return a + b")),
                    "c",
                    TokenUsage.ZERO))
            .build();
    try (TestServer s = TestServer.start(provider)) {
      HttpResponse<String> r =
          s.post(
              "/v1/completions",
              "{\"model\":\"c\",\"prompt\":\"def add(a, b):\\n    \",\"suffix\":\"\\n\",\"max_tokens\":16}");
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("object").asText()).isEqualTo("text_completion");
      assertThat(body.path("choices").get(0).path("text").asText()).isEqualTo("return a + b");
      assertThat(provider.completionRequests().get(0).prefix()).isEqualTo("def add(a, b):\n    ");
      assertThat(provider.completionRequests().get(0).suffix()).isEqualTo("\n");
    }
  }

  static List<String> dataLines(String sse) {
    List<String> out = new ArrayList<>();
    for (String line : sse.split("\n")) {
      if (line.startsWith("data: ")) {
        out.add(line.substring(6));
      }
    }
    return out;
  }
}
