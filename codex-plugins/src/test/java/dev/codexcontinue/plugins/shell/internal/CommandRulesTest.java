package dev.codexcontinue.plugins.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.plugins.shell.internal.CommandRules.Kind;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RELIABILITY 17 (f): the OpenAI Codex CLI's safe examples ({@code is_safe_command.rs}) run without
 * approval and its unsafe examples never do; the vetoes hold even for executables the host allowed.
 */
final class CommandRulesTest {
  private final CommandRules defaults = new CommandRules(Set.of(), false);
  private final CommandRules allowingGitFindSed =
      new CommandRules(Set.of("git", "find", "rg", "base64", "sed", "cargo"), false);

  static Stream<List<String>> codexSafeExamples() {
    return Stream.of(
        List.of("ls"),
        List.of("git", "status"),
        List.of("git", "branch"),
        List.of("git", "branch", "--show-current"),
        List.of("git", "-C", ".", "branch", "--show-current"),
        List.of("git", "log", "-n", "1"),
        List.of("git", "diff", "--stat"),
        List.of("git", "show", "HEAD"),
        List.of("base64"),
        List.of("sed", "-n", "1,5p", "file.txt"),
        List.of("sed", "-n", "10p"),
        List.of("nl", "-nrz", "Cargo.toml"),
        List.of("find", ".", "-name", "file.txt"),
        List.of("rg", "Cargo.toml", "-n"),
        List.of("numfmt", "1000"),
        List.of("tac", "Cargo.toml"),
        List.of("echo", "; touch pwned"),
        List.of("cat", "README.md"),
        List.of("grep", "-rn", "TODO", "."),
        List.of("wc", "-l", "a.txt"),
        List.of("head", "-n", "5", "a.txt"),
        List.of("which", "git"),
        List.of("pwd"));
  }

  static Stream<List<String>> codexUnsafeExamples() {
    return Stream.of(
        List.of("find", ".", "-name", "file.txt", "-exec", "rm", "{}", ";"),
        List.of("find", ".", "-name", "*.py", "-execdir", "python3", "{}", ";"),
        List.of("find", ".", "-name", "file.txt", "-ok", "rm", "{}", ";"),
        List.of("find", ".", "-name", "*.py", "-okdir", "python3", "{}", ";"),
        List.of("find", ".", "-delete", "-name", "file.txt"),
        List.of("find", ".", "-fls", "/etc/passwd"),
        List.of("find", ".", "-fprint", "/etc/passwd"),
        List.of("find", ".", "-fprint0", "/etc/passwd"),
        List.of("find", ".", "-fprintf", "/root/suid.txt", "%#m %u %p\n"),
        List.of("base64", "-o", "out.bin"),
        List.of("base64", "--output", "out.bin"),
        List.of("base64", "--output=out.bin"),
        List.of("base64", "-ob64.txt"),
        List.of("rg", "--search-zip", "files"),
        List.of("rg", "-z", "files"),
        List.of("rg", "--pre", "pwned", "files"),
        List.of("rg", "--pre=pwned", "files"),
        List.of("rg", "--hostname-bin", "pwned", "files"),
        List.of("rg", "--hostname-bin=pwned", "files"),
        List.of("git", "log", "--output=/tmp/git-log-out-test", "-n", "1"),
        List.of("git", "diff", "--output", "/tmp/git-diff-out-test"),
        List.of("git", "show", "--output=/tmp/git-show-out-test", "HEAD"),
        List.of("git", "-c", "core.pager=cat", "log", "-n", "1"),
        List.of("git", "-ccore.pager=cat", "status"),
        List.of("git", "--config-env=core.pager=PAGER", "status"),
        List.of("git", "diff", "--ext-diff"),
        List.of("git", "log", "--textconv"),
        List.of("git", "rebase", "--exec", "make"),
        List.of("git", "--exec-path=/tmp/evil", "status"));
  }

  /** Unsafe without being vetoed: these run only when the host allowed the executable. */
  static Stream<List<String>> codexNotAutoApproved() {
    return Stream.of(
        List.of("git", "fetch"),
        List.of("git", "checkout", "status"),
        List.of("git", "branch", "-d", "feature"),
        List.of("git", "branch", "new-branch"),
        List.of("git", "-C", ".", "branch", "-d", "feature"),
        List.of("sed", "-n", "xp", "file.txt"),
        List.of("cargo", "check"));
  }

  @ParameterizedTest
  @MethodSource("codexSafeExamples")
  void check_codexSafeExample_isReadOnly(List<String> argv) {
    assertThat(defaults.check(argv).kind()).isEqualTo(Kind.READ_ONLY);
  }

  @ParameterizedTest
  @MethodSource("codexUnsafeExamples")
  void check_codexUnsafeExample_isRejectedEvenWhenTheExecutableIsAllowed(List<String> argv) {
    assertThat(defaults.check(argv).kind()).isEqualTo(Kind.REJECTED);
    CommandRules.Verdict allowed = allowingGitFindSed.check(argv);
    assertThat(allowed.kind()).isEqualTo(Kind.REJECTED);
    assertThat(allowed.reason()).contains("argument");
  }

  @ParameterizedTest
  @MethodSource("codexNotAutoApproved")
  void check_mutatingUse_isRejectedByDefaultAndAskedWhenAllowed(List<String> argv) {
    assertThat(defaults.check(argv).kind()).isEqualTo(Kind.REJECTED);
    assertThat(allowingGitFindSed.check(argv).kind()).isEqualTo(Kind.PERMITTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sh", "bash", "zsh", "dash", "busybox", "cmd.exe", "pwsh"})
  void check_shell_isRejectedUnlessShellSyntaxIsEnabled(String shell) {
    List<String> argv = List.of(shell, "-c", "echo hi; rm -rf ~");
    assertThat(defaults.check(argv).kind()).isEqualTo(Kind.REJECTED);
    assertThat(defaults.check(argv).reason()).contains("shell syntax is disabled");
    assertThat(new CommandRules(Set.of(shell), false).check(argv).kind()).isEqualTo(Kind.REJECTED);
    assertThat(new CommandRules(Set.of(), true).check(argv).kind()).isEqualTo(Kind.PERMITTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bin/ls", "./ls", "bin/ls", "..\\ls.exe"})
  void check_executableGivenAsPath_isRejected(String exe) {
    CommandRules.Verdict verdict = new CommandRules(Set.of("ls"), true).check(List.of(exe));
    assertThat(verdict.kind()).isEqualTo(Kind.REJECTED);
    assertThat(verdict.reason()).contains("by name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rm", "curl", "python3", "env", "xargs", "jazze"})
  void check_unlistedExecutable_isRejectedWithTheAllowlist(String exe) {
    CommandRules.Verdict verdict = defaults.check(List.of(exe, "x"));
    assertThat(verdict.kind()).isEqualTo(Kind.REJECTED);
    assertThat(verdict.reason()).contains("not on the allowlist").contains("git");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void check_emptyCommand_isRejected(String exe) {
    assertThat(defaults.check(List.of()).kind()).isEqualTo(Kind.REJECTED);
    assertThat(defaults.check(List.of(exe)).kind()).isEqualTo(Kind.REJECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "\u0000"})
  void check_nulInAnArgument_isRejected(String arg) {
    assertThat(defaults.check(List.of("echo", arg)).reason()).contains("NUL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-o", "-ofile", "--output=x", "--compress-program=gzip"})
  void check_sortWritingOrRunning_isRejected(String arg) {
    assertThat(defaults.check(List.of("sort", arg, "in.txt")).kind()).isEqualTo(Kind.REJECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-iz", "-zn"})
  void check_rgSearchZipInAFlagCluster_isRejected(String arg) {
    assertThat(defaults.check(List.of("rg", arg, "x")).kind()).isEqualTo(Kind.REJECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--paginate", "-p"})
  void check_gitPagerBeforeTheSubcommand_isRejected(String arg) {
    assertThat(defaults.check(List.of("git", arg, "log")).kind()).isEqualTo(Kind.REJECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-p", "--stat"})
  void check_gitLogPatchFlag_isReadOnly(String arg) {
    assertThat(defaults.check(List.of("git", "log", arg)).kind()).isEqualTo(Kind.READ_ONLY);
  }
}
