package dev.codexcontinue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SettingsTest {
  @TempDir Path dir;

  private Settings layered(String builderValue, String property, String env, String dotEnv)
      throws IOException {
    Settings.Builder b = Settings.builder();
    if (builderValue != null) {
      b.put("openai.model", builderValue);
    }
    Properties props = new Properties();
    if (property != null) {
      props.setProperty("codex.openai.model", property);
    }
    b.systemProperties(props);
    if (env != null) {
      b.environment(Map.of("CODEX_OPENAI_MODEL", env));
    }
    if (dotEnv != null) {
      Path file = dir.resolve(".env");
      Files.writeString(file, "CODEX_OPENAI_MODEL=" + dotEnv + "\n");
      b.dotEnv(file);
    }
    return b.build();
  }

  @Test
  void get_eachLayer_winsOverTheOnesBelow() throws IOException {
    assertThat(layered("b", "p", "e", "d").get("openai.model")).contains("b");
    assertThat(layered(null, "p", "e", "d").get("openai.model")).contains("p");
    assertThat(layered(null, null, "e", "d").get("openai.model")).contains("e");
    assertThat(layered(null, null, null, "d").get("openai.model")).contains("d");
    assertThat(layered(null, null, null, null).get("openai.model")).isEmpty();
  }

  @Test
  void sourceOf_namesTheLayerNotTheValue() throws IOException {
    Settings s = layered(null, null, "e-value", null);
    assertThat(s.sourceOf("openai.model")).contains("environment variable CODEX_OPENAI_MODEL");
  }

  @Test
  void get_wellKnownVariable_mapsToKey() {
    Settings s = Settings.builder().environment(Map.of("OPENAI_API_KEY", "gsk_TEST")).build();
    assertThat(s.secret("openai.api-key")).hasValueSatisfying(k -> k.reveal().equals("gsk_TEST"));
    assertThat(s.get("openai.api-key")).contains("gsk_TEST");
  }

  @Test
  void get_ownVariableBeatsWellKnownName() {
    Settings s =
        Settings.builder()
            .environment(Map.of("OPENAI_API_KEY", "generic", "CODEX_OPENAI_API_KEY", "own"))
            .build();
    assertThat(s.get("openai.api-key")).contains("own");
  }

  @Test
  void withPrefix_resolvesRelativeKeys() {
    Settings s = Settings.builder().put("ollama.host", "http://h:1").build();
    assertThat(s.withPrefix("ollama").get("host")).contains("http://h:1");
    assertThatThrownBy(() -> s.withPrefix("ollama").require("model"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ollama.model")
        .hasMessageContaining("CODEX_OLLAMA_MODEL");
  }

  @Test
  void typedGetters_parseOrExplain() {
    Settings s =
        Settings.builder()
            .put("a.timeout", "500ms")
            .put("a.iso", "PT2S")
            .put("a.n", "42")
            .put("a.flag", "TRUE")
            .put("a.bad", "x")
            .build();
    assertThat(s.duration("a.timeout")).contains(Duration.ofMillis(500));
    assertThat(s.duration("a.iso")).contains(Duration.ofSeconds(2));
    assertThat(s.integer("a.n")).contains(42);
    assertThat(s.flag("a.flag", false)).isTrue();
    assertThat(s.flag("a.missing", true)).isTrue();
    assertThatThrownBy(() -> s.integer("a.bad")).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> s.duration("a.bad")).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> s.flag("a.bad", true)).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void toString_masksSecrets() {
    Settings s =
        Settings.builder()
            .put("openai.api-key", "gsk_TEST_SECRET_123")
            .put("openai.model", "m")
            .build();
    assertThat(s.toString()).doesNotContain("gsk_TEST_SECRET_123").contains("****").contains("m");
  }

  @Test
  void secretValues_collectsCredentialsFromEveryLayer() {
    Settings s =
        Settings.builder()
            .put("github.token", "ghp_1")
            .environment(Map.of("OPENAI_API_KEY", "sk_2", "HOME", "/root"))
            .build();
    assertThat(s.secretValues()).containsExactlyInAnyOrder("ghp_1", "sk_2");
  }

  @Test
  void dotEnv_missingFile_isEmpty() {
    assertThat(Settings.builder().dotEnv(dir.resolve("none")).build().get("x")).isEmpty();
  }

  @Test
  void secret_toStringIsMaskedAndEqualityWorks() {
    Secret s = Secret.of("gsk_TEST_SECRET_123");
    assertThat(s.toString()).isEqualTo("****");
    assertThat(s).isEqualTo(Secret.of("gsk_TEST_SECRET_123")).isNotEqualTo(Secret.of("other"));
    assertThatThrownBy(() -> Secret.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void environmentNames_ownNameFirstThenTheWellKnownOne() {
    assertThat(Settings.environmentNames("openai.api-key"))
        .containsExactly("CODEX_OPENAI_API_KEY", "OPENAI_API_KEY");
    assertThat(Settings.environmentNames("agent.max-steps"))
        .containsExactly("CODEX_AGENT_MAX_STEPS");
    assertThat(Settings.wellKnownKeys()).contains("ollama.host", "tabby.token");
    assertThat(Settings.isSecretKey("tabby.token")).isTrue();
    assertThat(Settings.isSecretKey("ollama.host")).isFalse();
    assertThatThrownBy(() -> Settings.environmentNames(null))
        .isInstanceOf(NullPointerException.class);
  }
}
