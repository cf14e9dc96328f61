package dev.codexcontinue.provider.tabby;

import static dev.codexcontinue.provider.tabby.TabbyTestSupport.TOKEN;
import static dev.codexcontinue.provider.tabby.TabbyTestSupport.jsonResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingObserver;
import dev.codexcontinue.http.RecordingSleeper;
import dev.codexcontinue.provider.tabby.TabbyTestSupport.HttpMessage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An observer given to the builder sees the transport's retries under the provider's id. */
@Timeout(30)
final class TabbyObserverTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingObserver observer = new RecordingObserver();
  private TabbyProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        TabbyProvider.builder()
            .endpoint(server.url("/").toString())
            .token(TOKEN)
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
  void complete_429ThenAnswer_reportsOneRetryToTheObserver() {
    server.enqueue(HttpMessage.read("error-429.response.http").toResponse());
    server.enqueue(jsonResponse("completion.response.json"));

    provider.complete(
        CompletionRequest.builder("def fib(n):\n    ", "").language("python").build());

    assertThat(observer.retries())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.provider()).isEqualTo("tabby");
              assertThat(r.operation()).isEqualTo("complete");
              assertThat(r.retry()).isEqualTo(1);
            });
  }
}
