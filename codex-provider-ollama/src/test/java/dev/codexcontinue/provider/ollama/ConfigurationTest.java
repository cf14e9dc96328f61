package dev.codexcontinue.provider.ollama;

import static dev.codexcontinue.provider.ollama.OllamaTestSupport.body;
import static dev.codexcontinue.provider.ollama.OllamaTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.LeakCheck;
import dev.codexcontinue.http.RecordingSleeper;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Settings, OLLAMA_HOST without a scheme, the bearer key and its redaction, a borrowed client. */
@Timeout(30)
final class ConfigurationTest {
  private static final String KEY = "olk_TEST_SECRET_123";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Settings settings(Map<String, String> env) {
    return Settings.builder().environment(env).build();
  }

  @Test
  void settings_ollamaHostAsHostPort_reachesTheServerWithTheConfiguredDefaults() {
    server.enqueue(OllamaResponses.chatText("hi"));
    Map<String, String> env =
        Map.of(
            "OLLAMA_HOST", "127.0.0.1:" + server.getPort(),
            "CODEX_OLLAMA_MODEL", "qwen3",
            "CODEX_OLLAMA_KEEP_ALIVE", "-1",
            "CODEX_OLLAMA_NUM_CTX", "16384");

    try (OllamaProvider provider = OllamaProvider.builder().settings(settings(env)).build()) {
      provider.chat(ChatRequest.of("hello"));
      RecordedRequest sent = take(server);
      assertThat(sent.getUrl().host()).isEqualTo("127.0.0.1");
      assertThat(body(sent).get("model").asText()).isEqualTo("qwen3");
      assertThat(body(sent).get("keep_alive").asLong()).isEqualTo(-1);
      assertThat(body(sent).at("/options/num_ctx").asInt()).isEqualTo(16384);
      LeakCheck.assertNoLeaks(provider.transport());
    }
  }

  @Test
  void factory_portOnlyHost_meansThisMachine() {
    server.enqueue(OllamaResponses.fixture("version.response.json"));
    Settings s = settings(Map.of("OLLAMA_HOST", ":" + server.getPort()));

    try (OllamaProvider provider = (OllamaProvider) new OllamaProviderFactory().create(s)) {
      assertThat(provider.version()).isEqualTo("0.5.1");
    }
  }

  @Test
  void apiKey_isSentAsBearerAndNeverShownOrEchoed() {
    server.enqueue(OllamaResponses.json(401, "{\"error\":\"unauthorized: bad key " + KEY + "\"}"));
    OllamaProvider.Builder builder =
        OllamaTestSupport.builderFor(server)
            .settings(
                settings(Map.of("CODEX_OLLAMA_API_KEY", KEY, "CODEX_OLLAMA_MAX_RETRIES", "0")))
            .model("llama3.2");

    assertThat(builder.toString()).doesNotContain(KEY);
    try (OllamaProvider provider = builder.build()) {
      assertThatThrownBy(() -> provider.chat(ChatRequest.of("hi")))
          .isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).contains("****"));
      assertThat(take(server).getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void settings_contextSizingAndBadValues() {
    assertThat(
            OllamaProvider.builder()
                .settings(settings(Map.of("CODEX_OLLAMA_CONTEXT_SIZING", "model-maximum")))
                .build())
        .isNotNull()
        .satisfies(OllamaProvider::close);
    assertThatThrownBy(
            () ->
                OllamaProvider.builder()
                    .settings(settings(Map.of("CODEX_OLLAMA_CONTEXT_SIZING", "huge"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ollama");
    assertThatThrownBy(
            () -> OllamaProvider.builder().settings(settings(Map.of("OLLAMA_HOST", "ftp://x"))))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void builder_checksItsArguments() {
    OllamaProvider.Builder b = OllamaProvider.builder();
    assertThatThrownBy(() -> b.model(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.baseUrl(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.numCtx(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.keepAlive(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.settings(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void keepAlive_durations_becomeGoDurationsOrForever() {
    server.enqueue(OllamaResponses.chatText("a"));
    server.enqueue(OllamaResponses.chatText("b"));
    try (OllamaProvider minutes =
            OllamaTestSupport.builderFor(server)
                .model("m")
                .keepAlive(Duration.ofMinutes(10))
                .build();
        OllamaProvider forever =
            OllamaTestSupport.builderFor(server)
                .model("m")
                .keepAlive(Duration.ofSeconds(-1))
                .build()) {
      minutes.chat(ChatRequest.of("x"));
      forever.chat(ChatRequest.of("x"));
    }
    assertThat(body(take(server)).get("keep_alive").asText()).isEqualTo("600s");
    assertThat(body(take(server)).get("keep_alive").asLong()).isEqualTo(-1);
  }

  @Test
  void httpClient_borrowed_isNotShutDownByClose() {
    OkHttpClient shared = new OkHttpClient();
    server.enqueue(OllamaResponses.chatText("hi"));
    try (OllamaProvider provider =
        OllamaProvider.builder()
            .baseUrl(server.url("/").toString())
            .model("m")
            .httpClient(shared)
            .sleeper(new RecordingSleeper())
            .build()) {
      provider.chat(ChatRequest.of("x"));
    }
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    shared.dispatcher().executorService().shutdown();
    shared.connectionPool().evictAll();
  }
}
