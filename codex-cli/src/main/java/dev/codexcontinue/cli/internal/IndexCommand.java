package dev.codexcontinue.cli.internal;

import dev.codexcontinue.cli.CliContext;
import dev.codexcontinue.cli.ExitCode;
import dev.codexcontinue.memory.faiss.FaissMemoryStore;
import dev.codexcontinue.plugins.docs.DocsIndexer;
import dev.codexcontinue.plugins.docs.IndexReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codexctl index DIR}: the text files under DIR into long-term memory. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Indexes the text files under DIR into long-term memory (a FAISS store under the home).",
      "Offline by default (the built-in hashing embedder); with memory.embeddings=provider, the"
          + " provider's embeddings. Incremental: unchanged files are skipped, deleted ones"
          + " removed."
    })
final class IndexCommand extends BaseCommand {
  @Parameters(paramLabel = "DIR", description = "The directory to index.")
  Path directory = Path.of(".");

  @Option(
      names = "--progress",
      paramLabel = "WHEN",
      description = "auto (on a terminal), always or never; default: ${DEFAULT-VALUE}.",
      defaultValue = "auto")
  String progress = "auto";

  IndexCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    Path root = settings().workingDirectory().resolve(directory).normalize();
    if (!Files.isDirectory(root)) {
      err().println("codexctl: not a directory: " + root);
      return ExitCode.USAGE;
    }
    boolean showProgress =
        switch (progress) {
          case "always" -> true;
          case "never" -> false;
          default -> context.isInteractiveTerminal();
        };
    try (Embedder embedder = Embedder.choose(settings());
        FaissMemoryStore store = memoryHome().openStore(embedder.model(), false)) {
      ProgressBar bar = new ProgressBar(err(), countFiles(root), showProgress);
      String indexName = DocsCatalog.indexName(root);
      DocsIndexer indexer =
          DocsIndexer.builder()
              .root(root)
              .store(new CountingStore(store, bar::step))
              .indexName(indexName)
              .secrets(settings().settings().secretValues())
              .build();
      IndexReport report = indexer.index();
      store.commit();
      new DocsCatalog(store.directory()).add(indexName);
      bar.finish();
      out()
          .printf(
              "indexed %s: %d files scanned, %d indexed, %d unchanged, %d skipped; %d chunks added,"
                  + " %d removed%n",
              root,
              report.filesScanned(),
              report.filesIndexed(),
              report.filesUnchanged(),
              report.filesSkipped(),
              report.chunksAdded(),
              report.chunksRemoved());
      out()
          .printf(
              "store %s: %d records (%s embeddings)%n",
              store.directory(), store.size(), embedder.model().name());
      return ExitCode.OK;
    }
  }

  /** Counts the visible regular files, as the indexer walks them, for the bar's total. */
  private static int countFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return (int)
          files.filter(Files::isRegularFile).filter(p -> !hidden(root.relativize(p))).count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root, e);
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
