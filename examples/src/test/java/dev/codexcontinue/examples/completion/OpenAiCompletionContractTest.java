package dev.codexcontinue.examples.completion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.provider.openai.OpenAiProvider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** The completion contract for OpenAI-compatible servers' {@code /v1/completions}. */
final class OpenAiCompletionContractTest extends CompletionContractTest {
  @Override
  protected Provider provider(MockWebServer server) {
    return OpenAiProvider.builder()
        .baseUrl(server.url("/v1").toString())
        .model("Qwen/Qwen2.5-Coder-1.5B")
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Override
  protected MockResponse answer() {
    return json("openai-completion.response.json");
  }

  @Override
  protected String completionPath() {
    return "/v1/completions";
  }

  @Override
  protected void assertCarriesTheCursor(JsonNode body, String prefix, String suffix) {
    assertThat(body.get("prompt").asText()).isEqualTo(prefix);
    assertThat(body.get("suffix").asText()).isEqualTo(suffix);
    assertThat(body.get("model").asText()).isEqualTo("Qwen/Qwen2.5-Coder-1.5B");
  }

  @Override
  protected void assertNoLeaks(Provider provider) {
    LeakCheck.assertNoLeaks(((OpenAiProvider) provider).transport());
  }
}
