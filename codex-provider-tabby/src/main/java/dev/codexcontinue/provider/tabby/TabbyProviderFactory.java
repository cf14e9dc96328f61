package dev.codexcontinue.provider.tabby;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.spi.ProviderFactory;

/** Creates {@link TabbyProvider}s for id {@code tabby} from {@code tabby.*} settings. */
public final class TabbyProviderFactory implements ProviderFactory {
  /** Creates the factory; does no I/O. */
  public TabbyProviderFactory() {}

  @Override
  public String id() {
    return "tabby";
  }

  @Override
  public Provider create(Settings settings) {
    return TabbyProvider.builder().settings(settings).build();
  }
}
