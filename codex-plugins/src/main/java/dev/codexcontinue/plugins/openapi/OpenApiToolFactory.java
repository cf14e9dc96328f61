package dev.codexcontinue.plugins.openapi;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.spi.ToolFactory;
import java.util.List;

/**
 * Creates the tools of an OpenAPI document for id {@code openapi} from {@code openapi.*} settings
 * (see {@link OpenApiTools.Builder#settings}); reads the document when called.
 */
public final class OpenApiToolFactory implements ToolFactory {
  /** Creates the factory; does no I/O. */
  public OpenApiToolFactory() {}

  @Override
  public String id() {
    return "openapi";
  }

  @Override
  public List<Tool> create(Settings settings) {
    return OpenApiTools.builder().settings(settings).build().tools();
  }
}
