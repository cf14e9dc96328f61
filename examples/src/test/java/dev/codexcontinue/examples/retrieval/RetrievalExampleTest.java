package dev.codexcontinue.examples.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.examples.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
final class RetrievalExampleTest {
  private static final Pattern CITATION = Pattern.compile("\\[([\\w.-]+):(\\d+)-(\\d+)]$");

  @TempDir Path tmp;
  private final Output out = new Output();
  private Path docs;

  @BeforeEach
  void writeHandbook() throws Exception {
    docs = SampleHandbook.writeTo(tmp.resolve("docs"));
  }

  private AgentReply runOffline() {
    return RetrievalExample.run(
        Settings.empty(), out.stream(), docs, tmp.resolve("index"), RetrievalExample.QUESTION);
  }

  @Test
  void run_offline_answersFromTheRetrievedChunkAndCitesItsLines() throws Exception {
    AgentReply reply = runOffline();

    assertThat(reply.toolExecutions())
        .singleElement()
        .satisfies(e -> assertThat(e.call().name()).isEqualTo("docs_search"));
    Matcher cited = CITATION.matcher(reply.text());
    assertThat(cited.find()).as("a citation ends %s", reply.text()).isTrue();
    assertThat(reply.text()).startsWith("The HTTP client retries a failed request up to 3 times");
    // The cited lines of the cited file hold the sentence the answer quotes.
    List<String> lines = Files.readAllLines(docs.resolve(cited.group(1)));
    String citedText =
        String.join(
            "\n",
            lines.subList(Integer.parseInt(cited.group(2)) - 1, Integer.parseInt(cited.group(3))));
    assertThat(citedText).contains("retries a failed request up to 3 times");
  }

  @Test
  void run_offline_persistsTheIndexSoTheSecondRunReembedsNothing() throws Exception {
    runOffline();

    assertThat(out.text())
        .startsWith("model: offline")
        .contains("indexed docs: IndexReport[filesScanned=3, filesIndexed=3, filesUnchanged=0")
        .containsPattern("  tool docs_search \\{.*} -> EXECUTED: \\[1] http-client\\.md:")
        .containsPattern(
            "reopened index: \\d+ chunks on disk, IndexReport\\[filesScanned=3, filesIndexed=0,"
                + " filesUnchanged=3, filesSkipped=0, chunksAdded=0, chunksRemoved=0]");
    try (Stream<Path> files = Files.list(tmp.resolve("index"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.endsWith(".faiss"));
    }
  }
}
