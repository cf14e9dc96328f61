package dev.codexcontinue.cli.internal;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.core.discovery.ToolPlugins;
import dev.codexcontinue.core.tool.JsonSchema;
import dev.codexcontinue.core.tool.Tools;
import dev.codexcontinue.plugins.docs.DocsTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tools {@code codexctl} gives its agents, built from settings. */
final class CliTools {
  /** The tool that searches what {@code codexctl index} put into long-term memory. */
  static final String SEARCH_INDEXED_DOCS = "search_indexed_docs";

  private CliTools() {}

  /**
   * Returns the shell tool: the {@code shell.*} settings, with the working directory as the
   * workspace unless {@code shell.workspace} says otherwise, and the sandbox when one works.
   */
  static Tool shell(CliSettings settings, Map<String, String> extra) {
    Map<String, String> overrides = new java.util.LinkedHashMap<>(extra);
    Settings s = settings.settings();
    if (s.get("shell.workspace").isEmpty()) {
      overrides.put("shell.workspace", settings.workingDirectory().toString());
    }
    return ToolPlugins.create("shell", settings.with(overrides)).get(0);
  }

  /** Returns the chat's tools: read-only docs tools on the working directory, shell, search. */
  static List<Tool> forChat(CliSettings settings, DocsSearch search) {
    List<Tool> tools = new ArrayList<>();
    tools.addAll(
        DocsTools.builder()
            .root(settings.workingDirectory())
            .secrets(settings.settings().secretValues())
            .build()
            .tools());
    tools.add(shell(settings, Map.of()));
    tools.add(
        Tools.builder(SEARCH_INDEXED_DOCS)
            .description(
                "Searches the documents indexed with `codexctl index` and returns the most"
                    + " relevant passages with file:line citations.")
            .parameters(
                JsonSchema.object().property("query", JsonSchema.string()).required("query"))
            .permission(ToolPermission.ALLOW)
            .handler((args, ctx) -> DocsSearch.render(search.search(args.string("query"), 5)))
            .build());
    return tools;
  }
}
