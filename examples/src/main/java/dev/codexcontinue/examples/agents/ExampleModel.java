package dev.codexcontinue.examples.agents;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.discovery.Providers;

/**
 * The model the agent programs run on: the provider named by {@code CODEX_PROVIDER} ({@code ollama}
 * by default; {@code openai}, {@code azure-openai}, {@code tabby}), configured from the environment
 * ({@code OPENAI_API_KEY}, {@code OLLAMA_HOST}, {@code CODEX_OLLAMA_MODEL}, ...).
 */
final class ExampleModel {
  private ExampleModel() {}

  static Provider fromEnvironment() {
    Settings settings = Settings.fromEnvironment();
    return Providers.create(settings.get("provider", "ollama"), settings);
  }
}
