package dev.codexcontinue.plugins.docs;

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
import org.junit.jupiter.api.io.TempDir;

/** The docs factory is found by id, configured by settings, and its services entry is valid. */
final class ServiceRegistrationTest {
  @TempDir Path root;

  @Test
  void serviceLoader_findsTheDocsFactoryById() {
    ToolFactory found =
        ServiceLoader.load(ToolFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals("docs"))
            .findFirst()
            .orElseThrow();
    assertThat(found).isInstanceOf(DocsToolFactory.class);
  }

  @Test
  void servicesFile_namesTheDocsFactoryAsAToolFactory() throws Exception {
    String entries;
    try (InputStream in =
        getClass()
            .getResourceAsStream("/META-INF/services/dev.codexcontinue.api.spi.ToolFactory")) {
      assertThat(in).isNotNull();
      entries = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(entries.lines().map(String::strip)).contains(DocsToolFactory.class.getName());
    assertThat(ToolFactory.class.isAssignableFrom(DocsToolFactory.class)).isTrue();
  }

  @Test
  void create_settings_configureTheTools() {
    Settings settings =
        Settings.builder()
            .put("docs.root", root.toString())
            .put("docs.max-file-bytes", "2048")
            .put("docs.max-list-entries", "10")
            .put("docs.max-grep-matches", "5")
            .put("docs.grep-timeout", "500ms")
            .build();
    List<Tool> tools = ToolPlugins.create("docs", settings);
    assertThat(tools)
        .extracting(t -> t.spec().name())
        .containsExactly("docs_list", "docs_read", "docs_grep");
  }

  @Test
  void create_missingOrInvalidSettings_throwConfigurationException() {
    DocsToolFactory factory = new DocsToolFactory();
    assertThatThrownBy(() -> factory.create(Settings.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("docs.root");
    assertThatThrownBy(
            () ->
                factory.create(
                    Settings.builder()
                        .put("docs.root", root.toString())
                        .put("docs.max-file-bytes", "lots")
                        .build()))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () ->
                factory.create(
                    Settings.builder()
                        .put("docs.root", root.resolve("missing").toString())
                        .build()))
        .isInstanceOf(ConfigurationException.class);
  }
}
