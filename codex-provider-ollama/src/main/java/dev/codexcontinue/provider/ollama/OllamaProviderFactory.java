package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.spi.ProviderFactory;

/** Creates {@link OllamaProvider}s for id {@code ollama} from {@code ollama.*} settings. */
public final class OllamaProviderFactory implements ProviderFactory {
  /** Creates the factory; does no I/O. */
  public OllamaProviderFactory() {}

  @Override
  public String id() {
    return OllamaProvider.ID;
  }

  @Override
  public Provider create(Settings settings) {
    return OllamaProvider.builder().settings(settings).build();
  }
}
