package dev.codexcontinue.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.api.exception.RateLimitException;
import dev.codexcontinue.api.exception.UnsupportedCapabilityException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every provider must show, checked the same way for all: chat (blocking and
 * asynchronous), streaming with exactly one terminal signal, tool calls, error mapping,
 * cancellation, and clear failures for missing capabilities.
 *
 * <p>A provider module extends this class and arranges its server (usually MockWebServer) in the
 * {@code given*} hooks, each of which scripts the answer to the next call. Retries must not hide
 * the scripted errors: configure the provider with no retries, or script the error often enough.
 *
 * <pre>{@code
 * final class OllamaProviderContractTest extends AbstractProviderContractTest {
 *   @Override protected Provider provider() { return provider; }
 *   @Override protected void givenTextReply(String text) { server.enqueue(...); }
 *   ...
 * }
 * }</pre>
 */
public abstract class AbstractProviderContractTest {
  /** The failure kinds every provider maps to the same exception types. */
  public enum ErrorKind {
    /** HTTP 401: {@link AuthenticationException}. */
    AUTHENTICATION(AuthenticationException.class),
    /** HTTP 429: {@link RateLimitException}. */
    RATE_LIMITED(RateLimitException.class),
    /** HTTP 400: {@link InvalidRequestException}. */
    INVALID_REQUEST(InvalidRequestException.class),
    /** HTTP 500 or 503: {@link ProviderUnavailableException}. */
    SERVER_ERROR(ProviderUnavailableException.class);

    private final Class<? extends CodexException> expected;

    ErrorKind(Class<? extends CodexException> expected) {
      this.expected = expected;
    }

    /** Returns the exception type this failure maps to. */
    public Class<? extends CodexException> expected() {
      return expected;
    }
  }

  /** Returns the provider under test, talking to the scripted server. */
  protected abstract Provider provider();

  /** Scripts the next call to answer {@code text} (streamed in several chunks when streaming). */
  protected abstract void givenTextReply(String text);

  /** Scripts the next call to answer with one call of {@code name} with JSON {@code arguments}. */
  protected abstract void givenToolCall(String id, String name, String arguments);

  /** Scripts the next call to fail as {@code kind}. */
  protected abstract void givenError(ErrorKind kind);

  /** Scripts the next stream to deliver at most one chunk and then stall until cancelled. */
  protected abstract void givenStalledStream();

  /** Returns the model name to put in requests. */
  protected String model() {
    return "test-model";
  }

  /** Returns a one-message request. */
  protected ChatRequest request(String text) {
    return ChatRequest.builder().model(model()).addMessage(ChatMessage.user(text)).build();
  }

  private ChatRequest toolRequest() {
    return ChatRequest.builder()
        .model(model())
        .addMessage(ChatMessage.user("What is the weather in Oslo?"))
        .addTool(
            new ToolSpec(
                "weather",
                "Current weather of a city",
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                    + "\"required\":[\"city\"]}"))
        .build();
  }

  @Test
  @Timeout(30)
  void chat_textReply_returnsAssistantText() {
    givenTextReply("Hello from the model");
    ChatResponse response = provider().chat(request("hi"));
    assertThat(response.text()).isEqualTo("Hello from the model");
    assertThat(response.message().role().value()).isEqualTo("assistant");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  @Timeout(30)
  void chatAsync_textReply_completesWithText() throws Exception {
    givenTextReply("async hello");
    assertThat(provider().chatAsync(request("hi")).get(5, TimeUnit.SECONDS).text())
        .isEqualTo("async hello");
  }

  @Test
  @Timeout(30)
  void stream_textReply_deltasAddUpAndEndWithOneCompletion() throws Exception {
    givenTextReply("Streaming works fine");
    RecordingStreamListener listener = new RecordingStreamListener();
    provider().stream(request("hi"), listener);
    ChatResponse response = listener.awaitResponse(5, TimeUnit.SECONDS);
    assertThat(listener.text()).isEqualTo("Streaming works fine");
    assertThat(response.text()).isEqualTo("Streaming works fine");
    listener.assertSettled(1, TimeUnit.SECONDS);
    assertThat(listener.terminalCount()).isEqualTo(1);
  }

  @Test
  @Timeout(30)
  void chat_toolCall_returnsTheCall() {
    givenToolCall("call_1", "weather", "{\"city\":\"Oslo\"}");
    ChatResponse response = provider().chat(toolRequest());
    assertThat(response.toolCalls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.name()).isEqualTo("weather");
              assertThat(call.arguments().replace(" ", "")).isEqualTo("{\"city\":\"Oslo\"}");
            });
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
  }

  @Test
  @Timeout(30)
  void stream_toolCall_isAssembledInTheResponse() throws Exception {
    givenToolCall("call_1", "weather", "{\"city\":\"Oslo\"}");
    RecordingStreamListener listener = new RecordingStreamListener();
    provider().stream(toolRequest(), listener);
    ChatResponse response = listener.awaitResponse(5, TimeUnit.SECONDS);
    ToolCall call = response.toolCalls().get(0);
    assertThat(call.name()).isEqualTo("weather");
    assertThat(call.arguments().replace(" ", "")).isEqualTo("{\"city\":\"Oslo\"}");
    assertThat(listener.chunks()).anyMatch(c -> c instanceof ChatChunk.ToolCallDelta);
    assertThat(listener.terminalCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  @Timeout(30)
  void chat_error_mapsToTheExceptionType(ErrorKind kind) {
    givenError(kind);
    assertThatThrownBy(() -> provider().chat(request("hi")))
        .isInstanceOf(kind.expected())
        .hasMessageContaining(provider().id());
  }

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  @Timeout(30)
  void stream_error_endsWithOneOnErrorOfTheType(ErrorKind kind) throws Exception {
    givenError(kind);
    RecordingStreamListener listener = new RecordingStreamListener();
    provider().stream(request("hi"), listener);
    assertThat(listener.awaitError(10, TimeUnit.SECONDS)).isInstanceOf(kind.expected());
    listener.assertSettled(1, TimeUnit.SECONDS);
    assertThat(listener.terminalCount()).isEqualTo(1);
  }

  @Test
  @Timeout(30)
  void stream_cancelWhileStalled_endsOnceWithCancelledAndNothingAfter() throws Exception {
    givenStalledStream();
    RecordingStreamListener listener = new RecordingStreamListener();
    Cancellable handle = provider().stream(request("hi"), listener);
    listener.awaitChunksOrIdle(1, 300, TimeUnit.MILLISECONDS);
    handle.cancel();
    assertThat(listener.awaitError(2, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    int chunksAtCancel = listener.chunks().size();
    handle.cancel();
    listener.assertSettled(500, TimeUnit.MILLISECONDS);
    assertThat(listener.chunks()).hasSize(chunksAtCancel);
    assertThat(listener.terminalCount()).isEqualTo(1);
  }

  @Test
  @Timeout(30)
  void chatAsync_cancel_cancelsTheCall() {
    givenStalledStream();
    CompletableFuture<ChatResponse> future = provider().chatAsync(request("hi"));
    future.cancel(true);
    assertThatThrownBy(() -> future.get(2, TimeUnit.SECONDS))
        .isInstanceOfAny(CancellationException.class, ExecutionException.class);
    assertThat(future.isDone()).isTrue();
  }

  @Test
  void capabilities_includeChatAndStreaming() {
    assertThat(provider().capabilities()).contains(Capability.CHAT, Capability.STREAMING);
    assertThat(provider().id()).isNotBlank();
  }

  @Test
  void missingCapabilities_failClearly() {
    Provider p = provider();
    assumeFalse(
        p.supports(Capability.EMBEDDINGS)
            && p.supports(Capability.CODE_COMPLETION)
            && p.supports(Capability.MODEL_LISTING),
        "the provider has every optional capability");
    if (!p.supports(Capability.EMBEDDINGS)) {
      assertThatThrownBy(() -> p.embed(EmbeddingRequest.of(List.of("x"))))
          .isInstanceOf(UnsupportedCapabilityException.class);
    }
    if (!p.supports(Capability.CODE_COMPLETION)) {
      assertThatThrownBy(() -> p.complete(CompletionRequest.builder("a", "b").build()))
          .isInstanceOf(UnsupportedCapabilityException.class);
    }
    if (!p.supports(Capability.MODEL_LISTING)) {
      assertThatThrownBy(p::models).isInstanceOf(UnsupportedCapabilityException.class);
    }
  }
}
