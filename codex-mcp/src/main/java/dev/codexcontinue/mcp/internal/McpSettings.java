package dev.codexcontinue.mcp.internal;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.mcp.McpClient;
import java.nio.file.Path;
import java.util.Optional;

/** Applies {@code mcp.*} settings to a client builder (see {@link McpClient.Builder#settings}). */
public final class McpSettings {
  private McpSettings() {}

  /**
   * Applies {@code mcp}, a view with the {@code mcp.} prefix, to {@code builder}; flags absent from
   * the settings keep the given defaults.
   *
   * @throws ConfigurationException when neither or both of command and url are set
   */
  public static void apply(
      Settings mcp, McpClient.Builder builder, boolean resourceTools, boolean trustHints) {
    Optional<String> cmd = mcp.get("command").filter(v -> !v.isBlank());
    Optional<String> endpoint = mcp.get("url").filter(v -> !v.isBlank());
    if (cmd.isPresent() == endpoint.isPresent()) {
      throw new ConfigurationException("set exactly one of mcp.command and mcp.url");
    }
    cmd.ifPresent(c -> builder.command(CommandLine.split(c)));
    endpoint.ifPresent(builder::url);
    mcp.secret("bearer-token").ifPresent(builder::bearerToken);
    mcp.get("pass-env").ifPresent(v -> CommandLine.names(v).forEach(builder::inheritEnvironment));
    mcp.get("working-dir").ifPresent(d -> builder.workingDirectory(Path.of(d)));
    mcp.duration("timeout").ifPresent(builder::requestTimeout);
    mcp.get("tool-prefix").ifPresent(builder::toolPrefix);
    builder.resourceTools(mcp.flag("resource-tools", resourceTools));
    builder.trustReadOnlyHints(mcp.flag("trust-read-only-hints", trustHints));
  }
}
