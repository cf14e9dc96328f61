package dev.codexcontinue.provider.ollama.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OLLAMA_HOST is read the way Ollama's own client reads it. */
final class OllamaHostTest {
  @ParameterizedTest
  @CsvSource({
    "'', http://localhost:11434",
    "gpu-box, http://gpu-box:11434",
    "gpu-box:11500, http://gpu-box:11500",
    ":11500, http://127.0.0.1:11500",
    "0.0.0.0, http://127.0.0.1:11434",
    "0.0.0.0:8080, http://127.0.0.1:8080",
    "[::1]:11500, http://[::1]:11500",
    "[::], http://[::1]:11434",
    "::1, http://[::1]:11434",
    "http://gpu-box, http://gpu-box:80",
    "https://gpu-box, https://gpu-box:443",
    "HTTPS://gpu-box:8443/, https://gpu-box:8443",
    "http://proxy:8080/ollama/, http://proxy:8080/ollama",
    "ollama.com, https://ollama.com:443",
    "'  10.0.0.5:11434  ', http://10.0.0.5:11434",
  })
  void baseUrl_ollamaHostForms_becomeTheUrlOllamaWouldUse(String value, String expected) {
    assertThat(OllamaHost.baseUrl(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://host", "host:port", "host:0", "host:70000", "[::1"})
  void baseUrl_badValues_areRejectedWithTheReason(String value) {
    assertThatThrownBy(() -> OllamaHost.baseUrl(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OLLAMA_HOST");
  }
}
