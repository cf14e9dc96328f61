package dev.codexcontinue.plugins.web.internal;

import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.plugins.net.internal.NetworkTool;
import dev.codexcontinue.plugins.net.internal.SchemaBuilder;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import dev.codexcontinue.plugins.web.SearchBackend;
import dev.codexcontinue.plugins.web.SearchResult;
import java.util.List;

/** {@code web_search}: asks the configured backend and lists title, URL and snippet per hit. */
public final class WebSearchTool extends NetworkTool {
  /** The tool's name. */
  public static final String NAME = "web_search";

  private static final int MAX_QUERY = 400;

  private final SearchBackend backend;
  private final int defaultResults;
  private final int maxResults;

  /** Creates the tool over {@code backend}. */
  public WebSearchTool(
      SearchBackend backend, Redactor redactor, int defaultResults, int maxResults) {
    super(spec(defaultResults, maxResults), ToolPermission.ALLOW, redactor);
    this.backend = backend;
    this.defaultResults = defaultResults;
    this.maxResults = maxResults;
  }

  private static ToolSpec spec(int defaultResults, int maxResults) {
    return new ToolSpec(
        NAME,
        "Searches the web and returns the best hits with title, URL and a short snippet. Use"
            + " web_fetch to read a hit.",
        SchemaBuilder.object()
            .string("query", "What to search for", MAX_QUERY, true)
            .integer(
                "max_results",
                "How many hits to return (default " + defaultResults + ")",
                1,
                maxResults,
                false)
            .build());
  }

  @Override
  protected String describe(ToolArgs args) {
    return backend.describe(
        args.text("query"), args.integer("max_results", defaultResults, 1, maxResults));
  }

  @Override
  protected ToolResult run(ToolArgs args, ToolContext context) {
    String query = args.text("query").strip();
    if (query.isEmpty()) {
      throw new IllegalArgumentException("query is empty");
    }
    int max = args.integer("max_results", defaultResults, 1, maxResults);
    List<SearchResult> results = backend.search(query, max);
    if (results.isEmpty()) {
      return ToolResult.of("No results for \"" + ToolArgs.oneLine(query, MAX_QUERY) + "\".");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < results.size(); i++) {
      SearchResult r = results.get(i);
      out.append(i + 1).append(". ").append(r.title().isEmpty() ? "(untitled)" : r.title());
      out.append("\n   ").append(r.url());
      if (!r.snippet().isEmpty()) {
        out.append("\n   ").append(r.snippet());
      }
      out.append('\n');
    }
    return ToolResult.of(out.toString().stripTrailing());
  }
}
