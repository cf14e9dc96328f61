package dev.codexcontinue.provider.ollama;

import static dev.codexcontinue.provider.ollama.OllamaTestSupport.body;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.path;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Cancellable;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.test.RecordingStreamListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** num_ctx sizing from /api/show (cached), and truncation detection. */
@Timeout(30)
final class ContextWindowTest {
  /** About 5,000 tokens: with the answer's reserve, more than 4,096 and less than 8,192. */
  private static final String LONG = "word ".repeat(4000);

  private final MockWebServer server = new MockWebServer();
  private OllamaProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = provider(OllamaTestSupport.builderFor(server));
  }

  private OllamaProvider provider(OllamaProvider.Builder builder) {
    return builder.model("llama3.2").maxRetries(0).build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  private void replace(OllamaProvider.Builder builder) {
    provider.close();
    provider = provider(builder);
  }

  private JsonNode next(String expectedPath) {
    RecordedRequest request = take(server);
    assertThat(path(request)).isEqualTo(expectedPath);
    return body(request);
  }

  private static String answer(long promptEvalCount) {
    return "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
        + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":"
        + promptEvalCount
        + ",\"eval_count\":2}";
  }

  @Test
  void chat_longPrompt_asksShowOnceAndSetsNumCtxToThePowerOfTwoThatFits() {
    server.enqueue(OllamaResponses.fixture("show.response.json"));
    server.enqueue(OllamaResponses.json(200, answer(5010)));
    server.enqueue(OllamaResponses.json(200, answer(5010)));

    ChatResponse first = provider.chat(ChatRequest.of(LONG));
    provider.chat(ChatRequest.of(LONG));

    assertThat(next("/api/show").get("model").asText()).isEqualTo("llama3.2");
    assertThat(next("/api/chat").at("/options/num_ctx").asInt()).isEqualTo(8192);
    assertThat(next("/api/chat").at("/options/num_ctx").asInt()).isEqualTo(8192);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(first.providerData())
        .containsEntry("truncated", false)
        .containsEntry("num_ctx", 8192L)
        .containsKey("estimated_prompt_tokens");
    assertThat(PromptTruncation.of(first)).isEmpty();
  }

  @Test
  void chat_promptLongerThanTheModel_isCappedAtItsContextLengthAndReportedCut() {
    server.enqueue(OllamaResponses.fixture("show.response.json"));
    server.enqueue(OllamaResponses.json(200, answer(8192)));

    ChatResponse response = provider.chat(ChatRequest.of(LONG + LONG));

    next("/api/show");
    assertThat(next("/api/chat").at("/options/num_ctx").asInt()).isEqualTo(8192);
    PromptTruncation cut = PromptTruncation.of(response).orElseThrow();
    assertThat(cut.promptEvalCount()).isEqualTo(8192);
    assertThat(cut.numCtx()).isEqualTo(8192);
    assertThat(cut.estimatedPromptTokens()).isGreaterThan(8192);
  }

  @Test
  void chat_evaluatedFarBelowTheEstimateOfAnOverlongPrompt_isReportedCut() {
    replace(OllamaTestSupport.builderFor(server).numCtx(2048));
    server.enqueue(OllamaResponses.json(200, answer(1500)));

    ChatResponse response = provider.chat(ChatRequest.of(LONG));

    assertThat(next("/api/chat").at("/options/num_ctx").asInt()).isEqualTo(2048);
    assertThat(PromptTruncation.of(response))
        .hasValueSatisfying(t -> assertThat(t.promptEvalCount()).isEqualTo(1500));
  }

  @Test
  void chat_fewTokensEvaluatedOfAPromptThatFits_isNotCut() {
    // The server's cache serves a known prefix: it evaluates only what is new.
    server.enqueue(OllamaResponses.fixture("show.response.json"));
    server.enqueue(OllamaResponses.json(200, answer(40)));

    ChatResponse response = provider.chat(ChatRequest.of(LONG));

    assertThat(PromptTruncation.of(response)).isEmpty();
    assertThat(response.providerData()).containsEntry("truncated", false);
  }

  @Test
  void chat_shortPrompt_leavesTheServerDefaultAndAsksNothing() {
    server.enqueue(OllamaResponses.json(200, answer(12)));

    provider.chat(ChatRequest.of("hi"));

    assertThat(next("/api/chat").has("options")).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void chat_callersNumCtx_winsAndAsksNothing() {
    server.enqueue(OllamaResponses.json(200, answer(12)));

    provider.chat(
        ChatRequest.builder()
            .addMessage(dev.codexcontinue.api.ChatMessage.user(LONG))
            .providerOption("options", java.util.Map.of("num_ctx", 32768))
            .build());

    assertThat(next("/api/chat").at("/options/num_ctx").asInt()).isEqualTo(32768);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void chat_modelMaximum_setsTheFullLengthEvenForShortPrompts() {
    replace(OllamaTestSupport.builderFor(server).contextSizing(ContextSizing.MODEL_MAXIMUM));
    server.enqueue(OllamaResponses.fixture("show.response.json"));
    server.enqueue(OllamaResponses.json(200, answer(12)));

    provider.chat(ChatRequest.of("hi"));

    next("/api/show");
    assertThat(next("/api/chat").at("/options/num_ctx").asInt()).isEqualTo(8192);
  }

  @Test
  void chat_serverDefault_neverSetsNumCtx() {
    replace(OllamaTestSupport.builderFor(server).contextSizing(ContextSizing.SERVER_DEFAULT));
    server.enqueue(OllamaResponses.json(200, answer(2048)));

    ChatResponse response = provider.chat(ChatRequest.of(LONG));

    assertThat(next("/api/chat").has("options")).isFalse();
    assertThat(response.providerData())
        .containsEntry("truncated", false)
        .doesNotContainKey("num_ctx");
  }

  @Test
  void chat_showFails_sizesWithoutTheModelLength() {
    server.enqueue(OllamaResponses.json(500, "{\"error\":\"boom\"}"));
    server.enqueue(OllamaResponses.json(200, answer(5010)));

    provider.chat(ChatRequest.of(LONG));

    next("/api/show");
    assertThat(next("/api/chat").at("/options/num_ctx").asInt()).isEqualTo(8192);
  }

  @Test
  void chat_showSaysModelMissing_failsWithoutCallingChat() {
    server.enqueue(
        OllamaResponses.json(404, OllamaTestSupport.text("error-404-model-not-found.json")));

    assertThatThrownBy(() -> provider.chat(ChatRequest.of(LONG)))
        .isInstanceOf(ModelNotFoundException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void chatAsync_longPrompt_asksShowWithoutBlockingThenCalls() throws Exception {
    server.enqueue(OllamaResponses.fixture("show.response.json"));
    server.enqueue(OllamaResponses.json(200, answer(5010)));

    ChatResponse response = provider.chatAsync(ChatRequest.of(LONG)).get(5, TimeUnit.SECONDS);

    assertThat(response.text()).isEqualTo("ok");
    next("/api/show");
    assertThat(next("/api/chat").at("/options/num_ctx").asInt()).isEqualTo(8192);
  }

  @Test
  void stream_longPrompt_asksShowThenStreams() throws Exception {
    server.enqueue(OllamaResponses.fixture("show.response.json"));
    server.enqueue(OllamaResponses.chatStream("fine thanks"));
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.stream(ChatRequest.of(LONG), listener);

    assertThat(listener.awaitResponse(5, TimeUnit.SECONDS).text()).isEqualTo("fine thanks");
    listener.assertSettled(100, TimeUnit.MILLISECONDS);
    next("/api/show");
    assertThat(next("/api/chat").at("/options/num_ctx").asInt()).isEqualTo(8192);
  }

  @Test
  void stream_cancelWhileShowIsPending_endsOnceAndNeverCalls() throws Exception {
    server.enqueue(
        OllamaResponses.fixture("show.response.json")
            .newBuilder()
            .headersDelay(5, TimeUnit.SECONDS)
            .build());
    RecordingStreamListener listener = new RecordingStreamListener();

    Cancellable handle = provider.stream(ChatRequest.of(LONG), listener);
    next("/api/show");
    handle.cancel();

    assertThat(listener.awaitError(1, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    listener.assertSettled(200, TimeUnit.MILLISECONDS);
    assertThat(
            LeakCheck.await(
                () -> provider.transport().client().dispatcher().runningCallsCount() == 0,
                Duration.ofSeconds(1)))
        .isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void chatAsync_cancelWhileShowIsPending_cancelsBoth() {
    server.enqueue(
        OllamaResponses.fixture("show.response.json")
            .newBuilder()
            .headersDelay(5, TimeUnit.SECONDS)
            .build());

    var future = provider.chatAsync(ChatRequest.of(LONG));
    next("/api/show");
    future.cancel(true);

    assertThat(future).isCancelled();
    assertThat(
            LeakCheck.await(
                () -> provider.transport().client().dispatcher().runningCallsCount() == 0,
                Duration.ofSeconds(1)))
        .isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
