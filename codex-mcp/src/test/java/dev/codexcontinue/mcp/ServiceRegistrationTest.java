package dev.codexcontinue.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.spi.ToolFactory;
import dev.codexcontinue.core.discovery.ToolPlugins;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class ServiceRegistrationTest {
  @Test
  void serviceLoader_findsTheMcpFactoryById() {
    assertThat(ServiceLoader.load(ToolFactory.class).stream().map(p -> p.get().id()))
        .contains("mcp");
  }

  @Test
  void servicesFile_namesTheMcpFactory() throws Exception {
    try (InputStream in =
        getClass()
            .getResourceAsStream("/META-INF/services/dev.codexcontinue.api.spi.ToolFactory")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip))
          .contains(McpToolFactory.class.getName());
    }
  }

  @Test
  void settings_neitherOrBothOfCommandAndUrl_isAConfigurationError() {
    assertThatThrownBy(() -> ToolPlugins.create("mcp", Settings.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("mcp.command");
    Settings both =
        Settings.builder().put("mcp.command", "node x").put("mcp.url", "http://h/mcp").build();
    assertThatThrownBy(() -> McpClient.builder().settings(both))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void settings_badValues_areRejectedBeforeAnythingStarts() {
    Settings quote = Settings.builder().put("mcp.command", "node \"x").build();
    assertThatThrownBy(() -> McpClient.builder().settings(quote))
        .isInstanceOf(IllegalArgumentException.class);
    Settings prefix =
        Settings.builder().put("mcp.url", "http://h/mcp").put("mcp.tool-prefix", "a b").build();
    assertThatThrownBy(() -> McpClient.builder().settings(prefix))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_nullsAndEmptyCommand_areRejected() {
    assertThatThrownBy(() -> McpClient.builder().url(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> McpClient.builder().command(java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> McpClient.builder().build()).isInstanceOf(IllegalStateException.class);
  }
}
