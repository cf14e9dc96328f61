package dev.codexcontinue.mcp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The MCP reference server {@code @modelcontextprotocol/server-everything}, installed by {@code
 * .ci/prepare.d/50-mcp.sh}, which exports {@code CODEX_MCP_EVERYTHING} (its cli script). Tests skip
 * without it, unless {@code CODEX_REQUIRE_MCP_EVERYTHING} is set (as in CI): then they fail.
 */
final class EverythingServer {
  private EverythingServer() {}

  /** Returns the path of the server's cli script, or skips the test. */
  static Path cli() {
    String path = System.getenv("CODEX_MCP_EVERYTHING");
    boolean required = System.getenv("CODEX_REQUIRE_MCP_EVERYTHING") != null;
    boolean present = path != null && !path.isBlank() && Files.isRegularFile(Path.of(path));
    if (!present && required) {
      throw new AssertionError(
          "CODEX_REQUIRE_MCP_EVERYTHING is set but CODEX_MCP_EVERYTHING ("
              + path
              + ") names no file: run .ci/prepare.d/50-mcp.sh");
    }
    assumeTrue(present, "CODEX_MCP_EVERYTHING is not set (see .ci/prepare.d/50-mcp.sh)");
    return Path.of(path);
  }

  /** Returns the stdio command line of the server. */
  static List<String> stdioCommand() {
    return List.of("node", cli().toString(), "stdio");
  }

  /** Returns this JVM's child processes running the server's cli. */
  static List<ProcessHandle> running(Path cli) {
    return ProcessHandle.current()
        .descendants()
        .filter(h -> h.info().commandLine().orElse("").contains(cli.toString()))
        .collect(Collectors.toList());
  }

  /** A streamable HTTP server on a free loopback port, stopped on close. */
  static final class Http implements AutoCloseable {
    final Process process;
    final int port;
    private final BlockingQueue<String> output;

    private Http(Process process, int port, BlockingQueue<String> output) {
      this.process = process;
      this.port = port;
      this.output = output;
    }

    /** Waits up to 5 s for a line of the server's log that contains {@code text}. */
    boolean logged(String text) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
        String line = output.poll(left, TimeUnit.NANOSECONDS);
        if (line != null && line.contains(text)) {
          return true;
        }
      }
      return false;
    }

    /** Starts the server and waits until it listens. */
    static Http start() throws Exception {
      Path cli = cli();
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      ProcessBuilder pb = new ProcessBuilder("node", cli.toString(), "streamableHttp");
      pb.environment().put("PORT", Integer.toString(port));
      Process process = pb.start();
      BlockingQueue<String> output = new LinkedBlockingQueue<>();
      Thread stdout =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    output.add(line);
                  }
                } catch (IOException e) {
                  output.add("stdout failed: " + e);
                }
              });
      stdout.setDaemon(true);
      stdout.start();
      CompletableFuture<Boolean> listening = new CompletableFuture<>();
      Thread drain =
          new Thread(
              () -> {
                try (BufferedReader err =
                    new BufferedReader(
                        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                  for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.contains("listening on port")) {
                      listening.complete(true);
                    }
                  }
                } catch (IOException e) {
                  listening.completeExceptionally(e);
                }
                listening.complete(false);
              });
      drain.setDaemon(true);
      drain.start();
      if (!listening.get(Duration.ofSeconds(15).toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the MCP reference server did not start on port " + port);
      }
      return new Http(process, port, output);
    }

    String url() {
      return "http://127.0.0.1:" + port + "/mcp";
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }
}
