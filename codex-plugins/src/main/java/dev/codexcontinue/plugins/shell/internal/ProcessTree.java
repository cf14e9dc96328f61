package dev.codexcontinue.plugins.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a command with everything it started: the process, its descendants, and (on Linux) every
 * process that still carries the run's cookie in its environment, which catches children that were
 * orphaned when their parent exited ({@code sh -c 'sleep 60 &'}). Each gets SIGTERM, 50 ms of
 * grace, then SIGKILL.
 */
final class ProcessTree {
  /** The environment variable that marks every process of one run. */
  static final String COOKIE_VARIABLE = "CODEX_SHELL_RUN";

  private static final long GRACE_MILLIS = 50;
  private static final long POLL_MILLIS = 5;
  private static final long REAP_MILLIS = 1000;
  private static final int MAX_ENVIRON_BYTES = 1 << 20;
  private static final Path PROC = Path.of("/proc");

  private ProcessTree() {}

  /**
   * Kills {@code process}, its descendants and the processes marked with {@code cookie}, and waits
   * (boundedly) until {@code process}, our own child, has been reaped.
   */
  static void kill(ProcessHandle process, String cookie) throws InterruptedException {
    stop(victims(process, cookie));
    try {
      process.onExit().get(REAP_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // SIGKILL was sent; the JDK reaps the process when it goes.
    }
  }

  /** Kills {@code process} and all of its kind at once with SIGKILL, without waiting. */
  static void killNow(ProcessHandle process, String cookie) {
    victims(process, cookie).forEach(ProcessHandle::destroyForcibly);
  }

  /** Kills the processes that still carry {@code cookie} (orphans of a finished command). */
  static void killOrphans(String cookie) throws InterruptedException {
    List<ProcessHandle> orphans = marked(cookie);
    if (!orphans.isEmpty()) {
      stop(orphans);
    }
  }

  private static List<ProcessHandle> victims(ProcessHandle process, String cookie) {
    List<ProcessHandle> victims = new ArrayList<>();
    // Descendants first, while the parent still links them; then the parent.
    process.descendants().forEach(victims::add);
    victims.add(process);
    victims.addAll(marked(cookie));
    return victims;
  }

  /**
   * Sends SIGTERM, gives the processes up to 50 ms to go, then SIGKILLs the survivors. Orphans are
   * not awaited beyond that: their new parent reaps them, and a zombie looks alive until it does.
   */
  private static void stop(List<ProcessHandle> victims) throws InterruptedException {
    victims.forEach(ProcessHandle::destroy);
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    while (victims.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) {
      Thread.sleep(POLL_MILLIS);
    }
    for (ProcessHandle victim : victims) {
      if (victim.isAlive()) {
        victim.destroyForcibly();
      }
    }
  }

  /** Returns the live processes whose environment holds {@code COOKIE_VARIABLE=cookie}. */
  private static List<ProcessHandle> marked(String cookie) {
    List<ProcessHandle> found = new ArrayList<>();
    if (!Files.isDirectory(PROC)) {
      return found;
    }
    byte[] needle = (COOKIE_VARIABLE + "=" + cookie).getBytes(StandardCharsets.UTF_8);
    long self = ProcessHandle.current().pid();
    ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self && hasCookie(p.pid(), needle))
        .forEach(found::add);
    return found;
  }

  private static boolean hasCookie(long pid, byte[] needle) {
    Path environ = PROC.resolve(Long.toString(pid)).resolve("environ");
    try (InputStream in = Files.newInputStream(environ)) {
      return contains(in.readNBytes(MAX_ENVIRON_BYTES), needle);
    } catch (IOException | SecurityException e) {
      return false; // another user's process, or gone already
    }
  }

  /** Returns whether {@code haystack} holds {@code needle} as one whole NUL-separated entry. */
  static boolean contains(byte[] haystack, byte[] needle) {
    int start = 0;
    for (int i = 0; i <= haystack.length; i++) {
      if (i == haystack.length || haystack[i] == 0) {
        if (i - start == needle.length && regionEquals(haystack, start, needle)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  private static boolean regionEquals(byte[] haystack, int start, byte[] needle) {
    for (int j = 0; j < needle.length; j++) {
      if (haystack[start + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }
}
