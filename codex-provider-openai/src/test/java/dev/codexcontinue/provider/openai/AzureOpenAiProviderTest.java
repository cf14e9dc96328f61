package dev.codexcontinue.provider.openai;

import static dev.codexcontinue.provider.openai.ProviderTestSupport.assertValidChatBody;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.assertValidEmbeddingBody;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.body;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.json;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.take;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.EmbeddingRequest;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.RateLimitException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingSleeper;
import dev.codexcontinue.provider.openai.OpenAiResponses.Feed;
import dev.codexcontinue.provider.openai.ProviderTestSupport.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Azure OpenAI against every Azure fixture: URL forms, auth, content filters, errors. */
@Timeout(30)
final class AzureOpenAiProviderTest {
  private static final List<ChatMessage> PIRATE =
      List.of(
          ChatMessage.system("you are a helpful assistant that talks like a pirate"),
          ChatMessage.user("can you tell me how to care for a parrot?"));

  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private AzureOpenAiProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = azure(b -> b.apiKey("azure-test-key").apiVersion("2024-10-21"));
  }

  private AzureOpenAiProvider azure(UnaryOperator<AzureOpenAiProvider.Builder> config) {
    if (provider != null) {
      provider.close();
    }
    return config
        .apply(
            AzureOpenAiProvider.builder()
                .endpoint(server.url("/").toString())
                .deployment("my-gpt-4o")
                .embeddingDeployment("my-text-embedding-3-small")
                .sleeper(sleeper))
        .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @Test
  void chat_deploymentsFormWithKey_matchesTheRequestFixture() {
    server.enqueue(
        OpenAiResponses.json(
            200, text("azure-openai/chat-completion-content-filter.response.json")));

    provider.chat(ChatRequest.builder().messages(PIRATE).build());

    assertRequestMatches(take(server), "azure-openai/request-deployments-api-key.http");
  }

  @Test
  void chat_deploymentsFormWithEntraToken_sendsTheBearerToken() {
    provider = azure(b -> b.bearerToken(() -> Secret.of("entra-token")).apiVersion("2024-10-21"));
    server.enqueue(
        OpenAiResponses.json(
            200, text("azure-openai/chat-completion-content-filter.response.json")));

    provider.chat(ChatRequest.builder().messages(PIRATE).build());

    RecordedRequest sent = take(server);
    assertRequestMatches(sent, "azure-openai/request-deployments-entra-token.http");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer entra-token");
    assertThat(sent.getHeaders().get("api-key")).isNull();
  }

  @Test
  void embed_deploymentsForm_matchesTheRequestFixture() {
    server.enqueue(OpenAiResponses.json(200, text("openai/embeddings.response.json")));

    provider.embed(EmbeddingRequest.of(List.of("This is a test.")));

    RecordedRequest sent = take(server);
    HttpMessages.Message expected =
        HttpMessages.read("azure-openai/request-deployments-embeddings.http");
    assertThat(sent.getTarget()).isEqualTo(expected.startLine().split(" ")[1]);
    assertThat(sent.getHeaders().get("api-key")).isEqualTo("azure-test-key");
    JsonNode sentBody = body(sent);
    // One input may go as a string or a one-element array: both are the same request.
    ObjectNode normalized = ((ObjectNode) sentBody.deepCopy());
    normalized.set("input", json("[" + sentBody.get("input") + "]"));
    normalized.remove("encoding_format");
    assertThat(normalized).isEqualTo(json(expected.body()));
    assertValidEmbeddingBody(sentBody);
  }

  @Test
  void chat_v1FormWithKey_matchesTheRequestFixture() {
    provider = azure(b -> b.apiKey("azure-test-key"));
    server.enqueue(
        OpenAiResponses.json(
            200, text("azure-openai/chat-completion-content-filter.response.json")));

    provider.chat(ChatRequest.builder().messages(PIRATE).build());

    assertRequestMatches(take(server), "azure-openai/request-v1-api-key.http");
  }

  @Test
  void stream_v1FormWithBearer_matchesTheRequestFixture() {
    provider =
        azure(
            b ->
                b.bearerToken(() -> Secret.of("entra-token"))
                    .urlStyle(AzureOpenAiProvider.UrlStyle.V1));
    server.enqueue(
        OpenAiResponses.sse(
            text("azure-openai/chat-completion-stream-default-filter.sse"), Feed.WHOLE));

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.builder().messages(PIRATE).build(), recorder);
    recorder.await();

    assertRequestMatches(take(server), "azure-openai/request-v1-bearer.http");
  }

  @Test
  void chat_contentFilterResults_areTypedData() {
    server.enqueue(
        OpenAiResponses.json(
            200, text("azure-openai/chat-completion-content-filter.response.json")));

    ChatResponse response = provider.chat(ChatRequest.builder().messages(PIRATE).build());

    assertThat(response.text()).startsWith("Ahoy matey!");
    ContentFilterResults completion = ContentFilterResults.ofCompletion(response).orElseThrow();
    assertThat(completion.hate()).contains(new ContentFilterResults.Severity(false, "safe"));
    assertThat(completion.protectedMaterialText())
        .contains(new ContentFilterResults.Detection(false, false));
    assertThat(completion.protectedMaterialCode())
        .contains(
            new ContentFilterResults.CodeCitation(
                false, true, "https://github.com/example-org/example-repo", "MIT"));
    assertThat(completion.isFiltered()).isFalse();
    List<ContentFilterResults> prompts = ContentFilterResults.ofPrompts(response);
    assertThat(prompts).hasSize(1);
    assertThat(prompts.get(0).jailbreak())
        .contains(new ContentFilterResults.Detection(false, false));
  }

  @Test
  void chat_blockedByBlocklist_returnsContentFilterFinishWithTheBlocklist() {
    server.enqueue(
        OpenAiResponses.json(
            200, text("azure-openai/chat-completion-blocked-blocklist.response.json")));

    ChatResponse response = provider.chat(ChatRequest.builder().messages(PIRATE).build());

    assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(response.text()).isEmpty();
    ContentFilterResults results = ContentFilterResults.ofCompletion(response).orElseThrow();
    assertThat(results.customBlocklists())
        .containsExactly(new ContentFilterResults.Blocklist(true, "myBlocklistName"));
    assertThat(results.isFiltered()).isTrue();
  }

  @Test
  void chat_blockedWithFailOnContentFilter_throwsTheTypedException() {
    provider =
        azure(b -> b.apiKey("azure-test-key").apiVersion("2024-10-21").failOnContentFilter(true));
    server.enqueue(
        OpenAiResponses.json(
            200, text("azure-openai/chat-completion-blocked-blocklist.response.json")));

    ContentFilterException e =
        catchThrowableOfType(
            ContentFilterException.class,
            () -> provider.chat(ChatRequest.builder().messages(PIRATE).build()));

    assertThat(e.isPromptFiltered()).isFalse();
    assertThat(e.results().orElseThrow().customBlocklists()).hasSize(1);
  }

  @Test
  void chat_promptBlocked400_isAContentFilterExceptionWithResults() {
    server.enqueue(
        OpenAiResponses.json(400, text("azure-openai/error-400-content-filter-prompt.json")));

    ContentFilterException e =
        catchThrowableOfType(
            ContentFilterException.class,
            () -> provider.chat(ChatRequest.builder().messages(PIRATE).build()));

    assertThat(e).isInstanceOf(InvalidRequestException.class);
    assertThat(e.isPromptFiltered()).isTrue();
    assertThat(e.errorCode()).contains("content_filter");
    assertThat(e.results().orElseThrow().jailbreak())
        .contains(new ContentFilterResults.Detection(true, true));
    assertThat(e.isRetryable()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_defaultFilter_assemblesTextAndKeepsPromptResults(Feed feed) {
    server.enqueue(
        OpenAiResponses.sse(text("azure-openai/chat-completion-stream-default-filter.sse"), feed));

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.builder().messages(PIRATE).build(), recorder);
    ChatResponse response = recorder.await().response();

    assertThat(response.text()).isEqualTo("Color is a visual perception.");
    assertThat(response.id()).contains("chatcmpl-7rCNsVeZy0PGnX3H6jK8STps5nZUY");
    assertThat(response.model()).contains("gpt-35-turbo");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(ContentFilterResults.ofPrompts(response)).hasSize(1);
    assertThat(ContentFilterResults.ofCompletion(response).orElseThrow().violence())
        .contains(new ContentFilterResults.Severity(false, "safe"));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_asyncFilter_keepsReadingAnnotationsAfterTheFinishChunk(Feed feed) {
    server.enqueue(
        OpenAiResponses.sse(text("azure-openai/chat-completion-stream-async-filter.sse"), feed));

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.builder().messages(PIRATE).build(), recorder);
    ChatResponse response = recorder.await().response();

    assertThat(response.text()).isEqualTo("Color is a");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.id()).contains("chatcmpl-7rCNsVeZy0PGnX3H6jK8STps5nZUY");
    assertThat(response.providerData().get("content_filter_offsets").toString())
        .contains("check_offset=506");
    assertThat(ContentFilterResults.ofPrompts(response)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void stream_asyncFilterBlocked_endsWithContentFilterAfterTheText(Feed feed) {
    server.enqueue(
        OpenAiResponses.sse(
            text("azure-openai/chat-completion-stream-async-filter-blocked.sse"), feed));

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.builder().messages(PIRATE).build(), recorder);
    ChatResponse response = recorder.await().response();

    assertThat(recorder.text()).isEqualTo("Hey Jude");
    assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(ContentFilterResults.ofCompletion(response).orElseThrow().protectedMaterialText())
        .contains(new ContentFilterResults.Detection(true, true));
  }

  @Test
  void stream_asyncFilterBlockedWithFailOnContentFilter_failsOnce() {
    provider =
        azure(b -> b.apiKey("azure-test-key").apiVersion("2024-10-21").failOnContentFilter(true));
    server.enqueue(
        OpenAiResponses.sse(
            text("azure-openai/chat-completion-stream-async-filter-blocked.sse"), Feed.WHOLE));

    Recorder recorder = new Recorder();
    provider.stream(ChatRequest.builder().messages(PIRATE).build(), recorder);
    recorder.await();

    assertThat(recorder.error).isInstanceOf(ContentFilterException.class);
    assertThat(recorder.terminals.get()).isEqualTo(1);
  }

  @Test
  void chat_azure429_prefersRetryAfterMsAndCarriesTheApimRequestId() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(HttpMessages.response("azure-openai/error-429-rate-limit.http"));
    }

    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> provider.chat(ChatRequest.of("hi")));

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(6), Duration.ofSeconds(6));
    assertThat(e.errorCode()).contains("429");
    assertThat(e.requestId()).contains("3f5ce7a1-7c1b-4f39-9d7e-2f1a0b6c8d90");
    assertThat(e.getMessage()).contains("exceeded token rate limit");
  }

  @Test
  void chat_azure429BodyWithoutHeaders_isARateLimitWithTheStringCode() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(OpenAiResponses.json(429, text("azure-openai/error-429-rate-limit.json")));
    }

    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> provider.chat(ChatRequest.of("hi")));

    assertThat(e.errorCode()).contains("429");
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.isRetryable()).isTrue();
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void chat_azureGatewayErrors_mapByStatusWithStringCodes() {
    server.enqueue(OpenAiResponses.json(401, text("azure-openai/error-401-invalid-key.json")));
    server.enqueue(
        OpenAiResponses.json(404, text("azure-openai/error-404-deployment-not-found.json")));

    AuthenticationException auth =
        catchThrowableOfType(
            AuthenticationException.class, () -> provider.chat(ChatRequest.of("hi")));
    InvalidRequestException missing =
        catchThrowableOfType(
            InvalidRequestException.class, () -> provider.chat(ChatRequest.of("hi")));

    assertThat(auth.errorCode()).contains("401");
    assertThat(missing.errorCode()).contains("DeploymentNotFound");
  }

  @Test
  void models_deploymentsForm_listsThroughTheResourcePath() {
    server.enqueue(OpenAiResponses.json(200, "{\"data\":[{\"id\":\"gpt-4o\"}]}"));

    assertThat(provider.models()).extracting(m -> m.id()).containsExactly("gpt-4o");

    assertThat(take(server).getTarget()).isEqualTo("/openai/models?api-version=2024-10-21");
  }

  private static void assertRequestMatches(RecordedRequest sent, String fixture) {
    HttpMessages.Message expected = HttpMessages.read(fixture);
    String[] start = expected.startLine().split(" ");
    assertThat(sent.getMethod()).isEqualTo(start[0]);
    assertThat(sent.getTarget()).isEqualTo(start[1]);
    if (expected.header("api-key") != null) {
      assertThat(sent.getHeaders().get("api-key")).isEqualTo("azure-test-key");
      assertThat(sent.getHeaders().get("Authorization")).isNull();
    } else {
      assertThat(sent.getHeaders().get("Authorization")).startsWith("Bearer ");
      assertThat(sent.getHeaders().get("api-key")).isNull();
    }
    assertThat(body(sent)).isEqualTo(json(expected.body()));
    assertValidChatBody(body(sent));
  }
}
