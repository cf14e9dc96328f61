package dev.codexcontinue.provider.ollama;

import static dev.codexcontinue.provider.ollama.OllamaTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingSleeper;
import dev.codexcontinue.test.RecordingStreamListener;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ollama's {@code {"error": ...}} bodies, each error fixture, on every call shape. */
@Timeout(30)
final class OllamaErrorsTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private OllamaProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = OllamaTestSupport.builderFor(server).model("llama3.2").sleeper(sleeper).build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @Test
  void chat_404ModelNotFound_namesTheModelAndTheCommandThatPullsIt() {
    server.enqueue(OllamaResponses.json(404, text("error-404-model-not-found.json")));

    assertThatThrownBy(() -> provider.chat(ChatRequest.of("hi")))
        .isInstanceOfSatisfying(
            ModelNotFoundException.class,
            e -> {
              assertThat(e.model()).isEqualTo("llama3.2");
              assertThat(e.statusCode()).hasValue(404);
              assertThat(e.errorCode()).contains("model_not_found");
              assertThat(e.isRetryable()).isFalse();
            })
        .hasMessageContaining("model 'llama3.2' not found")
        .hasMessageContaining("ollama pull llama3.2")
        .hasMessageContaining("ollama");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stream_404ModelNotFound_endsWithOneOnError() throws Exception {
    server.enqueue(OllamaResponses.json(404, text("error-404-model-not-found.json")));
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.stream(ChatRequest.of("hi"), listener);

    assertThat(listener.awaitError(5, TimeUnit.SECONDS))
        .isInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("ollama pull llama3.2");
    listener.assertSettled(100, TimeUnit.MILLISECONDS);
  }

  @Test
  void completeAsync_olderServersMissingModelWording_isModelNotFoundToo() {
    server.enqueue(
        OllamaResponses.json(
            404, "{\"error\":\"model \\\"codellama:code\\\" not found, try pulling it first\"}"));

    assertThatThrownBy(
            () ->
                provider
                    .completeAsync(CompletionRequest.builder("a", "b").build())
                    .get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ModelNotFoundException.class, e -> assertThat(e.model()).isEqualTo("codellama:code"));
  }

  @Test
  void chat_400DoesNotSupportThinking_isAnInvalidRequestWithTheServersWords() {
    server.enqueue(OllamaResponses.json(400, text("error-400-does-not-support-thinking.json")));

    assertThatThrownBy(
            () ->
                provider.chat(
                    ChatRequest.builder()
                        .addMessage(ChatMessage.user("hi"))
                        .reasoningEffort("high")
                        .build()))
        .isInstanceOf(InvalidRequestException.class)
        .isNotInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("\"llama3.2\" does not support thinking")
        .hasMessageContaining("HTTP 400 from ollama");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void chat_400MissingBody_isAnInvalidRequest() {
    server.enqueue(OllamaResponses.json(400, text("error-400-missing-body.json")));

    assertThatThrownBy(() -> provider.chat(ChatRequest.of("hi")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("missing request body");
  }

  @Test
  void chat_500_isRetriedThenReportedAsUnavailable() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(OllamaResponses.json(500, text("error-500-generic.json")));
    }

    assertThatThrownBy(() -> provider.chat(ChatRequest.of("hi")))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("the model failed to generate a response");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void chat_500ThenSuccess_succeedsOnTheRetry() {
    server.enqueue(OllamaResponses.json(500, text("error-500-generic.json")));
    server.enqueue(OllamaResponses.fixture("chat-nostream.response.json"));

    assertThat(provider.chat(ChatRequest.of("hi")).text()).isEqualTo("Hello! How are you today?");
  }

  @Test
  void chat_errorObjectUnderHttp200_isAnErrorNotAnAnswer() {
    server.enqueue(OllamaResponses.json(200, text("error-500-generic.json")));

    assertThatThrownBy(() -> provider.chat(ChatRequest.of("hi")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("the model failed to generate a response");
  }

  @Test
  void chat_bodyThatIsNotJson_isMalformed() {
    server.enqueue(OllamaResponses.json(200, "<html>proxy error</html>"));

    CodexException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ProviderException.class, () -> provider.chat(ChatRequest.of("hi")));
    assertThat(e).hasMessageContaining("malformed response from ollama");
  }

  @Test
  void chat_toolCallWithoutName_isMalformed() {
    server.enqueue(
        OllamaResponses.json(
            200,
            "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[{\"function\":{\"arguments\":{}}}]},\"done\":true}"));

    assertThatThrownBy(() -> provider.chat(ChatRequest.of("hi")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("tool call 0 has no function name");
  }
}
