package dev.codexcontinue.plugins.docs.internal;

import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.plugins.docs.DocsIndexer;
import dev.codexcontinue.plugins.docs.DocsMatch;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code docs_search}: finds the indexed passages most relevant to a query and returns each with
 * its citation ({@code path:start-end}). The index is brought up to date first when it is stale.
 */
public final class DocsSearchTool extends DocsTool {
  /** The tool's name. */
  public static final String NAME = "docs_search";

  private static final int MAX_PASSAGE_CHARS = 2000;
  private static final Set<String> ARGUMENTS = Set.of("query", "top_k");
  private static final ToolSpec SPEC =
      new ToolSpec(
          NAME,
          "Finds the passages of the indexed documents most relevant to a question and returns"
              + " them with citations as path:first_line-last_line. Cite them in your answer;"
              + " read more around a passage with docs_read.",
          "{\"type\":\"object\",\"properties\":{"
              + "\"query\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":2000},"
              + "\"top_k\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":20}},"
              + "\"required\":[\"query\"],\"additionalProperties\":false}");

  private final DocsIndexer indexer;

  /** Creates the tool over {@code indexer}. */
  public DocsSearchTool(DocsConfig config, DocsIndexer indexer) {
    super(SPEC, ARGUMENTS, config);
    this.indexer = indexer;
  }

  @Override
  protected ToolResult run(JsonArguments args, ToolContext context) {
    String query = args.string("query");
    int topK = args.optionalInt("top_k", 1, 20).orElse(5);
    List<DocsMatch> matches;
    try {
      indexer.refreshIfStale();
      matches = indexer.search(query, topK);
    } catch (CodexException | UncheckedIOException e) {
      // The store failed (or the root vanished); the model hears why, without a stack trace.
      return ToolResult.error(config.finish("search failed: " + e.getMessage()));
    }
    if (matches.isEmpty()) {
      return ToolResult.of("no indexed passage matches");
    }
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (DocsMatch m : matches) {
      out.append('[').append(n++).append("] ").append(m.citation());
      out.append(String.format(Locale.ROOT, " (score %.3f)", m.score()));
      if (!m.heading().isEmpty()) {
        out.append(" # ").append(m.heading());
      }
      String text = m.text();
      out.append('\n')
          .append(
              text.length() <= MAX_PASSAGE_CHARS
                  ? text
                  : text.substring(0, MAX_PASSAGE_CHARS) + "...")
          .append("\n\n");
    }
    return ToolResult.of(config.finish(out.toString()));
  }
}
