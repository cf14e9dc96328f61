package dev.codexcontinue.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.ModelInfo;
import dev.codexcontinue.test.RecordingStreamListener;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real server: runs only when {@code OLLAMA_HOST} is set; the model is {@code
 * CODEX_OLLAMA_MODEL} ({@code llama3.2} by default) and must be pulled.
 */
@EnabledIfEnvironmentVariable(named = "OLLAMA_HOST", matches = ".+")
@Timeout(300)
final class OllamaProviderIT {
  private OllamaProvider provider;
  private String model;

  @BeforeEach
  void start() {
    provider = OllamaProvider.builder().fromEnv().build();
    String configured = System.getenv("CODEX_OLLAMA_MODEL");
    model = configured == null || configured.isBlank() ? "llama3.2" : configured;
    assumeTrue(
        provider.models().stream().map(ModelInfo::id).anyMatch(id -> id.startsWith(model)),
        "model " + model + " is not pulled on the server");
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  @Test
  void versionShowAndChat_workAgainstTheServer() {
    assertThat(provider.version()).isNotBlank();
    assertThat(provider.show(model).contextLength()).isPresent();

    ChatResponse response =
        provider.chat(
            ChatRequest.builder()
                .model(model)
                .addMessage(
                    dev.codexcontinue.api.ChatMessage.user("Answer with the single word: yes"))
                .build());

    assertThat(response.text()).isNotBlank();
    assertThat(OllamaTimings.of(response)).isPresent();
  }

  @Test
  void stream_deltasAddUpToTheResponse() throws Exception {
    RecordingStreamListener listener = new RecordingStreamListener();

    provider.stream(
        ChatRequest.builder()
            .model(model)
            .addMessage(dev.codexcontinue.api.ChatMessage.user("Count from 1 to 5."))
            .build(),
        listener);

    ChatResponse response = listener.awaitResponse(240, TimeUnit.SECONDS);
    assertThat(listener.text()).isEqualTo(response.text()).isNotBlank();
    assertThat(listener.terminalCount()).isEqualTo(1);
  }
}
