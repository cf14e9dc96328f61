package dev.codexcontinue.api.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a setting key maps to system properties and environment variables, including the well-known
 * variable names that other tools already use ({@code OPENAI_API_KEY}, {@code OLLAMA_HOST}, ...).
 */
public final class SettingNames {
  /** Prefix of system properties: key {@code openai.api-key} is {@code codex.openai.api-key}. */
  public static final String PROPERTY_PREFIX = "codex.";

  private static final Map<String, List<String>> WELL_KNOWN =
      Map.ofEntries(
          Map.entry("openai.api-key", List.of("OPENAI_API_KEY")),
          Map.entry("openai.base-url", List.of("OPENAI_BASE_URL")),
          Map.entry("openai.organization", List.of("OPENAI_ORG_ID")),
          Map.entry("openai.project", List.of("OPENAI_PROJECT_ID")),
          Map.entry("azure-openai.endpoint", List.of("AZURE_OPENAI_ENDPOINT")),
          Map.entry("azure-openai.api-key", List.of("AZURE_OPENAI_API_KEY")),
          Map.entry("azure-openai.api-version", List.of("OPENAI_API_VERSION")),
          Map.entry("ollama.host", List.of("OLLAMA_HOST")),
          Map.entry("ollama.api-key", List.of("OLLAMA_API_KEY")),
          Map.entry("tabby.endpoint", List.of("TABBY_ENDPOINT")),
          Map.entry("tabby.token", List.of("TABBY_TOKEN")),
          Map.entry("github.token", List.of("GITHUB_TOKEN")),
          Map.entry("github.api-url", List.of("GITHUB_API_URL")));

  private SettingNames() {}

  /** Returns the system property for {@code key}. */
  public static String property(String key) {
    return PROPERTY_PREFIX + key;
  }

  /**
   * Returns the environment variables for {@code key}, most specific first: {@code
   * CODEX_OPENAI_API_KEY}, then well-known names such as {@code OPENAI_API_KEY}.
   */
  public static List<String> environment(String key) {
    String own = "CODEX_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    List<String> known = WELL_KNOWN.getOrDefault(key, List.of());
    if (known.isEmpty()) {
      return List.of(own);
    }
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(own), known.stream()).toList();
  }

  /** Returns the keys that have well-known variable names. */
  public static java.util.Set<String> wellKnownKeys() {
    return WELL_KNOWN.keySet();
  }

  /** Returns whether the key names a credential, so its value must be masked. */
  public static boolean isSecret(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return last.contains("key")
        || last.contains("token")
        || last.contains("secret")
        || last.contains("password");
  }
}
