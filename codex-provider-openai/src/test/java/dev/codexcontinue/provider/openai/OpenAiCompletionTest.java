package dev.codexcontinue.provider.openai;

import static dev.codexcontinue.provider.openai.ProviderTestSupport.body;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.fixture;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.take;
import static dev.codexcontinue.provider.openai.ProviderTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RetryPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Code completion through the legacy completions API ({@code prompt} + {@code suffix}). */
@Timeout(30)
final class OpenAiCompletionTest {
  private static final String MODEL = "Qwen/Qwen2.5-Coder-1.5B";

  private final MockWebServer server = new MockWebServer();
  private OpenAiProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        OpenAiProvider.builder()
            .baseUrl(server.url("/v1").toString())
            .apiKey("sk-local")
            .model(MODEL)
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  private static CompletionRequest.Builder fib() {
    return CompletionRequest.builder(
            "def fib(n):\n    ", "\n        return fib(n - 1) + fib(n - 2)")
        .language("python");
  }

  private static void assertValidCompletionBody(JsonNode body) {
    assertThat(OpenApiSchemas.violations("CreateCompletionRequest", body.toString()))
        .as("CreateCompletionRequest violations")
        .isEmpty();
  }

  @Test
  void complete_prefixAndSuffix_sendsTheFixtureAndReadsTheAnswer() {
    server.enqueue(OpenAiResponses.json(200, text("openai/completion-fim.response.json")));

    CompletionResponse response =
        provider.complete(
            fib()
                .maxOutputTokens(64)
                .temperature(0.2)
                .seed(7)
                .stop(List.of("\n\n\n"))
                .user("user-1234")
                .build());

    assertThat(response.id()).isEqualTo("cmpl-7Qk2mZ3vN8yT1xW4eR6uI9oP");
    assertThat(response.choices())
        .containsExactly(new CompletionChoice(0, "if n <= 1:\n        return n"));
    assertThat(response.model()).contains(MODEL);
    assertThat(response.usage()).isEqualTo(new TokenUsage(21, 11));
    RecordedRequest sent = take(server);
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/completions");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-local");
    assertThat(body(sent)).isEqualTo(fixture("openai/completion-fim.request.json"));
    assertValidCompletionBody(body(sent));
  }

  @Test
  void complete_relatedCode_goesBeforeThePrefixAsCommentsInTheFilesLanguage() {
    server.enqueue(OpenAiResponses.json(200, text("openai/completion-fim.response.json")));
    server.enqueue(OpenAiResponses.json(200, text("openai/completion-fim.response.json")));

    provider.complete(
        fib()
            .filePath("src/fib.py")
            .addSnippet(
                CodeSnippet.of(CodeSnippet.Kind.DECLARATION, "src/memo.py", "def memo(f):\n"))
            .build());
    provider.complete(
        CompletionRequest.builder("int y = ", ";")
            .language("java")
            .addSnippet(
                CodeSnippet.of(CodeSnippet.Kind.CHANGED_FILE, "Util.java", "int twice(int x)\n{}")
                    .withScore(0.5))
            .build());

    JsonNode python = body(take(server));
    JsonNode java = body(take(server));
    assertThat(python.get("prompt").asText())
        .isEqualTo("# Path: src/memo.py\n# def memo(f):\n# Path: src/fib.py\ndef fib(n):\n    ");
    assertThat(java.get("prompt").asText())
        .isEqualTo("// Path: Util.java\n// int twice(int x)\n// {}\nint y = ");
    assertThat(java.get("max_tokens").asInt()).isEqualTo(128);
    assertValidCompletionBody(python);
    assertValidCompletionBody(java);
  }

  @Test
  void completeAsync_serverWithoutId_getsAnIdToReportAgainst() throws Exception {
    server.enqueue(
        OpenAiResponses.json(
            200,
            "{\"choices\":[{\"index\":1,\"text\":\"b\"},{\"index\":0,\"text\":\"a\"}],"
                + "\"usage\":{\"prompt_tokens\":3}}"));

    CompletionResponse response = provider.completeAsync(fib().build()).get(5, TimeUnit.SECONDS);

    assertThat(response.id()).startsWith("cmpl-").hasSizeGreaterThan(10);
    assertThat(response.choices())
        .containsExactly(new CompletionChoice(0, "a"), new CompletionChoice(1, "b"));
    assertThat(response.usage()).isEqualTo(new TokenUsage(3, 0));
  }

  @Test
  void complete_choiceWithoutText_isAMalformedResponse() {
    server.enqueue(OpenAiResponses.json(200, "{\"id\":\"x\",\"choices\":[{\"index\":0}]}"));

    assertThatThrownBy(() -> provider.complete(fib().build()))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("malformed response from openai: completion choice has no text");
  }

  @Test
  void complete_http401_isAnAuthenticationException() {
    server.enqueue(OpenAiResponses.error(401));

    assertThatThrownBy(() -> provider.complete(fib().build()))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void complete_completionModelAndPath_overrideTheDefaults() {
    server.enqueue(OpenAiResponses.json(200, text("openai/completion-fim.response.json")));
    try (OpenAiProvider custom =
        OpenAiProvider.builder()
            .baseUrl(server.url("/api").toString())
            .model("chat-model")
            .completionModel("fim-model")
            .completionsPath("/v1/completions")
            .build()) {
      custom.complete(fib().build());
    }

    RecordedRequest sent = take(server);
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/completions");
    assertThat(body(sent).get("model").asText()).isEqualTo("fim-model");
    assertThat(sent.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void complete_noModelAnywhere_isAConfigurationError() {
    try (OpenAiProvider noModel =
        OpenAiProvider.builder().baseUrl(server.url("/v1").toString()).build()) {
      assertThatThrownBy(() -> noModel.complete(fib().build()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("names no model");
      assertThat(noModel.capabilities()).contains(Capability.CODE_COMPLETION);
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
