package dev.codexcontinue.api.spi;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;

/** Creates a {@link Provider} from settings; found by id through {@code ServiceLoader}. */
public interface ProviderFactory {
  /**
   * Returns the provider id: {@code openai}, {@code azure-openai}, {@code ollama}, {@code tabby}.
   */
  String id();

  /**
   * Creates the provider.
   *
   * @throws dev.codexcontinue.api.exception.ConfigurationException when a required setting is
   *     missing or invalid
   */
  Provider create(Settings settings);
}
