package dev.codexcontinue.memory.redis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A real server binary started by the tests on a free loopback port, once per JVM and stopped when
 * the JVM exits. When the binary is absent the calling test is skipped, unless its require variable
 * is set (as CI does), which turns the absence into a failure.
 */
public final class LoopbackServer {
  private static final Map<String, LoopbackServer> RUNNING = new ConcurrentHashMap<>();

  private final Process process;
  private final int port;
  private final Path log;

  private LoopbackServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Returns the port the server listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /**
   * Returns the JVM's server named {@code name}, starting it on first use.
   *
   * @param binary where the binary is, when it is there
   * @param requireVariable the environment variable that makes an absent binary a failure
   * @param command the command line for a port
   * @param startup how long the server may take to accept connections
   */
  public static LoopbackServer shared(
      String name,
      Optional<Path> binary,
      String requireVariable,
      IntFunction<List<String>> command,
      Duration startup) {
    if (binary.isEmpty()) {
      if ("1".equals(System.getenv(requireVariable))) {
        fail(name + " is required (" + requireVariable + "=1) but was not found");
      }
      assumeTrue(false, name + " is not installed; the test is skipped");
    }
    return RUNNING.computeIfAbsent(name, n -> start(n, command, startup));
  }

  /** Returns {@code explicit} if set, else the first {@code name} on the PATH. */
  public static Optional<Path> find(String explicitVariable, String name) {
    String explicit = System.getenv(explicitVariable);
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static LoopbackServer start(
      String name, IntFunction<List<String>> command, Duration startup) {
    try {
      int port = freePort();
      Path log = Files.createTempFile(name.replaceAll("\\W", "-"), ".log");
      Process process =
          new ProcessBuilder(new ArrayList<>(command.apply(port)))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      LoopbackServer server = new LoopbackServer(process, port, log);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      server.awaitListening(name, startup);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening(String name, Duration startup) throws IOException {
    long deadline = System.nanoTime() + startup.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited at start: " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          process.waitFor(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting " + name, e);
        }
      }
    }
    stop();
    throw new IllegalStateException(name + " did not listen within " + startup);
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
