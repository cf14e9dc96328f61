package dev.codexcontinue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** chat (plain lines), review, shell and notebook end to end against an OpenAI SSE server. */
@Timeout(60)
final class AgentCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT = "/v1/chat/completions";

  @TempDir Path home;
  @TempDir Path work;
  ProviderServer llm;
  CliRun cli;

  @BeforeEach
  void setUp() throws Exception {
    llm = ProviderServer.openAi();
    cli =
        new CliRun(home, work)
            .env("OPENAI_API_KEY", "sk-test-key")
            .env("OPENAI_BASE_URL", llm.url("/v1"))
            .env("CODEX_SHELL_SANDBOX", "off");
  }

  @AfterEach
  void tearDown() {
    llm.close();
  }

  @Test
  void chat_slashCommandsAndStreamedAnswer_sessionPersistsBetweenRuns() throws Exception {
    llm.sse(CHAT, Sse.text("Hi ", "there"));

    CliRun.Result first =
        cli.stdin("hello\n/tools\n/memory\n/model\n/sessions\n/bogus\n/exit\n").run("chat");

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains("openai gpt-4o-mini, session 'default' (0 messages)")
        .contains("assistant> Hi there")
        .contains("shell")
        .contains("search_indexed_docs")
        .contains("long-term memory: ")
        .contains("model: gpt-4o-mini (openai)")
        .contains("* default (2 messages)")
        .contains("unknown command /bogus");

    CliRun.Result second = cli.stdin("again\n/reset\n/exit\n").run("chat");
    assertThat(second.out())
        .contains("session 'default' (2 messages)")
        .contains("session 'default' cleared");
    JsonNode sent = JSON.readTree(llm.requests(CHAT).get(1).body());
    assertThat(sent.path("messages").toString()).contains("hello").contains("again");

    CliRun.Result third = cli.stdin("/exit\n").run("chat");
    assertThat(third.out()).contains("(0 messages)");
  }

  @Test
  void chat_toolNeedingApproval_runsOnlyAfterYes() throws Exception {
    llm.sse(CHAT, Sse.toolCall("shell", "{\"command\":[\"touch\",\"made.txt\"]}"));
    llm.sse(CHAT, Sse.text("done"));

    CliRun.Result r =
        cli.env("CODEX_SHELL_ALLOW", "touch").stdin("make a file\ny\n/exit\n").run("chat");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("[approval] shell: touch made.txt").contains("assistant> ");
    assertThat(work.resolve("made.txt")).exists();
  }

  @Test
  void shell_deniedCommand_neverRunsAndExits4() throws Exception {
    llm.sse(CHAT, Sse.toolCall("shell", "{\"command\":[\"touch\",\"nope.txt\"]}"));
    llm.sse(CHAT, Sse.text("Understood, nothing was changed."));

    CliRun.Result r = cli.stdin("n\n").run("shell", "--allow", "touch", "create nope.txt");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.DENIED);
    assertThat(r.out()).contains("[approval] shell: touch nope.txt").contains("[denied]");
    assertThat(work.resolve("nope.txt")).doesNotExist();
    assertThat(llm.requests(CHAT).get(1).body()).contains("denied by user");
  }

  @Test
  void shell_approvedReadOnlyCommand_runsAndFeedsOutputBack() throws Exception {
    Files.writeString(work.resolve("notes.txt"), "alpha\n");
    llm.sse(CHAT, Sse.toolCall("shell", "{\"command\":[\"ls\"]}"));
    llm.sse(CHAT, Sse.text("There is one file: notes.txt"));

    CliRun.Result r = cli.stdin("y\n").run("shell", "what files are here?");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("[approval] shell: ls").contains("There is one file: notes.txt");
    assertThat(llm.requests(CHAT).get(1).body()).contains("notes.txt");
  }

  @Test
  void review_readsPullRequestAndPostsOnlyAfterApproval() throws Exception {
    try (ProviderServer github = gitHub()) {
      llm.sse(CHAT, Sse.text("## Summary\n", "Adds retries.\n", "Verdict: looks good."));
      github.json(
          "/repos/acme/app/pulls/7/reviews",
          "{\"id\":99,\"state\":\"COMMENTED\",\"html_url\":\"https://github.com/acme/app/pull/7#pullrequestreview-99\"}");
      CliRun withGitHub =
          cli.env("GITHUB_API_URL", github.url("/")).env("GITHUB_TOKEN", "ghp_TEST_TOKEN");

      CliRun.Result denied =
          withGitHub.stdin("n\n").run("review", "--post", "https://github.com/acme/app/pull/7");

      assertThat(denied.code()).as(denied.toString()).isEqualTo(ExitCode.DENIED);
      assertThat(denied.out())
          .contains("Verdict: looks good.")
          .contains("[approval] github_create_review");
      assertThat(github.requests("/repos/acme/app/pulls/7/reviews")).isEmpty();
      String prompt = llm.requests(CHAT).get(0).body();
      assertThat(prompt).contains("Add retries").contains("+retry()").contains("src/App.java");

      CliRun.Result posted = withGitHub.stdin("y\n").run("review", "--post", "acme/app#7");

      assertThat(posted.code()).as(posted.toString()).isZero();
      assertThat(posted.out()).contains("pullrequestreview-99");
      JsonNode review =
          JSON.readTree(github.requests("/repos/acme/app/pulls/7/reviews").get(0).body());
      assertThat(review.path("event").asText()).isEqualTo("COMMENT");
      assertThat(review.path("body").asText()).contains("Verdict: looks good.");
      assertThat(posted.out() + posted.err()).doesNotContain("ghp_TEST_TOKEN");
    }
  }

  @Test
  void review_withoutPost_onlyPrints() throws Exception {
    try (ProviderServer github = gitHub()) {
      llm.sse(CHAT, Sse.text("Fine."));

      CliRun.Result r =
          cli.env("GITHUB_API_URL", github.url("/"))
              .run("review", "https://github.com/acme/app/pull/7");

      assertThat(r.code()).as(r.toString()).isZero();
      assertThat(r.out()).contains("Fine.").doesNotContain("[approval]");
    }
  }

  @Test
  void notebook_explainsAndWritesProposedEditsToNewFile() throws Exception {
    Path nb = work.resolve("analysis.ipynb");
    Files.writeString(nb, NOTEBOOK);
    llm.sse(
        CHAT,
        Sse.text(
            "Cell 2 fails: `totl` is not defined.\n\n### Edit cell 2\n```python\nprint(total)\n```\n"));

    CliRun.Result r = cli.run("notebook", "analysis.ipynb");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("`totl` is not defined").contains("1 edited cell(s): [2]");
    JsonNode edited = JSON.readTree(work.resolve("analysis.edited.ipynb").toFile());
    assertThat(edited.path("cells").get(1).path("source").get(0).asText())
        .isEqualTo("print(total)");
    assertThat(edited.path("cells").get(1).path("outputs")).isEmpty();
    assertThat(edited.path("cells").get(0).path("source").get(0).asText())
        .isEqualTo("total = 1 + 2\n");
    assertThat(Files.readString(nb)).isEqualTo(NOTEBOOK);
    String prompt = llm.requests(CHAT).get(0).body();
    assertThat(prompt).contains("NameError").contains("name 'totl' is not defined");
  }

  @Test
  void notebook_malformedJson_exits1WithReason() throws Exception {
    Files.writeString(work.resolve("bad.ipynb"), "{\"cells\": [");

    CliRun.Result r = cli.run("notebook", "bad.ipynb");

    assertThat(r.code()).isEqualTo(ExitCode.ERROR);
    assertThat(r.err()).contains("not a Jupyter notebook");
    assertThat(llm.requests(CHAT)).isEmpty();
  }

  private static ProviderServer gitHub() throws Exception {
    ProviderServer github = new ProviderServer();
    github.json(
        "/repos/acme/app/pulls/7",
        "{\"number\":7,\"title\":\"Add retries\",\"state\":\"open\",\"user\":{\"login\":\"dev\"},"
            + "\"head\":{\"ref\":\"retries\"},\"base\":{\"ref\":\"main\"},\"body\":\"Retries on 503.\","
            + "\"additions\":3,\"deletions\":0,\"changed_files\":1,\"commits\":1}");
    github.json(
        "/repos/acme/app/pulls/7/files",
        "[{\"filename\":\"src/App.java\",\"status\":\"modified\",\"additions\":3,\"deletions\":0,"
            + "\"patch\":\"@@ -1 +1,3 @@\\n+retry()\"}]");
    github.answer(
        "/repos/acme/app/pulls/7#diff",
        new mockwebserver3.MockResponse.Builder()
            .addHeader("Content-Type", "text/plain")
            .body("diff --git a/src/App.java b/src/App.java\n@@ -1 +1,3 @@\n+retry()\n")
            .build());
    return github;
  }

  static final String NOTEBOOK =
      """
      {
        "cells": [
          {"cell_type": "code", "execution_count": 1, "metadata": {},
           "source": ["total = 1 + 2\\n", "print(total)"],
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["3\\n"]}]},
          {"cell_type": "code", "execution_count": 2, "metadata": {},
           "source": ["print(totl)"],
           "outputs": [{"output_type": "error", "ename": "NameError",
             "evalue": "name 'totl' is not defined",
             "traceback": ["\\u001b[0;31mNameError\\u001b[0m: name 'totl' is not defined"]}]}
        ],
        "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5
      }
      """;
}
