package dev.codexcontinue.provider.ollama;

import static dev.codexcontinue.provider.ollama.OllamaTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingObserver;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An observer given to the builder sees the transport's retries under the provider's id. */
@Timeout(30)
final class OllamaObserverTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingObserver observer = new RecordingObserver();
  private OllamaProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider = OllamaTestSupport.builderFor(server).model("llama3.2").addObserver(observer).build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @Test
  void chat_500ThenSuccess_reportsOneRetryToTheObserver() {
    server.enqueue(OllamaResponses.json(500, text("error-500-generic.json")));
    server.enqueue(OllamaResponses.fixture("chat-nostream.response.json"));

    assertThat(provider.chat(ChatRequest.of("hi")).text()).isEqualTo("Hello! How are you today?");

    assertThat(observer.retries())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.provider()).isEqualTo("ollama");
              assertThat(r.retry()).isEqualTo(1);
              assertThat(r.cause()).hasMessageContaining("the model failed to generate");
            });
  }
}
