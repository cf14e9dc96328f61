package dev.codexcontinue.plugins.shell.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a git command line: finds the subcommand behind git's global options and tells whether the
 * command only reads ({@code status}, {@code log}, {@code diff}, {@code show}, and {@code branch}
 * when it lists), as the OpenAI Codex CLI does.
 */
final class GitCommand {
  /** Global options that take their value as the next argument. */
  private static final Set<String> GLOBAL_WITH_VALUE =
      Set.of(
          "-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env", "--super-prefix");

  private static final Set<String> READ_SUBCOMMANDS = Set.of("status", "log", "diff", "show");

  private static final Set<String> BRANCH_LISTING =
      Set.of(
          "--list",
          "-l",
          "--show-current",
          "-a",
          "--all",
          "-r",
          "--remotes",
          "-v",
          "-vv",
          "--verbose");

  private GitCommand() {}

  /** Returns the index in {@code args} (git's arguments, without {@code git}) of the subcommand. */
  static Optional<Integer> subcommandIndex(List<String> args) {
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i);
      if (GLOBAL_WITH_VALUE.contains(arg)) {
        i += 2;
      } else if (arg.startsWith("-")) {
        i++;
      } else {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Returns whether {@code args} (without {@code git}) only read the repository. */
  static boolean isReadOnly(List<String> args) {
    Optional<Integer> at = subcommandIndex(args);
    if (at.isEmpty()) {
      return false;
    }
    String subcommand = args.get(at.get());
    List<String> rest = args.subList(at.get() + 1, args.size());
    if (READ_SUBCOMMANDS.contains(subcommand)) {
      return true;
    }
    return subcommand.equals("branch") && isBranchListing(rest);
  }

  /** {@code git branch} lists with no arguments or only listing flags; anything else may write. */
  private static boolean isBranchListing(List<String> rest) {
    if (rest.isEmpty()) {
      return true;
    }
    for (String arg : rest) {
      if (!BRANCH_LISTING.contains(arg) && !arg.startsWith("--format=")) {
        return false;
      }
    }
    return true;
  }
}
