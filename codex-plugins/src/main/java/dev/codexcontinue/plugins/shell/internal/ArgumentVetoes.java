package dev.codexcontinue.plugins.shell.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Arguments that turn an otherwise harmless command into one that runs other programs, writes files
 * or deletes them; a command carrying one is refused whatever the allowlist says. The set follows
 * the OpenAI Codex CLI ({@code is_safe_command.rs}) and adds a few options of the same kinds (git's
 * {@code --exec-path} and {@code --upload-pack}, sort's {@code --compress-program}).
 */
final class ArgumentVetoes {
  private static final Set<String> FIND =
      Set.of(
          "-exec",
          "-execdir",
          "-ok",
          "-okdir",
          "-delete",
          "-fls",
          "-fprint",
          "-fprint0",
          "-fprintf");

  /** Git options that run external programs, rewrite configuration or write files. */
  private static final Set<String> GIT =
      Set.of(
          "-c",
          "--config-env",
          "--output",
          "--ext-diff",
          "--textconv",
          "--exec",
          "--exec-path",
          "--paginate",
          "-p",
          "--upload-pack",
          "--receive-pack",
          "--extcmd");

  /** Git options whose value may be attached ({@code --output=f}); {@code -p} is not one. */
  private static final Set<String> GIT_WITH_VALUE =
      Set.of(
          "--config-env",
          "--output",
          "--exec",
          "--exec-path",
          "--upload-pack",
          "--receive-pack",
          "--extcmd");

  private static final Set<String> RG_WITH_VALUE = Set.of("--pre", "--hostname-bin");

  private ArgumentVetoes() {}

  /** Returns the first vetoed argument of {@code argv} with the reason, if any. */
  static Optional<String> find(List<String> argv) {
    String exe = argv.get(0);
    List<String> args = argv.subList(1, argv.size());
    for (String arg : args) {
      Optional<String> reason =
          switch (exe) {
            case "find" -> when(FIND.contains(arg), "runs commands, deletes or writes files");
            case "git" -> gitVeto(arg, args);
            case "rg" -> rgVeto(arg);
            case "base64" ->
                when(arg.startsWith("-o") || hasOption(arg, "--output"), "writes a file");
            case "sort" ->
                when(arg.startsWith("-o") || hasOption(arg, "--output"), "writes a file")
                    .or(() -> when(hasOption(arg, "--compress-program"), "runs a program"));
            default -> Optional.empty();
          };
      if (reason.isPresent()) {
        return Optional.of("argument '" + arg + "' of " + exe + " " + reason.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> gitVeto(String arg, List<String> args) {
    if (arg.startsWith("-c") && !arg.startsWith("--")) {
      // -c name=value and -cname=value override configuration, e.g. core.pager or core.sshCommand.
      // Conservative like the Codex CLI: refused wherever it appears.
      return Optional.of("can override configuration that runs programs");
    }
    if (arg.equals("-p") && isGlobal(arg, args)) {
      return Optional.of("starts a pager");
    }
    for (String option : GIT) {
      if (!option.equals("-c") && !option.equals("-p")) {
        if (arg.equals(option)
            || (GIT_WITH_VALUE.contains(option) && arg.startsWith(option + "="))) {
          return Optional.of("can run programs or write files");
        }
      }
    }
    return Optional.empty();
  }

  /** Returns whether {@code arg} comes before git's subcommand (is a global option). */
  private static boolean isGlobal(String arg, List<String> args) {
    int at = args.indexOf(arg);
    return GitCommand.subcommandIndex(args).map(i -> at < i).orElse(true);
  }

  private static Optional<String> rgVeto(String arg) {
    for (String option : RG_WITH_VALUE) {
      if (hasOption(arg, option)) {
        return Optional.of("runs a program");
      }
    }
    if (arg.equals("--search-zip") || arg.matches("-[a-zA-Z]*z[a-zA-Z]*")) {
      return Optional.of("runs decompression programs");
    }
    return Optional.empty();
  }

  private static boolean hasOption(String arg, String option) {
    return arg.equals(option) || arg.startsWith(option + "=");
  }

  private static Optional<String> when(boolean condition, String reason) {
    return condition ? Optional.of(reason) : Optional.empty();
  }
}
