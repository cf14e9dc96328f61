package dev.codexcontinue.cli;

/**
 * The exit codes of {@code codexctl}, the same for every command.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>the command failed: a provider error, a bad file, a corrupt store</td></tr>
 *   <tr><td>2</td><td>usage error: unknown option, missing or malformed argument</td></tr>
 *   <tr><td>3</td><td>no provider was reachable (the message lists each one tried and the
 *       settings that enable it)</td></tr>
 *   <tr><td>4</td><td>the user denied an action the command needed (a command, a post)</td></tr>
 * </table>
 */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /** The command failed. */
  public static final int ERROR = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /** No provider was reachable. */
  public static final int NO_PROVIDER = 3;

  /** The user denied an action the command needed. */
  public static final int DENIED = 4;

  private ExitCode() {}
}
