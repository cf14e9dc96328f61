package dev.codexcontinue.plugins.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.spi.ToolFactory;
import dev.codexcontinue.core.discovery.ToolPlugins;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class ServiceRegistrationTest {
  @Test
  void serviceLoader_findsTheOpenApiFactoryById() {
    assertThat(ServiceLoader.load(ToolFactory.class).stream().map(p -> p.get().id()))
        .contains("openapi");
  }

  @Test
  void servicesFile_namesTheOpenApiFactory() throws Exception {
    try (InputStream in =
        getClass()
            .getResourceAsStream("/META-INF/services/dev.codexcontinue.api.spi.ToolFactory")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip))
          .contains(OpenApiToolFactory.class.getName());
    }
  }

  @Test
  void toolPlugins_readsTheDocumentFileAndAuthFromSettings() throws Exception {
    Path yaml = Path.of(getClass().getResource("/fixtures/openapi/petstore.yaml").toURI());
    Settings settings =
        Settings.builder()
            .put("openapi.document", yaml.toString())
            .put("openapi.server-url", "https://petstore.example.com/v1")
            .put("openapi.api-key", "k_TEST_123456")
            .put("openapi.api-key-header", "X-API-Key")
            .put("openapi.tool-prefix", "pets_")
            .build();

    List<Tool> tools = ToolPlugins.create("openapi", settings);

    assertThat(tools).extracting(t -> t.spec().name()).contains("pets_listPets", "pets_createPet");
  }

  @Test
  void settings_apiKeyWithoutItsPlace_isAConfigurationError() {
    Settings settings =
        Settings.builder()
            .put("openapi.document", "unused.yaml")
            .put("openapi.api-key", "k_TEST_123456")
            .build();

    assertThatThrownBy(() -> OpenApiTools.builder().settings(settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("api-key-header");
  }
}
