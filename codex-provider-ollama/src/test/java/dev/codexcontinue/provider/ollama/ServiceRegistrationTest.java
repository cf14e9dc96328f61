package dev.codexcontinue.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.spi.ProviderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class ServiceRegistrationTest {
  @Test
  void serviceLoader_findsTheFactoryById() {
    List<ProviderFactory> found =
        ServiceLoader.load(ProviderFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals("ollama"))
            .toList();

    assertThat(found).singleElement().isInstanceOf(OllamaProviderFactory.class);
    try (var provider =
        found.get(0).create(Settings.builder().put("ollama.host", "gpu-box:11500").build())) {
      assertThat(provider.id()).isEqualTo("ollama");
    }
  }

  @Test
  void servicesFile_namesAClassThatImplementsTheSpi() throws Exception {
    try (InputStream in =
        getClass()
            .getResourceAsStream("/META-INF/services/dev.codexcontinue.api.spi.ProviderFactory")) {
      assertThat(in).isNotNull();
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank())
              .toList();
      assertThat(lines).containsExactly(OllamaProviderFactory.class.getName());
      assertThat(ProviderFactory.class.isAssignableFrom(Class.forName(lines.get(0)))).isTrue();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
