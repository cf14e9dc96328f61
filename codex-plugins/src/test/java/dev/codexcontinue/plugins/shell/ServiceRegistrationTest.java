package dev.codexcontinue.plugins.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.spi.ToolFactory;
import dev.codexcontinue.core.discovery.ToolPlugins;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell factory is found by id, configured by settings, and its services entry is valid. */
final class ServiceRegistrationTest {
  @TempDir Path workspace;

  @Test
  void serviceLoader_findsTheShellFactoryById() {
    ToolFactory found =
        ServiceLoader.load(ToolFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals("shell"))
            .findFirst()
            .orElseThrow();
    assertThat(found).isInstanceOf(ShellToolFactory.class);
  }

  @Test
  void servicesFile_namesClassesImplementingTheSpi() throws Exception {
    String entries;
    try (InputStream in =
        getClass()
            .getResourceAsStream("/META-INF/services/dev.codexcontinue.api.spi.ToolFactory")) {
      assertThat(in).isNotNull();
      entries = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(entries).contains(ShellToolFactory.class.getName());
    for (String line : entries.strip().split("\\R")) {
      assertThat(ToolFactory.class.isAssignableFrom(Class.forName(line.strip()))).isTrue();
    }
  }

  @Test
  void create_settings_configureTheTool() {
    Settings settings =
        Settings.builder()
            .put("shell.workspace", workspace.toString())
            .put("shell.allow", " touch , mkdir ,")
            .put("shell.sandbox", "off")
            .put("shell.timeout", "3s")
            .put("shell.max-output-bytes", "2048")
            .build();
    List<Tool> tools = ToolPlugins.create("shell", settings);
    assertThat(tools).singleElement().isInstanceOf(ShellTool.class);
    ShellTool tool = (ShellTool) tools.get(0);
    assertThat(tool.sandbox()).isEqualTo(Sandbox.NONE);
    assertThat(tool.spec().description()).contains("touch").contains("mkdir");
    ToolResult result =
        tool.execute(
            ToolCall.of("c", "shell", "{\"command\":[\"touch\",\"a\"]}"), ToolContext.none());
    assertThat(result.isError()).isFalse();
    assertThat(workspace.resolve("a")).exists();
  }

  @Test
  void create_secretSettings_areMaskedInOutput() throws Exception {
    String token = "ghp_TEST_0123456789abcdef";
    Files.writeString(workspace.resolve("token.txt"), "token=" + token + "\n");
    Settings settings =
        Settings.builder()
            .put("shell.workspace", workspace.toString())
            .put("shell.sandbox", "off")
            .put("github.token", token)
            .build();
    Tool tool = new ShellToolFactory().create(settings).get(0);
    ToolResult result =
        tool.execute(
            ToolCall.of("c", "shell", "{\"command\":[\"cat\",\"token.txt\"]}"), ToolContext.none());
    assertThat(result.content()).contains("token=****").doesNotContain(token);
  }

  @Test
  void create_missingOrInvalidSettings_throwConfigurationException() {
    ShellToolFactory factory = new ShellToolFactory();
    assertThatThrownBy(() -> factory.create(Settings.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("shell.workspace");
    assertThatThrownBy(
            () ->
                factory.create(
                    Settings.builder()
                        .put("shell.workspace", workspace.toString())
                        .put("shell.sandbox", "sometimes")
                        .build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("sandbox");
    assertThatThrownBy(
            () ->
                factory.create(
                    Settings.builder()
                        .put("shell.workspace", workspace.resolve("missing").toString())
                        .build()))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () ->
                factory.create(
                    Settings.builder()
                        .put("shell.workspace", workspace.toString())
                        .put("shell.sandbox", "required")
                        .put("shell.bwrap", workspace.resolve("no-bwrap").toString())
                        .build()))
        .isInstanceOf(SandboxUnavailableException.class);
  }
}
