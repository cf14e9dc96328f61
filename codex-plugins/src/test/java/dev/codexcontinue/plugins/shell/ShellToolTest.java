package dev.codexcontinue.plugins.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY 17 (a)-(e), (g): the shell tool's safety, one hostile case per test. */
@Timeout(30)
final class ShellToolTest {
  @TempDir Path workspace;

  private ShellTool.Builder shell() {
    return ShellTool.builder().workspace(workspace).sandbox(SandboxMode.OFF);
  }

  private static ToolResult call(ShellTool tool, String arguments) {
    return tool.execute(ToolCall.of("c1", "shell", arguments), ToolContext.none());
  }

  @Test
  void execute_shDashC_isRejectedByDefaultAndNothingRuns() throws Exception {
    Path marker = workspace.resolve("ran");
    ShellTool tool = shell().build();
    ToolResult result = call(tool, "{\"command\":[\"sh\",\"-c\",\"touch ran\"]}");
    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("shell syntax is disabled");
    assertThat(marker).doesNotExist();
    assertThatThrownBy(() -> tool.run(List.of("bash", "-c", "touch ran")))
        .isInstanceOf(CommandRejectedException.class);
    assertThat(marker).doesNotExist();
  }

  @Test
  void run_shellMetacharactersInAnArgument_arePrintedLiterally() throws Exception {
    Path tmp = Files.createTempDirectory("shell-test");
    Path pwned = tmp.resolve("pwned-" + UUID.randomUUID());
    String payload = "; touch " + pwned + " && echo $HOME `id` | cat";
    CommandResult result = shell().build().run(List.of("echo", payload));
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo(payload + "\n");
    assertThat(pwned).doesNotExist();
  }

  @Test
  void run_sleepPastTheTimeout_killsTheTreeAndReports124() {
    ShellTool tool = shell().allow("sleep").timeout(Duration.ofSeconds(1)).build();
    long started = System.nanoTime();
    CommandResult result = tool.run(List.of("sleep", "30"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isEqualTo(124);
    assertThat(millis).isLessThan(1500);
    assertThat(liveSleeps()).isZero();
    assertThat(result.toText()).contains("timed_out: true").contains("exit_code: 124");
  }

  @Test
  void run_endlessOutput_isCappedWithAMarkerAndTheProcessStopped() {
    ShellTool tool = shell().allow("yes").build();
    CommandResult result = tool.run(List.of("yes"));
    assertThat(result.stdoutTruncated()).isTrue();
    assertThat(result.stdout().length()).isLessThanOrEqualTo(ShellTool.DEFAULT_MAX_OUTPUT_BYTES);
    assertThat(result.timedOut()).isFalse();
    String text = result.toText();
    assertThat(text).contains("[stdout truncated at 65536 bytes; the command was stopped]");
    assertThat(text.length()).isLessThan(ShellTool.DEFAULT_MAX_OUTPUT_BYTES + 300);
    assertThat(ProcessHandle.current().descendants().filter(ShellToolTest::isYes)).isEmpty();
  }

  @Test
  void run_env_holdsNoSecretNamedVariable() {
    Map<String, String> host =
        Map.of(
            "PATH", System.getenv("PATH"),
            "OPENAI_API_KEY", "sk-test-1",
            "Github_Token", "ghp_x",
            "DB_PASSWORD", "pw",
            "CLIENT_SECRET", "s",
            "INNOCENT", "kept");
    CommandResult result = shell().allow("env").environment(host).build().run(List.of("env"));
    assertThat(result.stdout()).contains("INNOCENT=kept");
    for (String line : result.stdout().split("\n")) {
      String name = line.contains("=") ? line.substring(0, line.indexOf('=')) : line;
      assertThat(name.toUpperCase()).doesNotContain("KEY", "TOKEN", "SECRET", "PASSWORD");
    }
  }

  @Test
  void run_backgroundChildHoldingThePipe_returnsAfterTheDrainLimitAndIsKilled() throws Exception {
    ShellTool tool = shell().allowShellSyntax(true).build();
    String tag = "sleep 61"; // distinct, so only this test's orphan matches
    long started = System.nanoTime();
    CommandResult result = tool.run(List.of("sh", "-c", tag + " & echo x"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(result.stdout()).isEqualTo("x\n");
    assertThat(millis).isLessThanOrEqualTo(2500);
    Thread.sleep(100); // SIGKILL was sent; give the new parent time to reap
    assertThat(
            ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains("61")).orElse(false))
                .filter(ProcessHandle::isAlive))
        .isEmpty();
  }

  @Test
  void run_refusedCommandQuotingASecret_masksItInTheException() {
    String token = "ghp_TEST_0123456789abcdef";
    ShellTool tool = shell().secrets(List.of(token)).build();
    assertThatThrownBy(() -> tool.run(List.of("git", "-chttp.extraheader=" + token, "log")))
        .isInstanceOf(CommandRejectedException.class)
        .hasMessageContaining("-chttp.extraheader=****")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(token));
  }

  @Test
  void run_stdin_isAtEndOfFileAtOnce() {
    CommandResult result = shell().build().run(List.of("cat"));
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEmpty();
    assertThat(result.timedOut()).isFalse();
  }

  @Test
  void execute_cwdInsideTheWorkspace_runsThere() throws Exception {
    Files.createDirectories(workspace.resolve("sub/dir"));
    ToolResult result = call(shell().build(), "{\"command\":[\"pwd\"],\"cwd\":\"sub/dir\"}");
    assertThat(result.isError()).isFalse();
    assertThat(result.content()).contains(workspace.toRealPath().resolve("sub/dir").toString());
  }

  @Test
  void execute_cwdOutsideTheWorkspace_isRefused() throws Exception {
    Path outside = Files.createTempDirectory("outside");
    Files.createSymbolicLink(workspace.resolve("escape"), outside);
    ShellTool tool = shell().build();
    for (String cwd : List.of("..", "/tmp", "escape", "missing", "a\u0000b")) {
      ToolResult result =
          call(
              tool, "{\"command\":[\"pwd\"],\"cwd\":\"" + cwd.replace("\u0000", "\\u0000") + "\"}");
      assertThat(result.isError()).as(cwd).isTrue();
      assertThat(result.content()).as(cwd).startsWith("command refused: cwd");
    }
  }

  @Test
  void execute_timeoutArgument_overridesTheDefault() {
    ShellTool tool = shell().allow("sleep").build();
    ToolResult result = call(tool, "{\"command\":[\"sleep\",\"20\"],\"timeout_seconds\":1}");
    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("exit_code: 124").contains("timed_out: true");
  }

  @Test
  void execute_contextDeadline_shortensTheTimeout() {
    ShellTool tool = shell().allow("sleep").build();
    ToolContext context =
        ToolContext.builder().deadline(java.time.Instant.now().plusMillis(500)).build();
    ToolResult result =
        tool.execute(ToolCall.of("c", "shell", "{\"command\":[\"sleep\",\"20\"]}"), context);
    assertThat(result.content()).contains("timed_out: true");
  }

  @Test
  void execute_cancelledContext_killsTheCommand() {
    ShellTool tool = shell().allow("sleep").build();
    long cancelAt = System.nanoTime() + 300_000_000L;
    ToolContext context =
        ToolContext.builder().cancelled(() -> System.nanoTime() > cancelAt).build();
    assertThatThrownBy(
            () ->
                tool.execute(
                    ToolCall.of("c", "shell", "{\"command\":[\"sleep\",\"20\"]}"), context))
        .isInstanceOf(dev.codexcontinue.api.exception.CancelledException.class);
    assertThat(liveSleeps()).isZero();
  }

  @Test
  void execute_unknownExecutableOrBadArguments_isAnErrorResult() {
    ShellTool tool = shell().allow("no-such-program-xyz").build();
    assertThat(call(tool, "{\"command\":[\"no-such-program-xyz\"]}").content())
        .contains("not found on PATH");
    assertThat(call(tool, "{\"command\":\"ls\"}").content()).contains("/command");
    assertThat(call(tool, "{\"command\":[\"ls\"],\"x\":1}").content()).contains("/x");
    assertThat(call(tool, "not json").isError()).isTrue();
  }

  @Test
  void execute_nonZeroExit_isAResultWithItsCode() {
    ToolResult result = call(shell().build(), "{\"command\":[\"ls\",\"missing-file\"]}");
    assertThat(result.isError()).isFalse();
    assertThat(result.content()).contains("exit_code: 2").contains("stderr:");
  }

  private static long liveSleeps() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
        .filter(ProcessHandle::isAlive)
        .count();
  }

  private static boolean isYes(ProcessHandle p) {
    return p.isAlive() && p.info().command().map(c -> c.endsWith("/yes")).orElse(false);
  }
}
