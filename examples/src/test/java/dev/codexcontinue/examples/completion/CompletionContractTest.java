package dev.codexcontinue.examples.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.core.completion.CodeCompleter;
import dev.codexcontinue.core.completion.CompletionContextBuilder;
import dev.codexcontinue.core.completion.EditorContext;
import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.http.RawBodies;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The completion contract every provider that completes code must keep, checked the same way for
 * all: the same document and cursor go through codex-core's editor helper ({@link CodeCompleter})
 * to the provider, which talks to a MockWebServer answering in the provider's own wire format;
 * whatever the raw answer, the trimmed result is the same. Cancelling a completion while the server
 * stalls closes the socket within a second, whether the caller cancels the future or a newer
 * keystroke supersedes it.
 *
 * <p>A provider joins with a small subclass: build the provider against the server, return its
 * answer (a fixture in {@code fixtures/completion-contract/}; one for Ollama's {@code
 * /api/generate} is there already) and check that its wire request carries the cursor:
 *
 * <pre>{@code
 * final class OllamaCompletionContractTest extends CompletionContractTest {
 *   protected Provider provider(MockWebServer server) {
 *     return OllamaProvider.builder().host(server.url("/").toString())
 *         .model("qwen2.5-coder:1.5b").maxRetries(0).build();
 *   }
 *   protected MockResponse answer() { return json("ollama-generate.response.json"); }
 *   protected String completionPath() { return "/api/generate"; }
 *   protected void assertCarriesTheCursor(JsonNode body, String prefix, String suffix) {
 *     assertThat(body.get("prompt").asText()).isEqualTo(prefix);
 *     assertThat(body.get("suffix").asText()).isEqualTo(suffix);
 *   }
 * }
 * }</pre>
 */
@Timeout(30)
abstract class CompletionContractTest {
  /** The document every provider completes: the cursor is on the blank line in fib's body. */
  static final String DOCUMENT =
      "import functools\n\n\n@functools.cache\ndef fib(n):\n    \n"
          + "    return fib(n - 1) + fib(n - 2)\n\n\ndef main():\n    print(fib(30))\n";

  static final int CURSOR = DOCUMENT.indexOf("def fib(n):\n    ") + "def fib(n):\n    ".length();

  /** What every provider's answer trims to. */
  static final String EXPECTED = "if n < 2:\n        return n";

  private static final ObjectMapper JSON = new ObjectMapper();

  protected final MockWebServer server = new MockWebServer();
  private Provider provider;

  /** Returns the provider under test, talking to {@code server}, without retries. */
  protected abstract Provider provider(MockWebServer server);

  /** Returns the server's answer for {@link #DOCUMENT}, in the provider's wire format. */
  protected abstract MockResponse answer();

  /** Returns the path the provider sends completions to. */
  protected abstract String completionPath();

  /** Asserts that the provider's request body carries the text before and after the cursor. */
  protected abstract void assertCarriesTheCursor(JsonNode body, String prefix, String suffix);

  /** Checks that the provider released every connection; called after each test. */
  protected abstract void assertNoLeaks(Provider provider);

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = provider(server);
  }

  @AfterEach
  void stop() {
    assertNoLeaks(provider);
    provider.close();
    server.close();
  }

  /** Returns a 200 JSON response whose body is fixture {@code name} of the contract. */
  protected static MockResponse json(String name) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(Fixtures.text(CompletionContractTest.class, "completion-contract/" + name))
        .build();
  }

  private static EditorContext document() {
    return EditorContext.builder(DOCUMENT, CURSOR).language("python").filePath("fib.py").build();
  }

  @Test
  void complete_sameDocumentAndCursor_trimsToTheSameAnswer() throws Exception {
    server.enqueue(answer());
    try (CodeCompleter completer =
        CodeCompleter.builder(provider).debounce(Duration.ZERO).build()) {

      CompletionResponse answer = completer.complete(document()).get(5, TimeUnit.SECONDS);

      assertThat(answer.text()).isEqualTo(EXPECTED);
      assertThat(answer.id()).isNotBlank();
      assertThat(answer.choices()).singleElement().satisfies(c -> assertThat(c.index()).isZero());
    }
    RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(sent).isNotNull();
    assertThat(sent.getUrl().encodedPath()).isEqualTo(completionPath());
    CompletionRequest expected = CompletionContextBuilder.defaults().build(document());
    assertCarriesTheCursor(
        JSON.readTree(sent.getBody().utf8()), expected.prefix(), expected.suffix());
  }

  @Test
  void completeAsync_cancelledWhileTheServerStalls_closesTheSocketWithinASecond() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(stalled(writing, closed));

    CompletableFuture<CompletionResponse> call =
        provider.completeAsync(CompletionContextBuilder.defaults().build(document()));
    assertThat(writing.await(5, TimeUnit.SECONDS)).as("the server started its answer").isTrue();
    call.cancel(true);

    assertThat(closed.await(1, TimeUnit.SECONDS)).as("the server saw its socket close").isTrue();
    assertThatThrownBy(() -> call.get(1, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void complete_supersededByAKeystrokeWhileTheServerStalls_closesTheSocketWithinASecond()
      throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(stalled(writing, closed));
    server.enqueue(answer());
    try (CodeCompleter completer =
        CodeCompleter.builder(provider).debounce(Duration.ZERO).build()) {
      CompletableFuture<CompletionResponse> first = completer.complete(document());
      assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<CompletionResponse> second =
          completer.complete(
              EditorContext.builder(DOCUMENT, CURSOR - 1)
                  .language("python")
                  .filePath("fib.py")
                  .build());

      assertThat(closed.await(1, TimeUnit.SECONDS)).as("the server saw its socket close").isTrue();
      assertThat(first).isCancelled();
      assertThat(second.get(5, TimeUnit.SECONDS).text()).isEqualTo(EXPECTED);
    }
  }

  /**
   * Returns a 200 JSON answer that never ends: blanks (valid leading JSON whitespace) every 20 ms,
   * until a write fails because the client closed the socket.
   */
  private static MockResponse stalled(CountDownLatch writing, CountDownLatch closed) {
    return RawBodies.of(
        "application/json",
        sink -> {
          try {
            for (int i = 0; i < 1500; i++) {
              sink.writeUtf8(" ").flush();
              writing.countDown();
              RawBodies.pause(20);
            }
          } catch (java.io.IOException e) {
            closed.countDown();
          }
        });
  }
}
