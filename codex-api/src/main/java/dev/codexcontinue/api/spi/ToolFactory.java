package dev.codexcontinue.api.spi;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import java.util.List;

/** Creates the tools of one plugin (for example {@code docs}: list, read and grep); found by id. */
public interface ToolFactory {
  /** Returns the plugin id, for example {@code shell}, {@code docs}, {@code github}. */
  String id();

  /** Creates the plugin's tools, configured by {@code settings}. */
  List<Tool> create(Settings settings);
}
