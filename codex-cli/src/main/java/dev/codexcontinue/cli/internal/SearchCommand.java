package dev.codexcontinue.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.memory.faiss.FaissMemoryStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codexctl search QUERY}: passages back from long-term memory. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the indexed passages most similar to QUERY, with file and line citations.",
      "Offline by default; uses the same embedder as `codexctl index`."
    })
final class SearchCommand extends BaseCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for.")
  List<String> query = List.of();

  @Option(
      names = {"-k", "--top"},
      paramLabel = "N",
      description = "How many passages (default: ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int top = 5;

  @Option(names = "--json", description = "Print the passages as a JSON array.")
  boolean json;

  SearchCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws Exception {
    if (top < 1 || top > 100) {
      err().println("codexctl: --top must be between 1 and 100");
      return ExitCode.USAGE;
    }
    try (Embedder embedder = Embedder.choose(settings());
        FaissMemoryStore store = memoryHome().openStore(embedder.model(), true)) {
      DocsSearch search = new DocsSearch(store, new DocsCatalog(store.directory()));
      if (search.isEmpty()) {
        err()
            .println(
                "codexctl: nothing indexed yet in "
                    + store.directory()
                    + ": run `codexctl index DIR` first");
        return ExitCode.ERROR;
      }
      List<DocsSearch.Hit> hits = search.search(String.join(" ", query), top);
      if (json) {
        ArrayNode array = JSON.createArrayNode();
        for (DocsSearch.Hit h : hits) {
          array
              .addObject()
              .put("file", h.file())
              .put("lineStart", h.lineStart())
              .put("lineEnd", h.lineEnd())
              .put("score", h.score())
              .put("heading", h.heading())
              .put("text", h.text());
        }
        out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        return ExitCode.OK;
      }
      if (hits.isEmpty()) {
        out().println("no matches");
      }
      for (DocsSearch.Hit h : hits) {
        out()
            .printf(
                "%.3f  %s%s%n",
                h.score(), h.citation(), h.heading().isEmpty() ? "" : "  # " + h.heading());
        h.text().strip().lines().limit(4).forEach(l -> out().println("    " + l));
      }
      return ExitCode.OK;
    }
  }
}
