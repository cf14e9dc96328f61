package dev.codexcontinue.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingObserver;
import dev.codexcontinue.http.RecordingSleeper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Observers given to a provider's builder (the setting Azure shares) see the transport's retries
 * and OpenAI's {@code x-ratelimit-*} headers, under the provider's id.
 */
final class ProviderObserverTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingObserver observer = new RecordingObserver();
  private OpenAiProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        OpenAiProvider.builder()
            .apiKey("sk-test-key")
            .baseUrl(server.url("/v1").toString())
            .model("gpt-4o-mini")
            .sleeper(new RecordingSleeper())
            .addObserver(observer)
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @Test
  void chat_retryThenAnswerWithRateLimitHeaders_reachesTheObserver() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(
        OpenAiResponses.plainText()
            .newBuilder()
            .setHeader("x-ratelimit-limit-requests", "500")
            .setHeader("x-ratelimit-remaining-requests", "499")
            .setHeader("x-ratelimit-reset-requests", "120ms")
            .setHeader("x-ratelimit-remaining-tokens", "149984")
            .build());

    provider.chat(ChatRequest.of("Hello!"));

    assertThat(observer.retries())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.provider()).isEqualTo("openai");
              assertThat(r.operation()).isEqualTo("chat");
              assertThat(r.retry()).isEqualTo(1);
            });
    assertThat(observer.limits())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.headers())
                    .containsEntry("x-ratelimit-remaining-requests", "499")
                    .containsEntry("x-ratelimit-reset-requests", "120ms")
                    .containsEntry("x-ratelimit-remaining-tokens", "149984")
                    .hasSize(4));
  }
}
