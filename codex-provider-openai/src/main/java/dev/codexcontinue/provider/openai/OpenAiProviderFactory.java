package dev.codexcontinue.provider.openai;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.spi.ProviderFactory;

/** Creates {@link OpenAiProvider}s for id {@code openai} from {@code openai.*} settings. */
public final class OpenAiProviderFactory implements ProviderFactory {
  /** Creates the factory; does no I/O. */
  public OpenAiProviderFactory() {}

  @Override
  public String id() {
    return "openai";
  }

  @Override
  public Provider create(Settings settings) {
    return OpenAiProvider.builder().settings(settings).build();
  }
}
