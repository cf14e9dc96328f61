package dev.codexcontinue.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A SIGKILL harness for crash-safety tests of stores and logs. {@link #runAndKill} starts a main
 * class in a child JVM (this JVM's {@code java}, the test class path, a small heap, the C1 compiler
 * only, so that it starts fast), waits until the child prints a line starting with {@code opened},
 * lets it run for a while, kills it with SIGKILL and returns the last number the child acknowledged
 * on a line {@code <ackPrefix>N}. A child prints an acknowledgement only after the write it
 * acknowledges has returned, so whatever it acknowledged must survive the kill.
 *
 * <p>Each round costs a JVM start and warm-up, about one CPU second: loops in parallel do not help
 * on a small machine, where a child's first commit then comes too late for the kill window.
 */
public final class KillLoop {
  private static final long OPEN_TIMEOUT_SECONDS = 30;

  private KillLoop() {}

  /**
   * Runs {@code mainClass} with {@code args} in a child JVM, calls {@code whileRunning} once the
   * child has printed {@code opened}, kills the child {@code killAfterMillis} after that, and
   * returns the last acknowledged number, or -1 when the child acknowledged nothing.
   *
   * @throws AssertionError when the child does not open within 30 seconds or does not die
   */
  public static long runAndKill(
      Class<?> mainClass,
      List<String> args,
      String ackPrefix,
      long killAfterMillis,
      Runnable whileRunning)
      throws IOException, InterruptedException {
    Process child = start(mainClass, args);
    AtomicLong acked = new AtomicLong(-1);
    CountDownLatch opened = new CountDownLatch(1);
    Thread reader = drain(child, ackPrefix, acked, opened);
    try {
      if (!opened.await(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError(mainClass.getName() + " did not print 'opened' in 30 s");
      }
      whileRunning.run();
      Thread.sleep(killAfterMillis);
    } finally {
      child.destroyForcibly();
    }
    if (!child.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the killed child is still running");
    }
    reader.join(5_000);
    return acked.get();
  }

  private static Process start(Class<?> mainClass, List<String> args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                cp,
                mainClass.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static Thread drain(
      Process child, String ackPrefix, AtomicLong acked, CountDownLatch opened) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  if (line.startsWith("opened")) {
                    opened.countDown();
                  } else if (line.startsWith(ackPrefix)) {
                    acked.set(Long.parseLong(line.substring(ackPrefix.length()).trim()));
                  } else {
                    System.out.println("child: " + line);
                  }
                }
              } catch (IOException | NumberFormatException e) {
                // killed mid-line: what was read before counts
              }
            },
            "kill-loop-reader");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
