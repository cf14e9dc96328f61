package dev.codexcontinue.plugins.web;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.spi.ToolFactory;
import java.util.List;

/**
 * Creates the web tools for id {@code web} from {@code web.*} settings (see {@link
 * WebTools.Builder#settings}). Their connections are released when idle; hosts that want them
 * closed at once build {@link WebTools} themselves.
 */
public final class WebToolFactory implements ToolFactory {
  /** Creates the factory; does no I/O. */
  public WebToolFactory() {}

  @Override
  public String id() {
    return "web";
  }

  @Override
  public List<Tool> create(Settings settings) {
    return WebTools.builder().settings(settings).build().tools();
  }
}
