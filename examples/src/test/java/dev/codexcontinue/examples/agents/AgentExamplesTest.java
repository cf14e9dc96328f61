package dev.codexcontinue.examples.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.cli.agents.NotebookReview;
import dev.codexcontinue.cli.agents.PullRequestRef;
import dev.codexcontinue.cli.agents.Review;
import dev.codexcontinue.cli.agents.ShellOutcome;
import dev.codexcontinue.core.tool.ToolApprover;
import dev.codexcontinue.plugins.github.GitHubTools;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The three agent programs on a scripted model; GitHub is a MockWebServer. */
@Timeout(30)
final class AgentExamplesTest {
  @TempDir Path dir;
  final MockWebServer github = new MockWebServer();
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @BeforeEach
  void setUp() throws Exception {
    github.start();
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  @Test
  void review_readsPullRequestThroughGitHubAndPrintsModelReview() throws Exception {
    github.enqueue(
        json("{\"number\":3,\"title\":\"Fix NPE\",\"state\":\"open\",\"body\":\"Null check.\"}"));
    github.enqueue(
        json(
            "[{\"filename\":\"Main.java\",\"status\":\"modified\",\"additions\":1,\"deletions\":0}]"));
    github.enqueue(new MockResponse.Builder().body("+ if (x == null) return;\n").build());
    try (ScriptedProvider model =
            ScriptedProvider.builder().reply("Looks right: the null check guards Main.").build();
        GitHubTools tools = GitHubTools.builder().apiUrl(github.url("/").toString()).build()) {

      Review review =
          ReviewAgentExample.run(model, tools.tools(), PullRequestRef.parse("acme/app#3"), out);

      assertThat(review.text()).isEqualTo("Looks right: the null check guards Main.");
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .contains("Reviewing acme/app#3")
          .contains("not posted");
      assertThat(sent(model)).contains("Fix NPE").contains("if (x == null) return;");
      RecordedRequest first = github.takeRequest(5, TimeUnit.SECONDS);
      assertThat(first.getUrl().encodedPath()).isEqualTo("/repos/acme/app/pulls/3");
    }
  }

  @Test
  void shell_runsApprovedCommandInWorkspaceAndReportsIt() throws Exception {
    Files.writeString(dir.resolve("big.log"), "x".repeat(10_000));
    try (ScriptedProvider model =
        ScriptedProvider.builder()
            .toolCall("shell", "{\"command\":[\"ls\"]}")
            .reply("The largest file is big.log.")
            .build()) {

      ShellOutcome outcome =
          ShellAgentExample.run(model, dir, "find the largest file", ToolApprover.ALLOW_ALL, out);

      assertThat(outcome.ranCount()).isEqualTo(1);
      assertThat(outcome.answer()).isEqualTo("The largest file is big.log.");
      assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("$ ls").contains("big.log");
    }
  }

  @Test
  void shell_deniedCommandDoesNotRun() throws Exception {
    try (ScriptedProvider model =
        ScriptedProvider.builder()
            .toolCall("shell", "{\"command\":[\"ls\"]}")
            .reply("You declined; nothing ran.")
            .build()) {

      ShellOutcome outcome =
          ShellAgentExample.run(model, dir, "list files", ToolApprover.DENY_ALL, out);

      assertThat(outcome.ranCount()).isZero();
      assertThat(outcome.deniedCount()).isEqualTo(1);
    }
  }

  @Test
  void notebook_writesProposedEditToNewFile() throws Exception {
    Path nb = dir.resolve("n.ipynb");
    Files.writeString(
        nb,
        "{\"cells\":[{\"cell_type\":\"code\",\"source\":[\"print(1/0)\"],\"outputs\":[{\"output_type\":\"error\",\"ename\":\"ZeroDivisionError\",\"evalue\":\"division by zero\",\"traceback\":[]}]}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
    try (ScriptedProvider model =
        ScriptedProvider.builder()
            .reply("Cell 1 divides by zero.\n\n### Edit cell 1\n```python\nprint(1/1)\n```\n")
            .build()) {

      NotebookReview review =
          NotebookAgentExample.run(model, nb, dir.resolve("n.edited.ipynb"), out);

      assertThat(review.edits()).containsEntry(1, "print(1/1)");
      assertThat(Files.readString(dir.resolve("n.edited.ipynb"))).contains("print(1/1)");
      assertThat(Files.readString(nb)).contains("print(1/0)");
      assertThat(sent(model)).contains("ZeroDivisionError");
    }
  }

  private static String sent(ScriptedProvider model) {
    return model.lastRequest().messages().stream()
        .map(dev.codexcontinue.api.ChatMessage::text)
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
