package dev.codexcontinue.provider.openai;

import static dev.codexcontinue.provider.openai.ProviderTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.LeakCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings, environment variables, {@code .env}, builder checks and redaction (RELIABILITY 25). */
final class ConfigurationTest {
  private static final String SECRET = "gsk_TEST_SECRET_123";

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
  void openAiFactory_wellKnownEnvironment_configuresKeyUrlOrgAndProject() {
    Settings settings =
        Settings.builder()
            .environment(
                Map.of(
                    "OPENAI_API_KEY", "sk-env",
                    "OPENAI_BASE_URL", server.url("/v1").toString(),
                    "OPENAI_ORG_ID", "org-1",
                    "OPENAI_PROJECT_ID", "proj-1",
                    "CODEX_OPENAI_MODEL", "gpt-4o-mini"))
            .build();
    server.enqueue(OpenAiResponses.plainText());

    try (Provider provider = new OpenAiProviderFactory().create(settings)) {
      provider.chat(ChatRequest.of("hi"));
      LeakCheck.assertNoLeaks(((OpenAiProvider) provider).transport());
    }

    RecordedRequest sent = take(server);
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-env");
    assertThat(sent.getHeaders().get("OpenAI-Organization")).isEqualTo("org-1");
    assertThat(sent.getHeaders().get("OpenAI-Project")).isEqualTo("proj-1");
    assertThat(ProviderTestSupport.body(sent).get("model").asText()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void azureFactory_dotEnvFile_configuresEndpointKeyAndVersion(@TempDir Path dir) throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(
        env,
        "AZURE_OPENAI_ENDPOINT="
            + server.url("/")
            + "\nAZURE_OPENAI_API_KEY='az-key'\nOPENAI_API_VERSION=2024-10-21\n"
            + "CODEX_AZURE_OPENAI_DEPLOYMENT=dep\n");
    server.enqueue(OpenAiResponses.plainText());

    try (Provider provider =
        new AzureOpenAiProviderFactory().create(Settings.builder().dotEnv(env).build())) {
      assertThat(provider.id()).isEqualTo("azure-openai");
      provider.chat(ChatRequest.of("hi"));
      LeakCheck.assertNoLeaks(((AzureOpenAiProvider) provider).transport());
    }

    RecordedRequest sent = take(server);
    assertThat(sent.getTarget())
        .isEqualTo("/openai/deployments/dep/chat/completions?api-version=2024-10-21");
    assertThat(sent.getHeaders().get("api-key")).isEqualTo("az-key");
  }

  @Test
  void build_missingSettings_failWithClearConfigurationErrors() {
    assertThatThrownBy(() -> OpenAiProvider.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OPENAI_API_KEY");
    assertThatThrownBy(() -> AzureOpenAiProvider.builder().apiKey("k").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("AZURE_OPENAI_ENDPOINT");
    assertThatThrownBy(() -> AzureOpenAiProvider.builder().endpoint("https://x").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("credentials");
    assertThatThrownBy(
            () ->
                AzureOpenAiProvider.builder()
                    .endpoint("https://x")
                    .apiKey("k")
                    .urlStyle(AzureOpenAiProvider.UrlStyle.DEPLOYMENTS)
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("api-version");
  }

  @Test
  void builder_nullArguments_throwNpeNamingTheArgument() {
    assertThatThrownBy(() -> OpenAiProvider.builder().apiKey((String) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> OpenAiProvider.builder().baseUrl(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> AzureOpenAiProvider.builder().endpoint(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> OpenAiProvider.builder().settings(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("settings");
  }

  @Test
  void chat_401EchoingTheKey_keyAppearsInNoMessageLogOrToString() throws Exception {
    server.enqueue(
        OpenAiResponses.json(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: "
                + SECRET
                + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
    OpenAiProvider.Builder builder =
        OpenAiProvider.builder().apiKey(SECRET).baseUrl(server.url("/v1").toString()).model("m");

    try (OpenAiProvider provider = builder.build()) {
      AuthenticationException e =
          catchThrowableOfType(
              AuthenticationException.class, () -> provider.chat(ChatRequest.of("hi")));
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));

      assertThat(e.getMessage()).doesNotContain(SECRET).contains("****");
      assertThat(trace.toString()).doesNotContain(SECRET);
      assertThat(builder.toString()).doesNotContain(SECRET);
      assertThat(provider.toString()).doesNotContain(SECRET);
      LeakCheck.assertNoLeaks(provider.transport());
    }
    assertThat(take(server).getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
    assertThat(Files.readString(Path.of("target/test-sdk.log")))
        .contains("status=401")
        .doesNotContain(SECRET);
  }
}
