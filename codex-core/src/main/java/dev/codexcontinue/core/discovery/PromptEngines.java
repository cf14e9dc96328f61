package dev.codexcontinue.core.discovery;

import dev.codexcontinue.api.spi.PromptTemplateFactory;
import java.util.Set;

/** Finds prompt template engines by id; the default engine's id is {@code default}. */
public final class PromptEngines {
  private PromptEngines() {}

  /** Returns the engine {@code id} from the thread's context class loader. */
  public static PromptTemplateFactory get(String id) {
    return get(id, FactoryCatalog.defaultLoader());
  }

  /** Returns the engine {@code id} from {@code loader}. */
  public static PromptTemplateFactory get(String id, ClassLoader loader) {
    return catalog(loader).select(id);
  }

  /** Returns the ids of the engines visible to {@code loader}. */
  public static Set<String> ids(ClassLoader loader) {
    return catalog(loader).ids();
  }

  private static FactoryCatalog<PromptTemplateFactory> catalog(ClassLoader loader) {
    return FactoryCatalog.load(
        "prompt template engine", PromptTemplateFactory.class, loader, PromptTemplateFactory::id);
  }
}
