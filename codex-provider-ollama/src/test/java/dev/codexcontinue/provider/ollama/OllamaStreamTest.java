package dev.codexcontinue.provider.ollama;

import static dev.codexcontinue.provider.ollama.OllamaTestSupport.assertSameRequest;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.assertValid;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.body;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.fixture;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.path;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.take;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ProviderStreamException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.provider.ollama.OllamaResponses.Feed;
import dev.codexcontinue.test.RecordingStreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every stream fixture fed whole, one byte per chunk and throttled (RELIABILITY 35 at the provider
 * level), against its {@code .expected.json} where there is one; in-band errors (RELIABILITY 11).
 */
@Timeout(30)
final class OllamaStreamTest {
  private final MockWebServer server = new MockWebServer();
  private OllamaProvider provider;

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

  private ChatResponse streamed(ChatRequest request, RecordingStreamListener listener)
      throws InterruptedException {
    provider.stream(request, listener);
    ChatResponse response = listener.awaitResponse(10, TimeUnit.SECONDS);
    listener.assertSettled(50, TimeUnit.MILLISECONDS);
    return response;
  }

  private JsonNode sent(String endpoint) {
    RecordedRequest request = take(server);
    assertThat(path(request)).isEqualTo(endpoint);
    JsonNode sent = body(request);
    assertValid(endpoint.equals("/api/chat") ? "ChatRequest" : "GenerateRequest", sent);
    return sent;
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_chatExample_deltasAddUpToTheExpectedAnswer(Feed feed) throws Exception {
    server.enqueue(OllamaResponses.ndjson(text("chat.stream.ndjson"), feed));
    JsonNode expected = fixture("chat.stream.expected.json");
    RecordingStreamListener listener = new RecordingStreamListener();

    ChatResponse response = streamed(ChatRequest.of("why is the sky blue?"), listener);

    assertSameRequest(sent("/api/chat"), fixture("chat.request.json"));
    assertThat(listener.text()).isEqualTo(expected.get("content").asText());
    assertThat(response.text()).isEqualTo(expected.get("content").asText());
    assertThat(listener.chunks().stream().filter(c -> c instanceof ChatChunk.TextDelta)).hasSize(9);
    assertThat(response.finishReason())
        .isEqualTo(FinishReason.of(expected.get("done_reason").asText()));
    OllamaTimings timings = OllamaTimings.of(response).orElseThrow();
    assertThat(timings.evalCount()).isEqualTo(expected.get("eval_count").asLong());
    assertThat(timings.total().toNanos()).isEqualTo(expected.get("total_duration_ns").asLong());
    assertThat(timings.tokensPerSecond())
        .isCloseTo(expected.get("tokens_per_second").asDouble(), within(0.001));
    assertThat(listener.chunks()).contains(new ChatChunk.UsageDelta(new TokenUsage(26, 282)));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_thinking_arrivesAsReasoningDeltasBeforeTheAnswer(Feed feed) throws Exception {
    server.enqueue(OllamaResponses.ndjson(text("chat-thinking.stream.ndjson"), feed));
    JsonNode expected = fixture("chat-thinking.stream.expected.json");
    RecordingStreamListener listener = new RecordingStreamListener();

    ChatResponse response =
        streamed(
            ChatRequest.builder()
                .model("qwen3")
                .addMessage(ChatMessage.user("How many letter r are in strawberry?"))
                .providerOption("think", true)
                .build(),
            listener);

    assertSameRequest(sent("/api/chat"), fixture("chat-thinking.request.json"));
    assertThat(response.reasoning()).contains(expected.get("thinking").asText());
    assertThat(response.text()).isEqualTo(expected.get("content").asText());
    assertThat(response.finishReason().value()).isEqualTo(expected.get("done_reason").asText());
    StringBuilder reasoning = new StringBuilder();
    listener.chunks().stream()
        .filter(c -> c instanceof ChatChunk.ReasoningDelta)
        .forEach(c -> reasoning.append(((ChatChunk.ReasoningDelta) c).reasoning()));
    assertThat(reasoning).hasToString(expected.get("thinking").asText());
    int lastThought = lastIndex(listener.chunks(), ChatChunk.ReasoningDelta.class);
    int firstText =
        listener
            .chunks()
            .indexOf(
                listener.chunks().stream()
                    .filter(c -> c instanceof ChatChunk.TextDelta)
                    .findFirst()
                    .orElseThrow());
    assertThat(lastThought).isLessThan(firstText);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_parallelTools_areAppendedAsWholeCallsWithTheirIds(Feed feed) throws Exception {
    server.enqueue(OllamaResponses.ndjson(text("chat-tools-parallel.stream.ndjson"), feed));
    JsonNode expected = fixture("chat-tools-parallel.stream.expected.json");
    RecordingStreamListener listener = new RecordingStreamListener();

    ChatResponse response =
        streamed(
            ChatRequest.builder()
                .model("qwen3")
                .addMessage(
                    ChatMessage.user(
                        "What are the current weather conditions and temperature in New York and"
                            + " London?"))
                .addTool(OllamaChatTest.tool("chat-tools-parallel.request.json", 0))
                .addTool(OllamaChatTest.tool("chat-tools-parallel.request.json", 1))
                .build(),
            listener);

    assertSameRequest(sent("/api/chat"), fixture("chat-tools-parallel.request.json"));
    List<ToolCall> calls = new ArrayList<>();
    List<ChatChunk> deltas = new ArrayList<>();
    int position = 0;
    for (JsonNode call : expected.get("tool_calls")) {
      ToolCall c =
          ToolCall.of(
              call.get("id").asText(),
              call.at("/function/name").asText(),
              call.at("/function/arguments").toString());
      calls.add(c);
      deltas.add(ChatChunk.toolCall(position++, c.id(), c.name(), c.arguments()));
    }
    assertThat(response.toolCalls()).containsExactlyElementsOf(calls);
    assertThat(listener.chunks().stream().filter(c -> c instanceof ChatChunk.ToolCallDelta))
        .containsExactlyElementsOf(deltas);
    assertThat(response.reasoning()).contains(expected.get("thinking").asText());
    assertThat(response.text()).isEqualTo(expected.get("content").asText());
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_toolCallWithoutId_getsAStableGeneratedId(Feed feed) throws Exception {
    server.enqueue(OllamaResponses.ndjson(text("chat-tools.stream.ndjson"), feed));
    RecordingStreamListener listener = new RecordingStreamListener();

    ChatResponse response =
        streamed(
            ChatRequest.builder()
                .addMessage(ChatMessage.user("what is the weather in tokyo?"))
                .addTool(OllamaChatTest.WEATHER)
                .build(),
            listener);

    assertSameRequest(sent("/api/chat"), fixture("chat-tools.request.json"));
    ToolCall call = ToolCall.of("call_0", "get_weather", "{\"city\":\"Tokyo\"}");
    assertThat(response.toolCalls()).containsExactly(call);
    assertThat(listener.chunks())
        .contains(ChatChunk.toolCall(0, "call_0", "get_weather", "{\"city\":\"Tokyo\"}"));
    assertThat(response.usage()).isEqualTo(new TokenUsage(169, 15));
  }

  @Test
  void stream_optionsAndKeepAlive_areSentWhereOllamaReadsThem() throws Exception {
    provider.close();
    provider = OllamaTestSupport.builderFor(server).model("llama3.2").keepAlive("10m").build();
    server.enqueue(OllamaResponses.ndjson(text("chat.stream.ndjson"), Feed.WHOLE));
    RecordingStreamListener listener = new RecordingStreamListener();

    streamed(
        ChatRequest.builder()
            .addMessage(ChatMessage.user("Hello!"))
            .seed(101)
            .temperature(0)
            .maxOutputTokens(256)
            .topP(0.9)
            .stop(List.of("\n", "user:"))
            .providerOption("num_ctx", 8192)
            .providerOption("top_k", 20)
            .build(),
        listener);

    assertSameRequest(sent("/api/chat"), fixture("chat-options-keepalive.request.json"));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void streamCompletion_generateExample_deltasAddUp(Feed feed) throws Exception {
    server.enqueue(OllamaResponses.ndjson(text("generate.stream.ndjson"), feed));
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.streamCompletion(
        CompletionRequest.builder("Why is the sky blue?", "").build(), listener);
    ChatResponse response = listener.awaitResponse(10, TimeUnit.SECONDS);

    JsonNode sent = sent("/api/generate");
    assertSameRequest(sent, fixture("generate.request.json"));
    assertThat(response.text()).isEqualTo("The sky appears blue because of Rayleigh scattering.");
    assertThat(listener.text()).isEqualTo(response.text());
    assertThat(response.usage()).isEqualTo(new TokenUsage(26, 259));
    assertThat(listener.terminalCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void streamCompletion_midstreamErrorLine_failsOnceAfterTheDeltas(Feed feed) throws Exception {
    server.enqueue(OllamaResponses.ndjson(text("error-midstream.stream.ndjson"), feed));
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.streamCompletion(CompletionRequest.builder("Is it?", "").build(), listener);
    CodexException error = listener.awaitError(10, TimeUnit.SECONDS);

    assertThat(error)
        .isInstanceOfSatisfying(
            ProviderStreamException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("an error was encountered while running the model")
                  .contains("ollama");
              assertThat(e.eventsDelivered()).isEqualTo(4);
            });
    assertThat(listener.text()).isEqualTo(" Yes.Ican");
    listener.assertSettled(100, TimeUnit.MILLISECONDS);
    take(server);
  }

  /** RELIABILITY 11, as written: three content lines, then the error line, under HTTP 200. */
  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_threeLinesThenErrorLine_onErrorOnceNeverOnComplete(Feed feed) throws Exception {
    String body =
        OllamaResponses.line("The")
            + "\n"
            + OllamaResponses.line(" sky")
            + "\n"
            + OllamaResponses.line(" is")
            + "\n"
            + "{\"error\":\"an error was encountered while running the model\"}\n";
    server.enqueue(OllamaResponses.ndjson(body, feed));
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.stream(ChatRequest.of("why is the sky blue?"), listener);

    assertThat(listener.awaitError(10, TimeUnit.SECONDS))
        .isInstanceOf(ProviderStreamException.class)
        .hasMessageContaining("an error was encountered while running the model");
    listener.assertSettled(100, TimeUnit.MILLISECONDS);
    assertThat(listener.text()).isEqualTo("The sky is");
    take(server);
  }

  private static int lastIndex(List<ChatChunk> chunks, Class<?> type) {
    int last = -1;
    for (int i = 0; i < chunks.size(); i++) {
      if (type.isInstance(chunks.get(i))) {
        last = i;
      }
    }
    return last;
  }
}
