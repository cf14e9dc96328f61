package dev.codexcontinue.api;

import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.internal.DotEnv;
import dev.codexcontinue.api.internal.SettingNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration for providers, stores and tools, as keys such as {@code openai.api-key}. A value
 * comes from the first layer that has it: values set on the builder, then system properties ({@code
 * codex.openai.api-key}), then environment variables ({@code CODEX_OPENAI_API_KEY}, or a well-known
 * name such as {@code OPENAI_API_KEY}), then a {@code .env} file with the same variable names.
 * Immutable; the environment is read once, when the settings are built.
 *
 * <pre>{@code
 * Settings settings = Settings.builder().put("openai.model", "gpt-4o-mini").withEnvironment().build();
 * Secret key = settings.secret("openai.api-key").orElseThrow();
 * }</pre>
 */
public final class Settings {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
  private static final Settings EMPTY = builder().build();

  private final Map<String, String> explicit;
  private final Map<String, String> properties;
  private final Map<String, String> environment;
  private final Map<String, String> dotEnv;
  private final String prefix;

  private Settings(
      Map<String, String> explicit,
      Map<String, String> properties,
      Map<String, String> environment,
      Map<String, String> dotEnv,
      String prefix) {
    this.explicit = explicit;
    this.properties = properties;
    this.environment = environment;
    this.dotEnv = dotEnv;
    this.prefix = prefix;
  }

  /** Returns settings with no values. */
  public static Settings empty() {
    return EMPTY;
  }

  /** Returns settings from system properties, the environment and {@code ./.env}. */
  public static Settings fromEnvironment() {
    return builder().withEnvironment().build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a view in which {@code key} means {@code prefix + "." + key}. */
  public Settings withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    return new Settings(explicit, properties, environment, dotEnv, fullKey(prefix) + ".");
  }

  /** Returns the value of {@code key}, from the first layer that has it. */
  public Optional<String> get(String key) {
    return lookup(fullKey(key)).map(Map.Entry::getValue);
  }

  /** Returns the value of {@code key}, or {@code defaultValue}. */
  public String get(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  /**
   * Returns the value of {@code key}.
   *
   * @throws ConfigurationException naming the key and the places it can be set, when absent
   */
  public String require(String key) {
    String full = fullKey(key);
    return get(key)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "missing setting '"
                        + full
                        + "': set it on the builder, as system property "
                        + SettingNames.property(full)
                        + ", or as environment variable "
                        + String.join(" or ", SettingNames.environment(full))));
  }

  /** Returns the value of {@code key} as a {@link Secret}. */
  public Optional<Secret> secret(String key) {
    return get(key).filter(v -> !v.isBlank()).map(Secret::of);
  }

  /** Returns the value of {@code key} as an int. */
  public Optional<Integer> integer(String key) {
    return get(key).map(v -> parse(key, v, Integer::valueOf, "an integer"));
  }

  /** Returns the value of {@code key} as a boolean ({@code true}/{@code false}), or the default. */
  public boolean flag(String key, boolean defaultValue) {
    return get(key)
        .map(
            v -> {
              if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
              }
              throw new ConfigurationException(
                  "setting '" + fullKey(key) + "' must be true or false");
            })
        .orElse(defaultValue);
  }

  /**
   * Returns the value of {@code key} as a duration: ISO-8601 ({@code PT30S}) or a number with a
   * unit, {@code ms}, {@code s}, {@code m} or {@code h} ({@code 500ms}, {@code 30s}).
   */
  public Optional<Duration> duration(String key) {
    return get(key).map(v -> parse(key, v, Settings::parseDuration, "a duration"));
  }

  /** Returns where the value of {@code key} comes from, for diagnostics (never the value). */
  public Optional<String> sourceOf(String key) {
    return lookup(fullKey(key)).map(Map.Entry::getKey);
  }

  /**
   * Returns every value that a credential key holds in any layer, so that transports can redact
   * them from logs and errors.
   */
  public Set<String> secretValues() {
    Set<String> values = new LinkedHashSet<>();
    for (Map<String, String> layer : List.of(explicit, properties, environment, dotEnv)) {
      layer.forEach(
          (name, value) -> {
            if (SettingNames.isSecret(name) && !value.isBlank()) {
              values.add(value);
            }
          });
    }
    return values;
  }

  /**
   * Returns the environment variables {@code key} is read from, most specific first: {@code
   * CODEX_OPENAI_API_KEY}, then a well-known name such as {@code OPENAI_API_KEY}. For diagnostics
   * that tell a user what to set.
   */
  public static List<String> environmentNames(String key) {
    return SettingNames.environment(Objects.requireNonNull(key, "key == null"));
  }

  /** Returns the keys that are also read from well-known variables ({@code ollama.host}...). */
  public static Set<String> wellKnownKeys() {
    return SettingNames.wellKnownKeys();
  }

  /** Returns whether {@code key} names a credential, whose value must be masked when shown. */
  public static boolean isSecretKey(String key) {
    return SettingNames.isSecret(Objects.requireNonNull(key, "key == null"));
  }

  /** Lists the keys set on the builder and in {@code codex.*} system properties, values masked. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    properties.forEach((k, v) -> shown.put(k, mask(k, v)));
    explicit.forEach((k, v) -> shown.put(k, mask(k, v)));
    return "Settings" + (prefix.isEmpty() ? "" : "[" + prefix + "]") + shown;
  }

  private static String mask(String key, String value) {
    return SettingNames.isSecret(key) ? "****" : value;
  }

  private String fullKey(String key) {
    Objects.requireNonNull(key, "key == null");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key is blank");
    }
    return prefix + key;
  }

  private Optional<Map.Entry<String, String>> lookup(String key) {
    if (explicit.containsKey(key)) {
      return Optional.of(Map.entry("builder", explicit.get(key)));
    }
    String property = SettingNames.property(key);
    if (properties.containsKey(key)) {
      return Optional.of(Map.entry("system property " + property, properties.get(key)));
    }
    for (String name : SettingNames.environment(key)) {
      if (environment.containsKey(name)) {
        return Optional.of(Map.entry("environment variable " + name, environment.get(name)));
      }
    }
    for (String name : SettingNames.environment(key)) {
      if (dotEnv.containsKey(name)) {
        return Optional.of(Map.entry(".env variable " + name, dotEnv.get(name)));
      }
    }
    return Optional.empty();
  }

  private <T> T parse(String key, String value, Function<String, T> f, String what) {
    try {
      return f.apply(value.strip());
    } catch (RuntimeException e) {
      throw new ConfigurationException("setting '" + fullKey(key) + "' must be " + what, e);
    }
  }

  private static Duration parseDuration(String v) {
    if (v.startsWith("P") || v.startsWith("p")) {
      return Duration.parse(v);
    }
    Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(v);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** Builds {@link Settings}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> explicit = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> dotEnv = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code key} to {@code value}; builder values win over every other layer. */
    public Builder put(String key, String value) {
      Objects.requireNonNull(key, "key == null");
      Objects.requireNonNull(value, "value == null");
      explicit.put(key, value);
      return this;
    }

    /** Sets {@code key} to a secret's value. */
    public Builder put(String key, Secret value) {
      return put(key, Objects.requireNonNull(value, "value == null").reveal());
    }

    /** Adds every {@code codex.*} property of {@code props} as a layer. */
    public Builder systemProperties(Properties props) {
      Objects.requireNonNull(props, "props == null");
      for (String name : props.stringPropertyNames()) {
        if (name.startsWith(SettingNames.PROPERTY_PREFIX)) {
          properties.put(
              name.substring(SettingNames.PROPERTY_PREFIX.length()), props.getProperty(name));
        }
      }
      return this;
    }

    /** Uses {@code env} as the environment layer. */
    public Builder environment(Map<String, String> env) {
      environment.putAll(Objects.requireNonNull(env, "env == null"));
      return this;
    }

    /** Uses the {@code .env} file at {@code path} (if it exists) as the last layer. */
    public Builder dotEnv(Path path) {
      dotEnv.putAll(DotEnv.read(Objects.requireNonNull(path, "path == null")));
      return this;
    }

    /** Adds this JVM's system properties, environment and {@code ./.env}. */
    public Builder withEnvironment() {
      return systemProperties(System.getProperties())
          .environment(System.getenv())
          .dotEnv(Path.of(".env"));
    }

    /** Returns the settings. */
    public Settings build() {
      return new Settings(
          Map.copyOf(explicit),
          Map.copyOf(properties),
          Map.copyOf(environment),
          Map.copyOf(dotEnv),
          "");
    }
  }
}
