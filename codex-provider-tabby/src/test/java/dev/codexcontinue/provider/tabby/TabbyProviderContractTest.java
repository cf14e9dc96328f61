package dev.codexcontinue.provider.tabby;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.test.AbstractProviderContractTest;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared provider contract, for chat through Tabby's chat endpoint. */
final class TabbyProviderContractTest extends AbstractProviderContractTest {
  private final MockWebServer server = new MockWebServer();
  private TabbyProvider provider;

  @BeforeEach
  void start() throws Exception {
    server.start();
    provider =
        TabbyProvider.builder()
            .endpoint(server.url("/").toString())
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void stop() {
    LeakCheck.assertNoLeaks(provider.transport());
    provider.close();
    server.close();
  }

  @Override
  protected Provider provider() {
    return provider;
  }

  @Override
  protected void givenTextReply(String text) {
    server.enqueue(TabbyResponses.textReply(text));
  }

  @Override
  protected void givenToolCall(String id, String name, String arguments) {
    server.enqueue(TabbyResponses.toolCall(id, name, arguments));
  }

  @Override
  protected void givenError(ErrorKind kind) {
    int status =
        switch (kind) {
          case AUTHENTICATION -> 401;
          case RATE_LIMITED -> 429;
          case INVALID_REQUEST -> 400;
          case SERVER_ERROR -> 500;
        };
    server.enqueue(TabbyResponses.emptyError(status));
  }

  @Override
  protected void givenStalledStream() {
    server.enqueue(TabbyResponses.stalledStream());
  }
}
