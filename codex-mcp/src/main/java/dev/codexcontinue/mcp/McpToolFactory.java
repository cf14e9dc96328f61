package dev.codexcontinue.mcp;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.spi.ToolFactory;
import java.util.List;

/**
 * Creates the tools of one MCP server for id {@code mcp} from {@code mcp.*} settings (see {@link
 * McpClient.Builder#settings}); connects when called. The client behind the tools lives until the
 * JVM exits (a stdio server is then stopped by a shutdown hook); applications that need to stop it
 * earlier build an {@link McpClient} themselves and close it.
 */
public final class McpToolFactory implements ToolFactory {
  /** Creates the factory; does no I/O. */
  public McpToolFactory() {}

  @Override
  public String id() {
    return "mcp";
  }

  @Override
  public List<Tool> create(Settings settings) {
    return McpClient.builder().settings(settings).build().tools();
  }
}
