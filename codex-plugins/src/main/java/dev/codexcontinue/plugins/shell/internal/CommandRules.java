package dev.codexcontinue.plugins.shell.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides what may run: commands of the built-in read-only set run without asking, executables the
 * host allowed run after approval, and everything else is refused, including any command that
 * carries a vetoed argument ({@link ArgumentVetoes}) and every shell interpreter unless shell
 * syntax was enabled. Executables are given by name, never by path. Immutable and thread-safe.
 */
public final class CommandRules {
  /** Executables whose plain use only reads (subject to the vetoes and to the git rules). */
  public static final Set<String> READ_ONLY =
      Set.of(
          "base64",
          "basename",
          "cat",
          "cut",
          "diff",
          "dirname",
          "echo",
          "expr",
          "false",
          "find",
          "git",
          "grep",
          "head",
          "id",
          "ls",
          "nl",
          "numfmt",
          "paste",
          "pwd",
          "realpath",
          "rev",
          "rg",
          "sed",
          "seq",
          "sort",
          "stat",
          "tac",
          "tail",
          "tr",
          "true",
          "uname",
          "uniq",
          "wc",
          "which",
          "whoami");

  /** Programs that interpret a command string: allowed only with shell syntax enabled. */
  public static final Set<String> SHELLS =
      Set.of(
          "sh",
          "bash",
          "dash",
          "zsh",
          "ksh",
          "mksh",
          "ash",
          "fish",
          "csh",
          "tcsh",
          "busybox",
          "pwsh",
          "powershell",
          "powershell.exe",
          "cmd",
          "cmd.exe");

  private static final Pattern SED_PRINT = Pattern.compile("(\\d+,)?\\d+p");

  /** How a command is rated. */
  public enum Kind {
    /** On the read-only set: runs without approval. */
    READ_ONLY,
    /** Allowed by the host: runs after approval. */
    PERMITTED,
    /** Never runs. */
    REJECTED
  }

  /**
   * The rating of one command.
   *
   * @param kind how the command is rated
   * @param reason why a command is rejected; empty otherwise
   */
  public record Verdict(Kind kind, String reason) {
    /** Checks the components. */
    public Verdict {
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(reason, "reason == null");
    }

    static Verdict of(Kind kind) {
      return new Verdict(kind, "");
    }

    static Verdict rejected(String reason) {
      return new Verdict(Kind.REJECTED, reason);
    }
  }

  private final Set<String> allowed;
  private final boolean shellSyntax;

  /**
   * Creates the rules.
   *
   * @param allowed executables that may run after approval, beyond the read-only set
   * @param shellSyntax whether shell interpreters ({@code sh -c ...}) may run, after approval
   */
  public CommandRules(Set<String> allowed, boolean shellSyntax) {
    this.allowed = Set.copyOf(allowed);
    this.shellSyntax = shellSyntax;
  }

  /** Rates {@code argv}, the executable's name followed by its arguments. */
  public Verdict check(List<String> argv) {
    if (argv.isEmpty() || argv.get(0).isBlank()) {
      return Verdict.rejected("the command is empty");
    }
    for (String arg : argv) {
      if (arg.indexOf('\0') >= 0) {
        return Verdict.rejected("an argument contains a NUL character");
      }
    }
    String exe = argv.get(0);
    if (exe.indexOf('/') >= 0 || exe.indexOf('\\') >= 0) {
      return Verdict.rejected(
          "give the executable by name, not by path: '" + exe + "' (it is looked up on PATH)");
    }
    if (SHELLS.contains(exe)) {
      return shellSyntax
          ? Verdict.of(Kind.PERMITTED)
          : Verdict.rejected(
              exe
                  + " is a shell and shell syntax is disabled: pass the program and its arguments"
                  + " as the command array, without sh -c");
    }
    Optional<String> veto = ArgumentVetoes.find(argv);
    if (veto.isPresent()) {
      return Verdict.rejected(veto.get() + ", so the command is refused");
    }
    if (isReadOnly(argv)) {
      return Verdict.of(Kind.READ_ONLY);
    }
    if (allowed.contains(exe)) {
      return Verdict.of(Kind.PERMITTED);
    }
    if (READ_ONLY.contains(exe)) {
      return Verdict.rejected(
          "only read-only uses of " + exe + " are allowed, and this one is not");
    }
    return Verdict.rejected(exe + " is not on the allowlist; allowed: " + allowedNames());
  }

  private static boolean isReadOnly(List<String> argv) {
    String exe = argv.get(0);
    if (!READ_ONLY.contains(exe)) {
      return false;
    }
    return switch (exe) {
      case "git" -> GitCommand.isReadOnly(argv.subList(1, argv.size()));
      case "sed" ->
          argv.size() <= 4
              && argv.size() >= 3
              && argv.get(1).equals("-n")
              && SED_PRINT.matcher(argv.get(2)).matches();
      default -> true;
    };
  }

  private String allowedNames() {
    Set<String> names = new TreeSet<>(READ_ONLY);
    names.addAll(allowed);
    if (shellSyntax) {
      names.addAll(SHELLS);
    }
    return String.join(", ", names);
  }

  @Override
  public String toString() {
    return "CommandRules[allowed=" + new TreeSet<>(allowed) + ", shellSyntax=" + shellSyntax + "]";
  }
}
