package dev.codexcontinue.provider.tabby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real Tabby server: runs only when {@code TABBY_ENDPOINT} is set ({@code TABBY_TOKEN}
 * when the server asks for one).
 */
@EnabledIfEnvironmentVariable(named = "TABBY_ENDPOINT", matches = ".+")
@Timeout(120)
final class TabbyProviderIT {
  private TabbyProvider provider;

  @BeforeEach
  void start() {
    provider = TabbyProvider.builder().fromEnv().build();
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  @Test
  void healthAndComplete_workAgainstTheServer() throws Exception {
    TabbyServerInfo info = provider.health();
    assertThat(info.completionModel()).isPresent();

    CompletionResponse answer =
        provider.complete(
            CompletionRequest.builder("def fib(n):\n    ", "\n")
                .language("python")
                .filePath("fib.py")
                .build());

    assertThat(answer.id()).isNotBlank();
    assertThat(answer.choices()).isNotEmpty();
    assertThat(provider.events().view(answer.id(), 0).get()).isTrue();
  }
}
