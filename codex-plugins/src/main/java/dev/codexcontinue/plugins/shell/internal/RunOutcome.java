package dev.codexcontinue.plugins.shell.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How one process run ended.
 *
 * @param exitCode the exit code; 124 after a timeout, as coreutils {@code timeout} reports it
 * @param stdout standard output, decoded as UTF-8, at most the cap
 * @param stderr standard error, decoded as UTF-8, at most the cap
 * @param timedOut whether the timeout killed the process tree
 * @param cancelled whether the caller cancelled (or interrupted) the run
 * @param stdoutTruncated whether standard output went over the cap, which stopped the process
 * @param stderrTruncated whether standard error went over the cap, which stopped the process
 * @param duration how long the run took
 */
public record RunOutcome(
    int exitCode,
    String stdout,
    String stderr,
    boolean timedOut,
    boolean cancelled,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    Duration duration) {
  /** Checks the components. */
  public RunOutcome {
    Objects.requireNonNull(stdout, "stdout == null");
    Objects.requireNonNull(stderr, "stderr == null");
    Objects.requireNonNull(duration, "duration == null");
  }
}
