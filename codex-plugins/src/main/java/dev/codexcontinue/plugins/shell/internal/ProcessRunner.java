package dev.codexcontinue.plugins.shell.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs one argv with {@link ProcessBuilder}: never through a shell, stdin read from the null device
 * (so it is at end of file at once), the given environment only, output capped per stream, a
 * timeout that kills the whole process tree, and a bounded wait for the output pipes after the
 * process exits (a background child may hold them open).
 */
public final class ProcessRunner {
  /** The exit code reported after a timeout, as coreutils {@code timeout} reports it. */
  public static final int TIMEOUT_EXIT_CODE = 124;

  private static final long POLL_MILLIS = 25;
  private static final long DRAIN_GRACE_MILLIS = 200;
  private static final File NULL_DEVICE =
      new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");

  private final int maxOutputBytes;
  private final Duration drainLimit;

  /**
   * Creates a runner.
   *
   * @param maxOutputBytes the cap on each of standard output and standard error
   * @param drainLimit how long to wait for the output pipes to close after the process exited
   */
  public ProcessRunner(int maxOutputBytes, Duration drainLimit) {
    this.maxOutputBytes = maxOutputBytes;
    this.drainLimit = drainLimit;
  }

  /**
   * Runs {@code argv} in {@code cwd} with exactly {@code environment}, for at most {@code timeout}.
   * Interruption and {@code cancelled} stop the process tree; the thread's interrupt flag is kept.
   *
   * @throws IOException when the process cannot be started
   */
  public RunOutcome run(
      List<String> argv,
      Path cwd,
      Map<String, String> environment,
      Duration timeout,
      BooleanSupplier cancelled)
      throws IOException {
    String cookie = UUID.randomUUID().toString();
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put(ProcessTree.COOKIE_VARIABLE, cookie);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(cwd.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(NULL_DEVICE));
    long started = System.nanoTime();
    Process process = builder.start();
    AtomicBoolean overflow = new AtomicBoolean();
    StreamCapture out =
        StreamCapture.start(
            process.getInputStream(), maxOutputBytes, () -> overflow.set(true), "out");
    StreamCapture err =
        StreamCapture.start(
            process.getErrorStream(), maxOutputBytes, () -> overflow.set(true), "err");
    Ending ending;
    boolean interrupted = false;
    try {
      ending = await(process, timeout, cancelled, overflow);
    } catch (InterruptedException e) {
      ending = Ending.CANCELLED;
      interrupted = true;
    }
    try {
      if (ending != Ending.EXITED) {
        ProcessTree.kill(process.toHandle(), cookie);
      }
      long until = System.nanoTime() + drainLimit.toNanos();
      boolean drained = out.awaitUntil(until) & err.awaitUntil(until);
      // Children started in the background outlive the command and may hold its pipes open.
      ProcessTree.killOrphans(cookie);
      if (!drained) {
        long grace = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_GRACE_MILLIS);
        out.awaitUntil(grace);
        err.awaitUntil(grace);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      ProcessTree.killNow(process.toHandle(), cookie);
    }
    int exitCode = exitCode(process, ending);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return new RunOutcome(
        exitCode,
        decode(out.bytes()),
        decode(err.bytes()),
        ending == Ending.TIMED_OUT,
        ending == Ending.CANCELLED,
        out.isTruncated(),
        err.isTruncated(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private enum Ending {
    EXITED,
    TIMED_OUT,
    CANCELLED,
    OVERFLOWED
  }

  private static Ending await(
      Process process, Duration timeout, BooleanSupplier cancelled, AtomicBoolean overflow)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Ending.TIMED_OUT;
      }
      if (process.waitFor(
          Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS)) {
        return Ending.EXITED;
      }
      if (cancelled.getAsBoolean()) {
        return Ending.CANCELLED;
      }
      if (overflow.get()) {
        return Ending.OVERFLOWED;
      }
    }
  }

  private static int exitCode(Process process, Ending ending) {
    if (ending == Ending.TIMED_OUT) {
      return TIMEOUT_EXIT_CODE;
    }
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String decode(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
