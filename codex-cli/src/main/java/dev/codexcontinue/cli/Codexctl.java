package dev.codexcontinue.cli;

import dev.codexcontinue.cli.internal.Commands;
import java.util.Objects;

/**
 * The {@code codexctl} command. {@link #main} runs it on this process and exits with its {@link
 * ExitCode}; {@link #run} runs it on a given {@link CliContext} and returns the code, for tests and
 * hosts. {@code codexctl --help} lists the commands; each has its own {@code --help}.
 */
public final class Codexctl {
  private Codexctl() {}

  /** Runs {@code codexctl} with {@code args} on this process and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(CliContext.system(), args));
  }

  /**
   * Runs {@code codexctl} with {@code args} on {@code context} and returns its exit code (see
   * {@link ExitCode}). Never throws for a failing command: the error is printed to the context's
   * standard error.
   */
  public static int run(CliContext context, String... args) {
    Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(args, "args == null");
    return Commands.execute(context, args);
  }
}
