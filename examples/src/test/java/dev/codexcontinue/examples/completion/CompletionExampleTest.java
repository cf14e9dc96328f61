package dev.codexcontinue.examples.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.examples.LocalServers;
import dev.codexcontinue.examples.Output;
import dev.codexcontinue.http.Fixtures;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
final class CompletionExampleTest {
  @Test
  void run_offline_completesTheBlockThenAnswersTypedThroughTextWithoutACall() throws Exception {
    Output out = new Output();
    CompletionResponse answer = CompletionExample.run(Settings.empty(), out.stream());

    // Ollama's raw answer runs on into main(); the trimmer keeps the block at the cursor.
    assertThat(answer.text()).isEqualTo("if n < 2:\n        return n");
    assertThat(out.text())
        .contains("model: offline, a local MockWebServer answering as Ollama's /api/generate")
        .contains("ghost text at the cursor:\n  if n < 2:\n          return n\n")
        .contains("typed 'if ': answered at once with 'n < 2:'")
        .contains("the local server answered 1 request(s)");
  }

  @Test
  void run_providerConfigured_usesItInsteadOfTheOfflineServer() throws Exception {
    try (MockWebServer ollama = new MockWebServer()) {
      ollama.enqueue(
          new MockResponse.Builder()
              .setHeader("Content-Type", "application/json")
              .body(
                  Fixtures.text(
                      CompletionExampleTest.class,
                      "completion-contract/ollama-generate.response.json"))
              .build());
      ollama.start();
      Settings settings = LocalServers.ollama(ollama, "qwen2.5-coder:1.5b");
      Output out = new Output();

      CompletionResponse answer = CompletionExample.run(settings, out.stream());

      assertThat(answer.text()).isEqualTo("if n < 2:\n        return n");
      assertThat(out.text())
          .contains("model: ollama (chosen by builder)")
          .doesNotContain("offline");
      RecordedRequest sent = ollama.takeRequest(5, TimeUnit.SECONDS);
      assertThat(sent).isNotNull();
      assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/generate");
      assertThat(sent.getBody().utf8())
          .contains("\"model\":\"qwen2.5-coder:1.5b\"")
          .contains("def fib(n):");
      assertThat(ollama.getRequestCount()).isEqualTo(1);
    }
  }
}
