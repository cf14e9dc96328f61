package dev.codexcontinue.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.test.RecordingStreamListener;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real server: runs only when {@code OPENAI_API_KEY} is set (with {@code OPENAI_BASE_URL}
 * for an OpenAI-compatible server); the model is {@code CODEX_OPENAI_MODEL}, {@code gpt-4o-mini} by
 * default.
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
@Timeout(120)
final class OpenAiProviderIT {
  private OpenAiProvider provider;

  @BeforeEach
  void start() {
    String configured = System.getenv("CODEX_OPENAI_MODEL");
    provider =
        OpenAiProvider.builder()
            .fromEnv()
            .model(configured == null || configured.isBlank() ? "gpt-4o-mini" : configured)
            .build();
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  @Test
  void chat_answersWithUsage() {
    ChatResponse response =
        provider.chat(ChatRequest.builder().addMessage(ChatMessage.user("Say: yes")).build());

    assertThat(response.text()).isNotBlank();
    assertThat(response.usage().outputTokens()).isPositive();
  }

  @Test
  void stream_deltasAddUpToTheResponse() throws Exception {
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.stream(
        ChatRequest.builder().addMessage(ChatMessage.user("Count from 1 to 5.")).build(), listener);

    ChatResponse response = listener.awaitResponse(90, TimeUnit.SECONDS);
    assertThat(listener.text()).isEqualTo(response.text()).isNotBlank();
    assertThat(listener.terminalCount()).isEqualTo(1);
  }
}
