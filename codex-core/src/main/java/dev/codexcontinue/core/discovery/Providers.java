package dev.codexcontinue.core.discovery;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.spi.ProviderFactory;
import java.util.Set;

/**
 * Creates providers by id ({@code openai}, {@code azure-openai}, {@code ollama}, {@code tabby}).
 *
 * <pre>{@code
 * try (Provider p = Providers.create("ollama", Settings.fromEnvironment())) { ... }
 * }</pre>
 */
public final class Providers {
  private Providers() {}

  /** Creates the provider {@code id} from the thread's context class loader. */
  public static Provider create(String id, Settings settings) {
    return create(id, settings, FactoryCatalog.defaultLoader());
  }

  /** Creates the provider {@code id} from {@code loader} (for plugin hosts). */
  public static Provider create(String id, Settings settings, ClassLoader loader) {
    return catalog(loader).select(id).create(settings);
  }

  /** Returns the ids of the providers on the class path. */
  public static Set<String> ids() {
    return catalog(FactoryCatalog.defaultLoader()).ids();
  }

  /** Returns the ids of the providers visible to {@code loader}. */
  public static Set<String> ids(ClassLoader loader) {
    return catalog(loader).ids();
  }

  private static FactoryCatalog<ProviderFactory> catalog(ClassLoader loader) {
    return FactoryCatalog.load("provider", ProviderFactory.class, loader, ProviderFactory::id);
  }
}
