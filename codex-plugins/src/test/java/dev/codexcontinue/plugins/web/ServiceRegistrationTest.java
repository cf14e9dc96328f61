package dev.codexcontinue.plugins.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.spi.ToolFactory;
import dev.codexcontinue.core.discovery.ToolPlugins;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class ServiceRegistrationTest {
  @Test
  void serviceLoader_findsTheWebFactoryById() {
    assertThat(ServiceLoader.load(ToolFactory.class).stream().map(p -> p.get().id()))
        .contains("web");
  }

  @Test
  void servicesFile_namesTheWebFactory() throws Exception {
    try (InputStream in =
        getClass()
            .getResourceAsStream("/META-INF/services/dev.codexcontinue.api.spi.ToolFactory")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip))
          .contains(WebToolFactory.class.getName());
    }
  }

  @Test
  void toolPlugins_withoutABackend_offersFetchOnly() {
    assertThat(ToolPlugins.create("web", Settings.empty()))
        .extracting(t -> t.spec().name())
        .containsExactly("web_fetch");
  }
}
