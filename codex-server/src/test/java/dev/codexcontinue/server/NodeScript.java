package dev.codexcontinue.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node script of {@code src/test/node} (real, unmodified npm clients) as a child process
 * with a timeout, and returns the JSON object it prints last. Skips when the npm packages are not
 * installed, unless {@code CODEX_REQUIRE_NODE_CLIENTS=1} (set by CI) makes that a failure.
 */
final class NodeScript {
  static final Path DIR = Path.of("src", "test", "node");

  private NodeScript() {}

  static void assumeInstalled(String module) {
    boolean installed = Files.isDirectory(DIR.resolve("node_modules").resolve(module));
    if ("1".equals(System.getenv("CODEX_REQUIRE_NODE_CLIENTS"))) {
      assertThat(installed)
          .as("CODEX_REQUIRE_NODE_CLIENTS=1 but %s is not installed in %s", module, DIR)
          .isTrue();
    }
    assumeTrue(installed, module + " is not installed (npm ci --prefix " + DIR + ")");
  }

  static JsonNode run(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process, false));
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process, true));
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(script + " timed out; stderr: " + stderr.getNow(""));
    }
    String out = stdout.join();
    assertThat(process.exitValue())
        .as("%s exit code; stdout: %s; stderr: %s", script, out, stderr.join())
        .isZero();
    String[] lines = out.strip().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }

  private static String read(Process process, boolean error) {
    try {
      byte[] bytes = (error ? process.getErrorStream() : process.getInputStream()).readAllBytes();
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<unreadable: " + e + ">";
    }
  }
}
