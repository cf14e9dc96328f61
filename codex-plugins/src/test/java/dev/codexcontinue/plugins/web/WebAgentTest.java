package dev.codexcontinue.plugins.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.http.Fixtures;
import dev.codexcontinue.test.ScriptedProvider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web tools inside an agent on the scripted provider, search and fetch. */
final class WebAgentTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void searchThenBlockedFetch_resultsReachTheModelAndTheServerSeesOnlyTheSearch() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .body(Fixtures.text(getClass(), "web/searxng.json"))
            .build());
    String base = "http://127.0.0.1:" + server.getPort();
    try (WebTools web =
            WebTools.builder()
                .settings(Settings.builder().put("web.searxng-url", base).build())
                .build();
        ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("web_search", "{\"query\":\"virtual threads\",\"max_results\":2}")
                .toolCall("web_fetch", "{\"url\":\"" + base + "/admin\"}")
                .reply("Virtual threads are lightweight.")
                .build();
        Agent agent = Agent.builder().provider(model).tools(web.tools()).build()) {
      agent.chat(AgentRequest.of("s", "What are virtual threads?"));

      assertThat(server.takeRequest(5, SECONDS).getUrl().encodedPath()).isEqualTo("/search");
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(lastToolMessage(model.requests().get(1)).text())
          .contains("JEP 444: Virtual Threads");
      assertThat(lastToolMessage(model.requests().get(2)).text())
          .contains("refused by the SSRF guard", "loopback");
    }
  }

  private static ChatMessage lastToolMessage(ChatRequest request) {
    return request.messages().stream()
        .filter(m -> m.role().equals(Role.TOOL))
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
