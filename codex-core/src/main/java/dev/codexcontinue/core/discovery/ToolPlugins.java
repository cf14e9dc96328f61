package dev.codexcontinue.core.discovery;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.spi.ToolFactory;
import java.util.List;
import java.util.Set;

/** Creates the tools of a plugin by id ({@code shell}, {@code docs}, {@code github}, ...). */
public final class ToolPlugins {
  private ToolPlugins() {}

  /** Creates the tools of plugin {@code id} from the thread's context class loader. */
  public static List<Tool> create(String id, Settings settings) {
    return create(id, settings, FactoryCatalog.defaultLoader());
  }

  /** Creates the tools of plugin {@code id} from {@code loader}. */
  public static List<Tool> create(String id, Settings settings, ClassLoader loader) {
    return List.copyOf(catalog(loader).select(id).create(settings));
  }

  /** Returns the ids of the plugins visible to {@code loader}. */
  public static Set<String> ids(ClassLoader loader) {
    return catalog(loader).ids();
  }

  private static FactoryCatalog<ToolFactory> catalog(ClassLoader loader) {
    return FactoryCatalog.load("tool plugin", ToolFactory.class, loader, ToolFactory::id);
  }
}
