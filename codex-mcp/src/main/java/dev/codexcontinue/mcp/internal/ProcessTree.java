package dev.codexcontinue.mcp.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Stops a server process and everything it started: first it waits for a voluntary exit (the caller
 * has closed stdin), then sends SIGTERM to the whole tree, then SIGKILL to what is left. The
 * descendants are listed before the parent dies, because orphans are re-parented and vanish from
 * {@link ProcessHandle#descendants()}.
 */
public final class ProcessTree {
  private ProcessTree() {}

  /** Stops {@code process} and its descendants; returns when all are gone or after the graces. */
  public static void stop(Process process, Duration exitGrace, Duration termGrace) {
    List<ProcessHandle> tree = process.descendants().collect(Collectors.toList());
    if (!waitFor(process.toHandle(), exitGrace) || tree.stream().anyMatch(ProcessHandle::isAlive)) {
      tree = union(process, tree);
      tree.forEach(ProcessHandle::destroy);
      if (!allGone(tree, termGrace)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        allGone(tree, Duration.ofSeconds(2));
      }
    }
  }

  private static List<ProcessHandle> union(Process process, List<ProcessHandle> before) {
    List<ProcessHandle> now = process.descendants().collect(Collectors.toList());
    before.stream().filter(h -> !now.contains(h)).forEach(now::add);
    now.add(0, process.toHandle());
    return now;
  }

  private static boolean waitFor(ProcessHandle handle, Duration grace) {
    try {
      handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return !handle.isAlive();
    }
  }

  private static boolean allGone(List<ProcessHandle> tree, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle h : tree) {
      long left = Math.max(0, deadline - System.nanoTime());
      if (!waitFor(h, Duration.ofNanos(left))) {
        return false;
      }
    }
    return true;
  }
}
