package dev.codexcontinue.provider.openai;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.spi.ProviderFactory;

/**
 * Creates {@link AzureOpenAiProvider}s for id {@code azure-openai} from {@code azure-openai.*}
 * settings.
 */
public final class AzureOpenAiProviderFactory implements ProviderFactory {
  /** Creates the factory; does no I/O. */
  public AzureOpenAiProviderFactory() {}

  @Override
  public String id() {
    return "azure-openai";
  }

  @Override
  public Provider create(Settings settings) {
    return AzureOpenAiProvider.builder().settings(settings).build();
  }
}
