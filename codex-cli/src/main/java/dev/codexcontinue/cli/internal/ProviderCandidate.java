package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider {@code codexctl} may use: its id, whether settings select it, and the settings that
 * would enable it, spelled as environment variables.
 *
 * @param id the provider id
 * @param configured whether the settings name or configure it (a key, an endpoint, a choice)
 * @param target where it would connect, for messages
 * @param enableHint the exact settings that enable it
 */
record ProviderCandidate(String id, boolean configured, String target, String enableHint) {
  static final String OLLAMA_DEFAULT_HOST = "http://localhost:11434";

  /** Returns every known provider in order of preference, configured ones first, Ollama last. */
  static List<ProviderCandidate> all(Settings settings) {
    List<ProviderCandidate> all = new ArrayList<>();
    all.add(
        new ProviderCandidate(
            "openai",
            settings.secret("openai.api-key").isPresent(),
            settings.get("openai.base-url", "https://api.openai.com/v1"),
            env("openai.api-key")
                + "=sk-... (and "
                + env("openai.base-url")
                + " for an OpenAI-compatible server)"));
    all.add(
        new ProviderCandidate(
            "azure-openai",
            settings.get("azure-openai.endpoint").filter(v -> !v.isBlank()).isPresent(),
            settings.get("azure-openai.endpoint", "(no endpoint)"),
            env("azure-openai.endpoint")
                + "=https://NAME.openai.azure.com, "
                + env("azure-openai.api-key")
                + "=..., "
                + env("azure-openai.deployment")
                + "=DEPLOYMENT"));
    all.add(
        new ProviderCandidate(
            "tabby",
            settings.get("tabby.endpoint").filter(v -> !v.isBlank()).isPresent(),
            settings.get("tabby.endpoint", "(no endpoint)"),
            env("tabby.endpoint") + "=http://localhost:8080 (and " + env("tabby.token") + ")"));
    all.add(
        new ProviderCandidate(
            "ollama",
            settings.get("ollama.host").filter(v -> !v.isBlank()).isPresent(),
            settings.get("ollama.host", OLLAMA_DEFAULT_HOST),
            "run `ollama serve` and `ollama pull llama3.2`, or "
                + env("ollama.host")
                + "=http://HOST:11434 (model: "
                + env("ollama.model")
                + ")"));
    return all;
  }

  /** Returns the environment variable a user would most likely set for {@code key}. */
  static String env(String key) {
    List<String> names = Settings.environmentNames(key);
    return names.get(names.size() - 1);
  }
}
