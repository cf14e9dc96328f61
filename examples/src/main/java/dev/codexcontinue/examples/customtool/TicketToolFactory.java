package dev.codexcontinue.examples.customtool;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.spi.ToolFactory;
import java.util.List;
import java.util.Map;

/**
 * Registers the {@code tickets} tool plugin for discovery: the file {@code
 * META-INF/services/dev.codexcontinue.api.spi.ToolFactory} names this class, and {@code
 * ToolPlugins.create("tickets", settings)} finds it. The no-argument constructor does no I/O.
 *
 * <p>Settings: {@code tickets.project} (environment {@code CODEX_TICKETS_PROJECT}), the project
 * whose tickets the tool may read; {@code OPS} by default.
 */
public final class TicketToolFactory implements ToolFactory {
  /** The plugin id. */
  public static final String ID = "tickets";

  static final Map<String, String> TRACKER =
      Map.of(
          "OPS-42", "[open] Billing p99 latency above 2 s since deploy 4f2a; assignee: grace",
          "OPS-43", "[closed] Rotate the staging database password; assignee: ada",
          "WEB-7", "[open] Dark mode for the dashboard; assignee: linus");

  /** Creates the factory; does nothing else. */
  public TicketToolFactory() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Tool> create(Settings settings) {
    return List.of(new TicketLookupTool(settings.get("tickets.project", "OPS"), TRACKER));
  }
}
