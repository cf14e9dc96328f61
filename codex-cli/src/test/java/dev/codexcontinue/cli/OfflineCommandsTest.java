package dev.codexcontinue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no provider reachable, model commands exit 3 and say why; offline ones still work. */
final class OfflineCommandsTest {
  @TempDir Path home;
  @TempDir Path work;
  CliRun cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliRun(home, work);
    Files.createDirectories(work.resolve("docs"));
    Files.writeString(
        work.resolve("docs/retries.md"),
        "# Retries\n\nThe transport retries 429 and 5xx with exponential backoff and jitter.\n");
    Files.writeString(
        work.resolve("docs/memory.md"),
        "# Memory\n\nLong-term memory lives in a FAISS index file under the home directory.\n");
  }

  @Test
  void ask_nothingReachable_exits3ListingTriedProvidersAndSettings() {
    CliRun.Result r = cli.run("ask", "hello");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.NO_PROVIDER);
    assertThat(r.err())
        .contains("no provider reachable")
        .contains("ollama at http://127.0.0.1:1")
        .contains("OLLAMA_HOST")
        .contains("OPENAI_API_KEY")
        .contains("AZURE_OPENAI_ENDPOINT")
        .contains("TABBY_ENDPOINT");
  }

  @Test
  void chatAndComplete_nothingReachable_exit3() throws Exception {
    Files.writeString(work.resolve("a.py"), "def f():\n    return 1\n");

    assertThat(cli.run("chat").code()).isEqualTo(ExitCode.NO_PROVIDER);
    assertThat(cli.run("complete", "a.py", "2:5").code()).isEqualTo(ExitCode.NO_PROVIDER);
    assertThat(cli.run("shell", "list files").code()).isEqualTo(ExitCode.NO_PROVIDER);
  }

  @Test
  void openAiKeyButServerDown_triesOpenAiThenOllama() {
    CliRun.Result r =
        cli.env("OPENAI_API_KEY", "sk-test")
            .env("OPENAI_BASE_URL", "http://127.0.0.1:1/v1")
            .run("ask", "hi");

    assertThat(r.code()).isEqualTo(ExitCode.NO_PROVIDER);
    assertThat(r.err()).contains("openai at http://127.0.0.1:1/v1").contains("ollama at");
    assertThat(r.err()).doesNotContain("sk-test");
  }

  @Test
  void indexThenSearch_offline_findsPassageWithCitation() {
    CliRun.Result indexed = cli.run("index", "docs", "--progress", "always");

    assertThat(indexed.code()).as(indexed.toString()).isZero();
    assertThat(indexed.out()).contains("2 files scanned, 2 indexed");
    assertThat(indexed.err()).contains("] 2/2 files").contains("[#");

    CliRun.Result found = cli.run("search", "exponential", "backoff");
    assertThat(found.code()).as(found.toString()).isZero();
    assertThat(found.out().lines().findFirst().orElse(""))
        .contains(work.resolve("docs/retries.md").toString() + ":1-3");

    CliRun.Result again = cli.run("index", "docs");
    assertThat(again.out()).contains("2 unchanged");
  }

  @Test
  void searchJson_printsArrayOfPassages() {
    cli.run("index", "docs");

    CliRun.Result r = cli.run("search", "--json", "-k", "1", "FAISS index file");

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("[").contains("\"file\" : \"" + work.resolve("docs/memory.md"));
  }

  @Test
  void search_beforeIndex_exits1WithHint() {
    CliRun.Result r = cli.run("search", "anything");

    assertThat(r.code()).isEqualTo(ExitCode.ERROR);
    assertThat(r.err()).contains("codexctl index DIR");
  }

  @Test
  void usageErrors_exit2() {
    assertThat(cli.run("index", "no-such-dir").code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.run("search").code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.run("frobnicate").code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.run().code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.run("review", "not a url").code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void help_everyCommand_exits0() {
    for (String command :
        new String[] {
          "chat", "ask", "index", "search", "complete", "review", "shell", "notebook", "doctor"
        }) {
      CliRun.Result r = cli.run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Usage: codexctl " + command);
    }
    assertThat(cli.run("--help").out()).contains("Exit codes:");
  }

  @Test
  void doctor_offline_showsHomeMaskedSecretsAndProviders() {
    cli.run("index", "docs");
    Files.exists(home);

    CliRun.Result r =
        cli.env("OPENAI_API_KEY", "gsk_TEST_SECRET_123")
            .env("OPENAI_BASE_URL", "http://127.0.0.1:1/v1")
            .run("doctor");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("home: " + home)
        .contains("openai.api-key")
        .contains("****  (environment variable OPENAI_API_KEY)")
        .contains("ollama")
        .contains("not reachable")
        .contains("tabby         not configured")
        .contains("ok, ")
        .contains("indexed: " + work.resolve("docs"));
    assertThat(r.out() + r.err()).doesNotContain("gsk_TEST_SECRET_123");
  }

  @Test
  void configFile_isLowestLayer_andReportedAsSource() throws Exception {
    Files.writeString(
        home.resolve("config.properties"), "ollama.model = from-file\nprovider=ollama\n");

    CliRun.Result r = cli.env("CODEX_PROVIDER", "auto").run("doctor");

    assertThat(r.out())
        .contains("ollama.model             = from-file  (" + home.resolve("config.properties"))
        .contains("provider                 = auto  (environment variable CODEX_PROVIDER)");
  }
}
