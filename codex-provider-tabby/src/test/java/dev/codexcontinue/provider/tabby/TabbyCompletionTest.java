package dev.codexcontinue.provider.tabby;

import static dev.codexcontinue.provider.tabby.TabbyTestSupport.TOKEN;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.body;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.fixture;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.jsonResponse;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.api.exception.RateLimitException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingSleeper;
import dev.codexcontinue.provider.tabby.TabbyTestSupport.HttpMessage;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /v1/completions} against the Tabby fixtures, in both directions. */
@Timeout(30)
final class TabbyCompletionTest {
  static final String FIB_PREFIX = "def fib(n):\n    ";
  static final String FIB_SUFFIX = "\n        return fib(n - 1) + fib(n - 2)";

  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private TabbyProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        TabbyProvider.builder()
            .endpoint(server.url("/").toString())
            .token(TOKEN)
            .sleeper(sleeper)
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  private static CompletionRequest minimal() {
    return CompletionRequest.builder(FIB_PREFIX, FIB_SUFFIX).language("python").build();
  }

  private static void assertValidRequest(JsonNode sent) {
    assertThat(TabbyOpenApi.violations("CompletionRequest", sent.toString()))
        .as("CompletionRequest violations")
        .isEmpty();
  }

  @Test
  void complete_minimalRequest_sendsTheFixtureWithItsHeadersAndReadsTheAnswer() {
    server.enqueue(jsonResponse("completion.response.json"));

    CompletionResponse response = provider.complete(minimal());

    assertThat(response.id()).isEqualTo("cmpl-4d2f7b5a-9e0c-4a31-8f65-1b7c3e9d2a10");
    assertThat(response.choices())
        .containsExactly(new CompletionChoice(0, "if n <= 1:\n        return n"));
    RecordedRequest sent = take(server);
    HttpMessage expected = HttpMessage.read("completion.request.http");
    assertThat(sent.getMethod() + " " + sent.getUrl().encodedPath() + " HTTP/1.1")
        .isEqualTo(expected.startLine());
    for (String header : new String[] {"authorization", "content-type", "accept"}) {
      assertThat(sent.getHeaders().get(header))
          .as(header)
          .startsWith(expected.headers().get(header));
    }
    assertThat(body(sent)).isEqualTo(TabbyTestSupport.json(expected.body()));
    assertThat(body(sent)).isEqualTo(fixture("completion-minimal.request.json"));
    assertValidRequest(body(sent));
  }

  @Test
  void complete_everySegment_sendsTheFullFixture() {
    server.enqueue(jsonResponse("completion.response.json"));
    CompletionRequest request =
        CompletionRequest.builder("import math\n\ndef area(radius):\n    ", "\n\nprint(area(2))\n")
            .language("python")
            .filePath("src/geometry/circle.py")
            .gitUrl("https://github.com/example-org/geometry.git")
            .addSnippet(
                CodeSnippet.of(
                    CodeSnippet.Kind.DECLARATION,
                    "src/geometry/constants.py",
                    "TAU = 2 * math.pi\n"))
            .addSnippet(
                CodeSnippet.of(
                    CodeSnippet.Kind.DECLARATION,
                    "file:///usr/lib/python3.12/math.pyi",
                    "pi: float\n"))
            .addSnippet(
                CodeSnippet.of(
                        CodeSnippet.Kind.CHANGED_FILE,
                        "src/geometry/square.py",
                        "def area(side):\n    return side * side\n")
                    .withScore(0.82))
            .addSnippet(
                CodeSnippet.of(
                        CodeSnippet.Kind.CHANGED_FILE,
                        "src/geometry/triangle.py",
                        "def area(base, height):\n    return 0.5 * base * height\n")
                    .withScore(0.61))
            .addSnippet(
                CodeSnippet.of(
                        CodeSnippet.Kind.RECENT_FILE,
                        "tests/test_circle.py",
                        "assert area(1) == math.pi\n")
                    .withScore(0.44))
            .clipboard("math.pi * radius ** 2")
            .user("user-1234")
            .temperature(0.1)
            .seed(42)
            .providerOption("mode", "standard")
            .build();

    provider.complete(request);

    JsonNode sent = body(take(server));
    assertThat(sent).isEqualTo(fixture("completion-full.request.json"));
    assertValidRequest(sent);
  }

  @Test
  void completeDetailed_debugOptions_sendsThemAndReadsTheDebugData() {
    server.enqueue(jsonResponse("completion-debug.response.json"));
    CompletionRequest request =
        CompletionRequest.builder(FIB_PREFIX, "")
            .language("python")
            .providerOption(
                "debug_options",
                Map.of(
                    "raw_prompt", "<PRE> def fib(n):\n     <SUF>\n<MID>",
                    "return_snippets", true,
                    "return_prompt", true,
                    "disable_retrieval_augmented_code_completion", false))
            .build();

    TabbyCompletion completion = provider.completeDetailed(request);

    assertThat(completion.mode()).isEqualTo("standard");
    assertThat(completion.debugPrompt()).contains("<PRE> def fib(n):\n     <SUF>\n<MID>");
    assertThat(completion.debugSnippets())
        .containsExactly(
            CodeSnippet.of(
                    CodeSnippet.Kind.OTHER,
                    "src/fib_utils.py",
                    "def fib_memo(n, memo={}):\n    ...\n")
                .withScore(0.71));
    assertThat(completion.response().text()).isEqualTo("if n <= 1:\n        return n");
    JsonNode sent = body(take(server));
    assertThat(sent).isEqualTo(fixture("completion-debug.request.json"));
    assertValidRequest(sent);
  }

  @Test
  void completeDetailed_specExampleWithoutMode_defaultsToStandard() {
    server.enqueue(jsonResponse("completion-spec-example.response.json"));

    TabbyCompletion completion = provider.completeDetailed(minimal());

    assertThat(completion.mode()).isEqualTo("standard");
    assertThat(completion.response().id()).isEqualTo("string");
    assertThat(completion.response().text()).isEqualTo("string");
    assertThat(completion.debugPrompt()).isEmpty();
    assertThat(completion.debugSnippets()).isEmpty();
  }

  @Test
  void completeAsync_answer_completesOnTheTransport() throws Exception {
    server.enqueue(jsonResponse("completion.response.json"));

    CompletionResponse response = provider.completeAsync(minimal()).get(5, TimeUnit.SECONDS);

    assertThat(response.text()).isEqualTo("if n <= 1:\n        return n");
    assertThat(take(server).getUrl().encodedPath()).isEqualTo("/v1/completions");
  }

  @Test
  void complete_http400EmptyBody_isAClearInvalidRequestAndNotRetried() {
    server.enqueue(HttpMessage.read("error-400-completion.response.http").toResponse());

    assertThatThrownBy(() -> provider.complete(minimal()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("HTTP 400 from tabby (empty body)")
        .hasMessageContaining("could not complete this request");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void complete_http401EmptyBody_saysToSetTheToken() {
    server.enqueue(HttpMessage.read("error-401.response.http").toResponse());

    assertThatThrownBy(() -> provider.complete(minimal()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("TABBY_TOKEN")
        .hasMessageNotContaining(TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void complete_http429EmptyBody_isRetriedThenARateLimit() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(HttpMessage.read("error-429.response.http").toResponse());
    }

    assertThatThrownBy(() -> provider.complete(minimal()))
        .isInstanceOf(RateLimitException.class)
        .hasMessageContaining("rate limit")
        .satisfies(e -> assertThat(((RateLimitException) e).isRetryable()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void complete_malformedAnswer_isAProviderExceptionNamingTheProblem() {
    server.enqueue(new MockResponse.Builder().body("{\"choices\":[]}").build());
    server.enqueue(new MockResponse.Builder().body("not json").build());

    assertThatThrownBy(() -> provider.complete(minimal()))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("malformed response from tabby: the completion has no id");
    assertThatThrownBy(() -> provider.complete(minimal()))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void openApi_rejectsBodiesThatBreakTheSchema() {
    assertThat(TabbyOpenApi.violations("CompletionRequest", "{\"segments\":{\"suffix\":\"x\"}}"))
        .isNotEmpty();
    assertThat(
            TabbyOpenApi.violations(
                "CompletionRequest", "{\"segments\":{\"prefix\":\"x\"},\"seed\":-1}"))
        .isNotEmpty();
    assertThat(
            TabbyOpenApi.violations(
                "CompletionRequest",
                "{\"segments\":{\"prefix\":\"x\",\"relevant_snippets_from_changed_files\":"
                    + "[{\"filepath\":\"a\",\"body\":\"b\"}]}}"))
        .as("a snippet without its score")
        .isNotEmpty();
  }
}
