package dev.codexcontinue.plugins.shell;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.spi.ToolFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Creates the {@link ShellTool} from settings; id {@code shell}. Keys: {@code shell.workspace}
 * (required), {@code shell.allow} (comma-separated executables that run after approval), {@code
 * shell.allow-shell-syntax} ({@code false}), {@code shell.sandbox} ({@code off}, {@code optional}
 * (default) or {@code required}), {@code shell.bwrap} (the bubblewrap executable), {@code
 * shell.timeout} ({@code 10s}), {@code shell.max-output-bytes} ({@code 65536}). Every secret value
 * of the settings is masked in the tool's output and kept out of commands' environment.
 */
public final class ShellToolFactory implements ToolFactory {
  /** The factory id. */
  public static final String ID = "shell";

  /** Creates the factory; ServiceLoader calls this. */
  public ShellToolFactory() {}

  @Override
  public String id() {
    return ID;
  }

  /**
   * Creates the shell tool.
   *
   * @throws ConfigurationException when a setting is missing or invalid
   * @throws SandboxUnavailableException when the sandbox is required and no backend works
   */
  @Override
  public List<Tool> create(Settings settings) {
    Objects.requireNonNull(settings, "settings == null");
    ShellTool.Builder builder =
        ShellTool.builder().workspace(Path.of(settings.require("shell.workspace")));
    try {
      settings
          .get("shell.allow")
          .ifPresent(
              list ->
                  builder.allow(
                      Arrays.stream(list.split(","))
                          .map(String::strip)
                          .filter(s -> !s.isEmpty())
                          .toList()));
      builder.allowShellSyntax(settings.flag("shell.allow-shell-syntax", false));
      settings.get("shell.sandbox").map(SandboxMode::parse).ifPresent(builder::sandbox);
      settings.get("shell.bwrap").map(Path::of).ifPresent(builder::bubblewrap);
      settings.duration("shell.timeout").ifPresent(builder::timeout);
      settings.integer("shell.max-output-bytes").ifPresent(builder::maxOutputBytes);
      builder.secrets(settings.secretValues());
      return List.of(builder.build());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ConfigurationException("invalid shell tool settings: " + e.getMessage(), e);
    }
  }
}
