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

/**
 * Retrieval over a folder: the files are chunked and indexed into a {@link FaissMemoryStore} (FAISS
 * index files in a directory, embedded offline by {@link HashingEmbeddingModel}), and an agent
 * answers a question with the {@code docs_search} tool, citing the passages as {@code
 * path:first-last}. Opening the store again finds the index on disk: the second indexing run
 * re-embeds nothing.
 *
 * <p>Arguments: the folder to index (a small sample handbook by default), then the question.
 */
public final class RetrievalExample {
  static final String QUESTION = "How many times does the HTTP client retry a failed request?";

  private RetrievalExample() {}

  /** Runs the example on the configured provider, or offline. */
  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("codex-retrieval-");
    Path docs = args.length > 0 ? Path.of(args[0]) : SampleHandbook.writeTo(work.resolve("docs"));
    String question = args.length > 1 ? args[1] : QUESTION;
    run(Settings.fromEnvironment(), System.out, docs, work.resolve("index"), question);
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
