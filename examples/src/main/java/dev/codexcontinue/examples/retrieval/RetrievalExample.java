package dev.codexcontinue.examples.retrieval;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.memory.HashingEmbeddingModel;
import dev.codexcontinue.examples.ExampleProviders;
import dev.codexcontinue.examples.Transcript;
import dev.codexcontinue.memory.faiss.FaissMemoryStore;
import dev.codexcontinue.plugins.docs.DocsIndexer;
import dev.codexcontinue.plugins.docs.DocsTools;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Retrieval over a folder: the files are chunked and indexed into a {@link FaissMemoryStore} (FAISS
 * index files in a directory, embedded offline by {@link HashingEmbeddingModel}), and an agent
 * answers a question with the {@code docs_search} tool, citing the passages as {@code
 * path:first-last}. Opening the store again finds the index on disk: the second indexing run
 * re-embeds nothing.
 *
 * <p>Its FAISS files go to a new temporary directory on each run; point {@link #run} at a directory
 * of your own to keep them.
 */
public final class RetrievalExample {
  static final String QUESTION = "How many times does the HTTP client retry a failed request?";

  private RetrievalExample() {}

  /**
   * Runs the example on the configured provider, or offline. The folder is the first argument or
   * the setting {@code examples.docs} ({@code CODEX_EXAMPLES_DOCS}), a sample handbook otherwise;
   * the question is the second argument or {@code examples.question}.
   */
  public static void main(String[] args) throws IOException {
    Settings settings = Settings.fromEnvironment();
    Path work = Files.createTempDirectory("codex-retrieval-");
    Optional<String> folder =
        args.length > 0 ? Optional.of(args[0]) : settings.get("examples.docs");
    Path docs =
        folder.isPresent() ? Path.of(folder.get()) : SampleHandbook.writeTo(work.resolve("docs"));
    String question = args.length > 1 ? args[1] : settings.get("examples.question", QUESTION);
    run(settings, System.out, docs, work.resolve("index"), question);
  }

  /** Indexes {@code docs} into a store in {@code indexDir} and asks {@code question} about them. */
  public static AgentReply run(
      Settings settings, PrintStream out, Path docs, Path indexDir, String question) {
    HashingEmbeddingModel embeddings = HashingEmbeddingModel.create();
    AgentReply reply;
    try (FaissMemoryStore store = open(indexDir, embeddings);
        Provider model =
            ExampleProviders.configuredOr(
                settings, out, "a scripted model that searches, then cites", CitingModel::create)) {
      DocsIndexer indexer = DocsIndexer.builder().root(docs).store(store).build();
      out.println("indexed " + docs.getFileName() + ": " + indexer.index());
      store.commit(); // one durable commit for the whole run, instead of one per file
      // docs_search reads the index through the indexer; list, read and grep read the folder.
      DocsTools docsTools = DocsTools.builder().root(docs).index(indexer).build();
      try (Agent agent = Agent.builder().provider(model).tools(docsTools.tools()).build()) {
        out.println("user: " + question);
        reply = agent.chat(AgentRequest.of("docs", question));
      }
      Transcript.print(reply, out);
    }
    try (FaissMemoryStore reopened = open(indexDir, embeddings)) {
      out.println(
          "reopened "
              + indexDir.getFileName()
              + ": "
              + reopened.size()
              + " chunks on disk, "
              + DocsIndexer.builder().root(docs).store(reopened).build().index());
    }
    return reply;
  }

  private static FaissMemoryStore open(Path dir, HashingEmbeddingModel embeddings) {
    return FaissMemoryStore.builder()
        .directory(dir)
        .embeddingModel(embeddings)
        .autoCommit(false)
        .build();
  }
}
