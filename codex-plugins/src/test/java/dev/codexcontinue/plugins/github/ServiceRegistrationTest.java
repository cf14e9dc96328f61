package dev.codexcontinue.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.spi.ToolFactory;
import dev.codexcontinue.core.discovery.ToolPlugins;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class ServiceRegistrationTest {
  private static final String SERVICES = "/META-INF/services/dev.codexcontinue.api.spi.ToolFactory";

  @Test
  void serviceLoader_findsTheGitHubFactoryById() {
    List<String> ids =
        ServiceLoader.load(ToolFactory.class).stream().map(p -> p.get().id()).toList();

    assertThat(ids).contains("github");
  }

  @Test
  void servicesFile_namesClassesThatImplementTheSpi() throws Exception {
    try (InputStream in = getClass().getResourceAsStream(SERVICES)) {
      assertThat(in).isNotNull();
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList();
      assertThat(lines).contains(GitHubToolFactory.class.getName());
      for (String line : lines) {
        assertThat(ToolFactory.class.isAssignableFrom(Class.forName(line))).as(line).isTrue();
      }
    }
  }

  @Test
  void toolPlugins_createsTheToolsFromSettings() {
    Settings settings =
        Settings.builder()
            .put("github.api-url", "https://ghe.example.com/api/v3")
            .put("github.read-only", "true")
            .build();

    List<Tool> tools = ToolPlugins.create("github", settings);

    assertThat(tools).extracting(t -> t.spec().name()).hasSize(7).contains("github_get_file");
  }
}
