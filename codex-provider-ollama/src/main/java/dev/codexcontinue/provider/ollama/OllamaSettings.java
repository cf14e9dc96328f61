package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import java.util.Locale;

/**
 * Reads the {@code ollama.*} settings into a builder; see {@link OllamaProvider.Builder#settings}.
 */
final class OllamaSettings {
  private OllamaSettings() {}

  static void apply(Settings settings, OllamaProvider.Builder builder) {
    Settings s = settings.withPrefix("ollama");
    try {
      s.get("host").filter(v -> !v.isBlank()).ifPresent(builder::baseUrl);
      s.get("model").filter(v -> !v.isBlank()).ifPresent(builder::model);
      s.get("embedding-model").filter(v -> !v.isBlank()).ifPresent(builder::embeddingModel);
      s.get("completion-model").filter(v -> !v.isBlank()).ifPresent(builder::completionModel);
      s.get("keep-alive").filter(v -> !v.isBlank()).ifPresent(builder::keepAlive);
      s.integer("num-ctx").ifPresent(builder::numCtx);
      s.get("context-sizing")
          .filter(v -> !v.isBlank())
          .ifPresent(v -> builder.contextSizing(contextSizing(v)));
      builder.rawCompletions(s.flag("raw-completions", builder.rawCompletions()));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("ollama: bad setting: " + e.getMessage(), e);
    }
    s.secret("api-key").ifPresent(builder::apiKey);
    s.duration("timeout").ifPresent(builder::timeout);
    s.integer("max-retries").ifPresent(builder::maxRetries);
  }

  private static ContextSizing contextSizing(String value) {
    return ContextSizing.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
