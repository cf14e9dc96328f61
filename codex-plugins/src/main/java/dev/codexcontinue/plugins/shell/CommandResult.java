package dev.codexcontinue.plugins.shell;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a command did: its exit code, its output (each stream capped, secrets masked), whether the
 * timeout killed it, whether output was cut, and the sandbox it ran in. Immutable.
 */
public final class CommandResult {
  private final List<String> command;
  private final int exitCode;
  private final String stdout;
  private final String stderr;
  private final boolean timedOut;
  private final boolean stdoutTruncated;
  private final boolean stderrTruncated;
  private final int maxOutputBytes;
  private final Duration duration;
  private final Sandbox sandbox;

  CommandResult(
      List<String> command,
      int exitCode,
      String stdout,
      String stderr,
      boolean timedOut,
      boolean stdoutTruncated,
      boolean stderrTruncated,
      int maxOutputBytes,
      Duration duration,
      Sandbox sandbox) {
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.stdout = Objects.requireNonNull(stdout, "stdout == null");
    this.stderr = Objects.requireNonNull(stderr, "stderr == null");
    this.timedOut = timedOut;
    this.stdoutTruncated = stdoutTruncated;
    this.stderrTruncated = stderrTruncated;
    this.maxOutputBytes = maxOutputBytes;
    this.duration = Objects.requireNonNull(duration, "duration == null");
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox == null");
  }

  /** Returns the argv that ran, as given (the executable by name). */
  public List<String> command() {
    return command;
  }

  /** Returns the exit code; 124 when the timeout killed the command. */
  public int exitCode() {
    return exitCode;
  }

  /** Returns standard output, at most the cap, with registered secrets masked. */
  public String stdout() {
    return stdout;
  }

  /** Returns standard error, at most the cap, with registered secrets masked. */
  public String stderr() {
    return stderr;
  }

  /** Returns whether the timeout killed the command and everything it started. */
  public boolean timedOut() {
    return timedOut;
  }

  /** Returns whether standard output went over the cap; the command was then stopped. */
  public boolean stdoutTruncated() {
    return stdoutTruncated;
  }

  /** Returns whether standard error went over the cap; the command was then stopped. */
  public boolean stderrTruncated() {
    return stderrTruncated;
  }

  /** Returns whether either stream went over the cap. */
  public boolean truncated() {
    return stdoutTruncated || stderrTruncated;
  }

  /** Returns how long the command ran, waiting for its output included. */
  public Duration duration() {
    return duration;
  }

  /** Returns the sandbox the command ran in. */
  public Sandbox sandbox() {
    return sandbox;
  }

  /** Returns the text the model reads: a status line, then each non-empty stream with markers. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("exit_code: ").append(exitCode);
    text.append(", timed_out: ").append(timedOut);
    text.append(", truncated: ").append(truncated());
    text.append(", sandbox: ").append(sandbox.name().toLowerCase(java.util.Locale.ROOT));
    if (timedOut) {
      text.append("\n[timed out after ")
          .append(duration.toMillis())
          .append(" ms: the command and every process it started were killed]");
    }
    appendStream(text, "stdout", stdout, stdoutTruncated);
    appendStream(text, "stderr", stderr, stderrTruncated);
    return text.toString();
  }

  private void appendStream(StringBuilder text, String name, String content, boolean cut) {
    if (content.isEmpty() && !cut) {
      return;
    }
    text.append('\n').append(name).append(":\n").append(content);
    if (cut) {
      if (!content.endsWith("\n")) {
        text.append('\n');
      }
      text.append("[")
          .append(name)
          .append(" truncated at ")
          .append(maxOutputBytes)
          .append(" bytes; the command was stopped]");
    }
  }

  /** Returns the status without the output, which may be sensitive. */
  @Override
  public String toString() {
    return "CommandResult[exitCode="
        + exitCode
        + ", timedOut="
        + timedOut
        + ", truncated="
        + truncated()
        + ", sandbox="
        + sandbox
        + ", duration="
        + duration
        + "]";
  }
}
