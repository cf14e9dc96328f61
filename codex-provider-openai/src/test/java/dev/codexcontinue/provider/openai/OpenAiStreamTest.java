package dev.codexcontinue.provider.openai;

import static dev.codexcontinue.provider.openai.ProviderTestSupport.assertValidChatBody;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.body;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.fixture;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.take;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.IncompleteStreamException;
import dev.codexcontinue.api.exception.ProviderStreamException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingSleeper;
import dev.codexcontinue.provider.openai.OpenAiResponses.Feed;
import dev.codexcontinue.provider.openai.ProviderTestSupport.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Streaming against every OpenAI stream fixture, fed whole, byte by byte and throttled. */
@Timeout(30)
final class OpenAiStreamTest {
  private final MockWebServer server = new MockWebServer();
  private OpenAiProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = provider(true);
  }

  private OpenAiProvider provider(boolean includeUsage) {
    return OpenAiProvider.builder()
        .apiKey("sk-test-key")
        .baseUrl(server.url("/v1").toString())
        .model("gpt-4o-mini")
        .includeUsage(includeUsage)
        .readTimeout(Duration.ofSeconds(5))
        .sleeper(new RecordingSleeper())
        .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  static Stream<Arguments> fixtures() {
    List<Arguments> all = new ArrayList<>();
    for (String name :
        List.of(
            "chat-completion-stream-content",
            "chat-completion-stream-usage",
            "chat-completion-stream-tools-parallel",
            "chat-completion-stream-tools-interleaved.synthetic")) {
      for (Feed feed : Feed.values()) {
        all.add(Arguments.of(name, feed));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("fixtures")
  void stream_fixture_assemblesTheExpectedResult(String name, Feed feed) {
    server.enqueue(OpenAiResponses.sse(text("openai/" + name + ".sse"), feed));
    JsonNode expected = fixture("openai/" + name + ".expected.json");

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.of("Hello!"), recorder);
    ChatResponse response = recorder.await().response();

    assertThat(recorder.terminals.get()).isEqualTo(1);
    assertThat(response.finishReason())
        .isEqualTo(FinishReason.of(expected.get("finish_reason").asText()));
    String content = expected.path("content").isNull() ? "" : expected.path("content").asText("");
    assertThat(response.text()).isEqualTo(content);
    assertThat(recorder.text()).isEqualTo(content);
    if (expected.hasNonNull("id")) {
      assertThat(response.id()).contains(expected.get("id").asText());
      assertThat(response.model()).contains(expected.get("model").asText());
    }
    JsonNode usage = expected.path("usage");
    if (usage.isObject()) {
      TokenUsage tokens =
          new TokenUsage(
              usage.get("prompt_tokens").asInt(), usage.get("completion_tokens").asInt());
      assertThat(response.usage()).isEqualTo(tokens);
      assertThat(recorder.chunks).contains(new ChatChunk.UsageDelta(tokens));
    } else {
      assertThat(response.usage()).isEqualTo(TokenUsage.ZERO);
    }
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : expected.path("tool_calls")) {
      calls.add(
          ToolCall.of(
              call.get("id").asText(),
              call.at("/function/name").asText(),
              call.at("/function/arguments").asText()));
      if (call.has("parsed_arguments")) {
        assertThat(ProviderTestSupport.json(call.at("/function/arguments").asText()))
            .isEqualTo(call.get("parsed_arguments"));
      }
    }
    assertThat(response.toolCalls()).containsExactlyElementsOf(calls);
  }

  @Test
  void stream_requestExample_sendsTheFixtureBodyWithoutUsageOption() {
    provider.close();
    provider = provider(false);
    server.enqueue(
        OpenAiResponses.sse(text("openai/chat-completion-stream-content.sse"), Feed.WHOLE));

    Recorder recorder = new Recorder();
    provider.stream(
        ChatRequest.builder()
            .addMessage(
                ChatMessage.builder(Role.of("developer"))
                    .text("You are a helpful assistant.")
                    .build())
            .addMessage(ChatMessage.user("Hello!"))
            .build(),
        recorder);
    recorder.await();

    JsonNode sent = body(take(server));
    assertThat(sent).isEqualTo(fixture("openai/chat-completion-stream.request.json"));
    assertValidChatBody(sent);
  }

  @Test
  void stream_usageExample_asksForUsageByDefault() {
    server.enqueue(OpenAiResponses.streamed());

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.of("Hello!"), recorder);
    recorder.await();

    JsonNode sent = body(take(server));
    assertThat(sent).isEqualTo(fixture("openai/chat-completion-stream-usage.request.json"));
    assertValidChatBody(sent);
  }

  @Test
  void stream_parallelToolsExample_sendsTheFixtureBody() {
    server.enqueue(
        OpenAiResponses.sse(text("openai/chat-completion-stream-tools-parallel.sse"), Feed.WHOLE));

    Recorder recorder = new Recorder();
    provider.stream(
        ChatRequest.builder()
            .model("gpt-4o-2024-08-06")
            .addMessage(ChatMessage.user("What's the weather in Boston and in Tokyo (celsius)?"))
            .addTool(OpenAiProviderTest.WEATHER)
            .parallelToolCalls(true)
            .build(),
        recorder);
    recorder.await();

    JsonNode sent = body(take(server));
    assertThat(sent)
        .isEqualTo(fixture("openai/chat-completion-stream-tools-parallel.request.json"));
    assertValidChatBody(sent);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_midstreamErrorPayload_failsOnceWithTheServerMessage(Feed feed) {
    server.enqueue(
        OpenAiResponses.sse(text("openai/chat-completion-stream-midstream-error.sse"), feed));

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.of("Hello!"), recorder);
    recorder.await();

    assertThat(recorder.terminals.get()).isEqualTo(1);
    assertThat(recorder.response).isNull();
    assertThat(recorder.error)
        .isInstanceOfSatisfying(
            ProviderStreamException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("The server had an error while processing your request");
              assertThat(e.details())
                  .hasValueSatisfying(d -> assertThat(d.errorType()).contains("server_error"));
              assertThat(e.eventsDelivered()).isEqualTo(1);
            });
    assertThat(recorder.text()).isEqualTo("Hel");
  }

  @Test
  void stream_eofWithoutDone_isIncompleteNotSuccess() {
    String full = text("openai/chat-completion-stream-usage.sse");
    server.enqueue(
        OpenAiResponses.sse(full.substring(0, full.indexOf("data: [DONE]")), Feed.WHOLE));

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.of("Hello!"), recorder);
    recorder.await();

    assertThat(recorder.error).isInstanceOf(IncompleteStreamException.class);
    assertThat(recorder.terminals.get()).isEqualTo(1);
  }

  @Test
  void stream_reasoningContent_isDeliveredApartFromTheAnswer() {
    server.enqueue(
        OpenAiResponses.sse(
            "data: {\"id\":\"r1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"Think \"}}]}\n\n"
                + "data: {\"id\":\"r1\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"more.\"}}]}\n\n"
                + "data: {\"id\":\"r1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"42\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n",
            Feed.WHOLE));

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.of("?"), recorder);
    ChatResponse response = recorder.await().response();

    assertThat(response.text()).isEqualTo("42");
    assertThat(response.reasoning()).contains("Think more.");
    assertThat(recorder.chunks)
        .contains(new ChatChunk.ReasoningDelta("Think "), new ChatChunk.ReasoningDelta("more."));
  }

  @Test
  void stream_listenerThrows_endsWithOneErrorAndClosesTheConnection() {
    server.enqueue(OpenAiResponses.streamed());
    Recorder recorder =
        new Recorder() {
          @Override
          public void onChunk(ChatChunk chunk) {
            throw new IllegalStateException("listener bug");
          }
        };

    provider.stream(ChatRequest.of("Hello!"), recorder);
    recorder.await();

    assertThat(recorder.error).isInstanceOf(dev.codexcontinue.api.exception.StreamException.class);
    assertThat(recorder.terminals.get()).isEqualTo(1);
  }

  @Test
  void cancel_stalledStream_endsWithCancelledAtOnce() {
    server.enqueue(OpenAiResponses.stalledStream());
    Recorder recorder = new Recorder();

    Cancellable handle = provider.stream(ChatRequest.of("Hello!"), recorder);
    LeakCheck.await(
        () -> !recorder.chunks.isEmpty() || recorder.terminals.get() > 0, Duration.ofSeconds(5));
    handle.cancel();

    assertThat(recorder.error).isInstanceOf(CancelledException.class);
    assertThat(recorder.terminals.get()).isEqualTo(1);
    assertThat(
            LeakCheck.await(
                () -> provider.transport().client().dispatcher().runningCallsCount() == 0,
                Duration.ofSeconds(1)))
        .isTrue();
  }

  @Test
  void chatAsync_cancel_cancelsTheHttpCall() throws Exception {
    server.enqueue(
        OpenAiResponses.plainText().newBuilder().headersDelay(10, TimeUnit.SECONDS).build());

    CompletableFuture<ChatResponse> future = provider.chatAsync(ChatRequest.of("Hello!"));
    take(server);
    future.cancel(true);

    assertThat(future).isCancelled();
    assertThat(
            LeakCheck.await(
                () -> provider.transport().client().dispatcher().runningCallsCount() == 0,
                Duration.ofSeconds(1)))
        .isTrue();
  }

  @Test
  void chatAsync_answer_completesWithTheResponse() throws Exception {
    server.enqueue(OpenAiResponses.plainText());

    ChatResponse response = provider.chatAsync(ChatRequest.of("Hello!")).get(5, TimeUnit.SECONDS);

    assertThat(response.text()).isEqualTo("Hello! How can I assist you today?");
  }
}
