package dev.codexcontinue.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Nullable;
import picocli.CommandLine.Option;

/** The options every command takes. */
final class CommonOptions {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Where sessions, memory, history and config.properties live"
              + " (default: $CODEX_HOME, else ~/.codexcontinue).")
  @Nullable
  Path home;

  @Option(
      names = "--provider",
      paramLabel = "ID",
      description =
          "openai, azure-openai, tabby, ollama or auto (default: the setting 'provider', else"
              + " auto: the first configured provider that answers, else local Ollama).")
  @Nullable
  String provider;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "The model (for Azure, the deployment); default: the provider's setting.")
  @Nullable
  String model;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Sets any setting for this run, e.g. --set ollama.host=http://gpu:11434.")
  Map<String, String> set = new LinkedHashMap<>();

  /** Returns the flags as settings, which win over every other layer. */
  Map<String, String> asSettings() {
    Map<String, String> flags = new LinkedHashMap<>(set);
    if (provider != null) {
      flags.put("provider", provider);
    }
    if (model != null) {
      flags.put("model", model);
    }
    return flags;
  }
}
