package dev.codexcontinue.provider.ollama;

import static dev.codexcontinue.provider.ollama.OllamaTestSupport.assertSameRequest;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.assertValid;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.body;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.fixture;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.json;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.path;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.ResponseFormat;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolChoice;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.test.RecordingStreamListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Non-streamed chat against the Ollama fixtures, request and answer both. */
@Timeout(30)
final class OllamaChatTest {
  static final ToolSpec WEATHER = tool("chat-tools.request.json", 0);

  private final MockWebServer server = new MockWebServer();
  private OllamaProvider provider;

  static ToolSpec tool(String fixture, int index) {
    JsonNode function = fixture(fixture).at("/tools/" + index + "/function");
    return new ToolSpec(
        function.get("name").asText(),
        function.get("description").asText(),
        function.get("parameters").toString());
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = OllamaTestSupport.builderFor(server).model("llama3.2").build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  private JsonNode sentChat() {
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(path(request)).isEqualTo("/api/chat");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode sent = body(request);
    assertValid("ChatRequest", sent);
    return sent;
  }

  @Test
  void chat_nostreamExample_sendsTheFixtureAndReadsAnswerUsageAndTimings() {
    server.enqueue(OllamaResponses.fixture("chat-nostream.response.json"));

    ChatResponse response = provider.chat(ChatRequest.of("why is the sky blue?"));

    assertSameRequest(sentChat(), fixture("chat-nostream.request.json"));
    assertThat(response.text()).isEqualTo("Hello! How are you today?");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.usage()).isEqualTo(new TokenUsage(26, 298));
    assertThat(response.model()).contains("llama3.2");
    OllamaTimings timings = OllamaTimings.of(response).orElseThrow();
    assertThat(timings.total()).isEqualTo(Duration.ofNanos(5191566416L));
    assertThat(timings.load()).isEqualTo(Duration.ofNanos(2154458L));
    assertThat(timings.promptEval()).isEqualTo(Duration.ofNanos(383809000L));
    assertThat(timings.evalCount()).isEqualTo(298);
    assertThat(response.providerData()).containsEntry("created_at", "2023-12-12T14:13:43.416799Z");
    assertThat(PromptTruncation.of(response)).isEmpty();
  }

  @Test
  void chat_jsonFormat_sendsFormatJson() {
    server.enqueue(OllamaResponses.fixture("chat-nostream.response.json"));

    provider.chat(
        ChatRequest.builder()
            .addMessage(
                ChatMessage.user(
                    "What color is the sky at different times of the day? Respond using JSON"))
            .responseFormat(ResponseFormat.JSON)
            .build());

    assertSameRequest(sentChat(), fixture("chat-format-json.request.json"));
  }

  @Test
  void chat_schemaFormat_sendsTheSchemaAndReturnsItsJsonText() {
    server.enqueue(OllamaResponses.fixture("chat-format-schema.response.json"));
    JsonNode expected = fixture("chat-format-schema.request.json");

    ChatResponse response =
        provider.chat(
            ChatRequest.builder()
                .model("llama3.1")
                .addMessage(ChatMessage.user(expected.at("/messages/0/content").asText()))
                .responseFormat(
                    ResponseFormat.jsonSchema("person", expected.get("format").toString(), true))
                .temperature(0)
                .build());

    assertSameRequest(sentChat(), expected);
    assertThat(json(response.text())).isEqualTo(json("{\"age\":22,\"available\":false}"));
    assertThat(response.usage()).isEqualTo(new TokenUsage(34, 12));
  }

  @Test
  void chat_thinkingLevel_sendsTheLevelAndReturnsReasoningApart() {
    server.enqueue(OllamaResponses.fixture("chat-thinking-nostream.response.json"));

    ChatResponse response =
        provider.chat(
            ChatRequest.builder()
                .model("gpt-oss")
                .addMessage(ChatMessage.user("How many letter r are in strawberry?"))
                .reasoningEffort("low")
                .build());

    assertSameRequest(sentChat(), fixture("chat-thinking-level.request.json"));
    assertThat(response.text()).isEqualTo("There are **3** letter r's in \"strawberry\".");
    assertThat(response.reasoning())
        .contains("Okay, let's count the r's: s-t-r-a-w-b-e-r-r-y has three.");
    assertThat(response.message().reasoning()).isEqualTo(response.reasoning());
  }

  @Test
  void chat_toolCallAnswer_isAToolCallWithAGeneratedIdAndObjectArguments() {
    server.enqueue(OllamaResponses.fixture("chat-tools-nostream.response.json"));

    ChatResponse response =
        provider.chat(
            ChatRequest.builder()
                .addMessage(ChatMessage.user("what is the weather in tokyo?"))
                .addTool(WEATHER)
                .build());

    JsonNode sent = sentChat();
    assertThat(sent.get("stream").asBoolean()).isFalse();
    assertThat(sent.get("tools")).isEqualTo(fixture("chat-tools.request.json").get("tools"));
    assertThat(response.toolCalls())
        .containsExactly(ToolCall.of("call_0", "get_weather", "{\"city\":\"Tokyo\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new TokenUsage(169, 18));
  }

  @Test
  void chat_toolResult_goesBackWithToolNameAndGetsTheAnswer() {
    server.enqueue(OllamaResponses.fixture("chat-tools-followup.response.json"));
    ToolCall call = ToolCall.of("call_0", "get_weather", "{\"city\":\"Toronto\"}");

    ChatResponse response =
        provider.chat(
            ChatRequest.builder()
                .addMessage(ChatMessage.user("what is the weather in Toronto?"))
                .addMessage(ChatMessage.assistant("", List.of(call)))
                .addMessage(ChatMessage.tool("call_0", "get_weather", "11 degrees celsius"))
                .addTool(WEATHER)
                .build());

    JsonNode sent = sentChat();
    assertSameRequest(sent, fixture("chat-tools-followup.request.json"));
    assertThat(sent.at("/messages/2/tool_call_id").asText()).isEqualTo("call_0");
    assertThat(sent.at("/messages/1/tool_calls/0/id").asText()).isEqualTo("call_0");
    assertThat(response.text()).isEqualTo("The current temperature in Toronto is 11°C.");
    assertThat(response.toolCalls()).isEmpty();
  }

  @Test
  void chat_parallelToolResults_goBackWithThinkingAndEachToolName() {
    server.enqueue(OllamaResponses.fixture("chat-tools-followup.response.json"));
    JsonNode expected = fixture("chat-tools-parallel-followup.request.json");
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : expected.at("/messages/1/tool_calls")) {
      int index = call.at("/function/index").asInt();
      calls.add(
          ToolCall.of(
              "call_" + index,
              call.at("/function/name").asText(),
              call.at("/function/arguments").toString()));
    }
    ChatRequest.Builder request =
        ChatRequest.builder()
            .model("qwen3")
            .addMessage(ChatMessage.user(expected.at("/messages/0/content").asText()))
            .addMessage(
                ChatMessage.assistant("", calls).toBuilder()
                    .reasoning(expected.at("/messages/1/thinking").asText())
                    .build())
            .addTool(tool("chat-tools-parallel.request.json", 0))
            .addTool(tool("chat-tools-parallel.request.json", 1));
    for (int i = 0; i < calls.size(); i++) {
      // Built without the tool's name: the provider finds it from the call the result answers.
      request.addMessage(
          ChatMessage.builder(dev.codexcontinue.api.Role.TOOL)
              .toolCallId(calls.get(i).id())
              .text(expected.at("/messages/" + (i + 2) + "/content").asText())
              .build());
    }

    provider.chat(request.build());

    assertSameRequest(sentChat(), expected);
  }

  @Test
  void chat_toolChoiceNone_sendsNoTools() {
    server.enqueue(OllamaResponses.fixture("chat-nostream.response.json"));

    provider.chat(
        ChatRequest.builder()
            .addMessage(ChatMessage.user("hi"))
            .addTool(WEATHER)
            .toolChoice(ToolChoice.NONE)
            .build());

    assertThat(sentChat().has("tools")).isFalse();
  }

  @Test
  void chat_remoteImageUrl_isRejectedBeforeAnyCall() {
    assertThatThrownBy(
            () ->
                provider.chat(
                    ChatRequest.builder()
                        .addMessage(
                            ChatMessage.user("what?", ImagePart.ofUrl("https://example.com/a.png")))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ImagePart.ofBytes");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void stream_imageBytes_goAsRawBase64() throws Exception {
    server.enqueue(OllamaResponses.oneLineStream("chat-images.response.json"));
    JsonNode expected = fixture("chat-images.request.json");
    byte[] png = Base64.getDecoder().decode(expected.at("/messages/0/images/0").asText());
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.stream(
        ChatRequest.builder()
            .model("llava")
            .addMessage(
                ChatMessage.user("what is in this image?", ImagePart.ofBytes(png, "image/png")))
            .build(),
        listener);
    ChatResponse response = listener.awaitResponse(5, TimeUnit.SECONDS);

    assertSameRequest(sentChat(), expected);
    assertThat(response.text()).startsWith(" The image features a cute, little pig");
    assertThat(response.usage()).isEqualTo(new TokenUsage(26, 83));
  }

  @Test
  void loadAndUnload_sendEmptyChatsAndReturnTheServersReason() {
    server.enqueue(OllamaResponses.fixture("chat-load.response.json"));
    server.enqueue(OllamaResponses.fixture("chat-unload.response.json"));

    assertThat(provider.load("llama3.2").value()).isEqualTo("load");
    assertSameRequest(sentChat(), fixture("chat-load.request.json"));
    assertThat(provider.unload("llama3.2").value()).isEqualTo("unload");
    assertSameRequest(sentChat(), fixture("chat-unload.request.json"));
  }

  @Test
  void chat_noModelAnywhere_failsClearlyBeforeAnyCall() {
    try (OllamaProvider bare = OllamaTestSupport.builderFor(server).build()) {
      assertThatThrownBy(() -> bare.chat(ChatRequest.of("hi")))
          .isInstanceOf(dev.codexcontinue.api.exception.ConfigurationException.class)
          .hasMessageContaining("ollama.model");
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
