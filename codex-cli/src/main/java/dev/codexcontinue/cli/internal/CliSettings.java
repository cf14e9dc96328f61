package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.cli.CliContext;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.annotation.Nullable;

/**
 * The settings of one run, layered: command-line flags, then {@code codex.*} system properties,
 * then environment variables, then {@code ./.env}, then {@code config.properties} in the home
 * directory. The home is {@code --home}, else {@code CODEX_HOME}, else {@code ~/.codexcontinue}.
 */
final class CliSettings {
  static final String CONFIG_FILE = "config.properties";

  private final CliContext context;
  private final Path home;
  private final Map<String, String> flags;
  private final Map<String, String> fileValues;
  private final Settings settings;

  private CliSettings(
      CliContext context, Path home, Map<String, String> flags, Map<String, String> fileValues) {
    this.context = context;
    this.home = home;
    this.flags = Map.copyOf(flags);
    this.fileValues = Map.copyOf(fileValues);
    this.settings = build(Map.of());
  }

  /**
   * Reads the layers.
   *
   * @throws ConfigurationException when the config file exists but cannot be read
   */
  static CliSettings load(CliContext context, @Nullable Path homeFlag, Map<String, String> flags) {
    Path home = resolveHome(context, homeFlag);
    return new CliSettings(context, home, flags, readConfig(home.resolve(CONFIG_FILE)));
  }

  private static Path resolveHome(CliContext context, @Nullable Path homeFlag) {
    if (homeFlag != null) {
      return context.workingDirectory().resolve(homeFlag).normalize();
    }
    String env = context.environment().get("CODEX_HOME");
    if (env != null && !env.isBlank()) {
      return context.workingDirectory().resolve(env.strip()).normalize();
    }
    String userHome = context.systemProperties().getProperty("user.home", ".");
    return Path.of(userHome).resolve(".codexcontinue").toAbsolutePath().normalize();
  }

  private static Map<String, String> readConfig(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException(
          "cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : props.stringPropertyNames()) {
      values.put(name.strip(), props.getProperty(name).strip());
    }
    return values;
  }

  /** Returns the settings in effect. */
  Settings settings() {
    return settings;
  }

  /** Returns the settings with {@code overrides} on top of every layer. */
  Settings with(Map<String, String> overrides) {
    return build(overrides);
  }

  private Settings build(Map<String, String> overrides) {
    Settings.Builder base =
        Settings.builder()
            .systemProperties(context.systemProperties())
            .environment(context.environment())
            .dotEnv(context.workingDirectory().resolve(".env"));
    flags.forEach(base::put);
    Settings layered = base.build();
    // The config file is the lowest layer: its values count only where no other layer has one.
    Settings.Builder full =
        Settings.builder()
            .systemProperties(context.systemProperties())
            .environment(context.environment())
            .dotEnv(context.workingDirectory().resolve(".env"));
    fileValues.forEach(
        (key, value) -> {
          if (layered.get(key).isEmpty()) {
            full.put(key, value);
          }
        });
    flags.forEach(full::put);
    overrides.forEach(full::put);
    return full.build();
  }

  /** Returns where {@code key}'s value comes from, for {@code doctor}. */
  Optional<String> sourceOf(String key) {
    if (flags.containsKey(key)) {
      return Optional.of("command line");
    }
    Optional<String> source = settings.sourceOf(key);
    if (source.isPresent() && source.get().equals("builder") && fileValues.containsKey(key)) {
      return Optional.of(configFile().toString());
    }
    return source;
  }

  /** Returns the home directory: sessions, memory, history and the config file live there. */
  Path home() {
    return home;
  }

  /** Returns the config file's path (it may not exist). */
  Path configFile() {
    return home.resolve(CONFIG_FILE);
  }

  /** Returns the working directory of the run. */
  Path workingDirectory() {
    return context.workingDirectory();
  }

  /** Returns the keys set in the config file. */
  Map<String, String> fileValues() {
    return fileValues;
  }
}
