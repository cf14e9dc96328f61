package dev.codexcontinue.examples.completion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.provider.tabby.TabbyProvider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** The completion contract for Tabby's {@code /v1/completions}. */
final class TabbyCompletionContractTest extends CompletionContractTest {
  @Override
  protected Provider provider(MockWebServer server) {
    return TabbyProvider.builder()
        .endpoint(server.url("/").toString())
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Override
  protected MockResponse answer() {
    return json("tabby-completion.response.json");
  }

  @Override
  protected String completionPath() {
    return "/v1/completions";
  }

  @Override
  protected void assertCarriesTheCursor(JsonNode body, String prefix, String suffix) {
    assertThat(body.at("/segments/prefix").asText()).isEqualTo(prefix);
    assertThat(body.at("/segments/suffix").asText()).isEqualTo(suffix);
    assertThat(body.at("/segments/filepath").asText()).isEqualTo("fib.py");
    assertThat(body.get("language").asText()).isEqualTo("python");
  }

  @Override
  protected void assertNoLeaks(Provider provider) {
    LeakCheck.assertNoLeaks(((TabbyProvider) provider).transport());
  }
}
