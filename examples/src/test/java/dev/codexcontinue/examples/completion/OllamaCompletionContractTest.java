package dev.codexcontinue.examples.completion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.provider.ollama.OllamaProvider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** The completion contract for Ollama's {@code /api/generate} with {@code suffix}. */
final class OllamaCompletionContractTest extends CompletionContractTest {
  @Override
  protected Provider provider(MockWebServer server) {
    return OllamaProvider.builder()
        .baseUrl(server.url("/").toString())
        .completionModel("qwen2.5-coder:1.5b")
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Override
  protected MockResponse answer() {
    return json("ollama-generate.response.json");
  }

  @Override
  protected String completionPath() {
    return "/api/generate";
  }

  @Override
  protected void assertCarriesTheCursor(JsonNode body, String prefix, String suffix) {
    assertThat(body.get("prompt").asText()).isEqualTo(prefix);
    assertThat(body.get("suffix").asText()).isEqualTo(suffix);
    assertThat(body.get("model").asText()).isEqualTo("qwen2.5-coder:1.5b");
    assertThat(body.get("stream").asBoolean()).isFalse();
  }

  @Override
  protected void assertNoLeaks(Provider provider) {
    LeakCheck.assertNoLeaks(((OllamaProvider) provider).transport());
  }
}
