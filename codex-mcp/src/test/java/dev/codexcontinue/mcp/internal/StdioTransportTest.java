package dev.codexcontinue.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.mcp.McpException;
import dev.codexcontinue.mcp.McpException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stdio transport with real child processes: exit reporting, and no process left on close. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
final class StdioTransportTest {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));

  @Test
  void close_serverIgnoringStdinAndSigterm_killsTheWholeTree() throws Exception {
    StdioTransport transport =
        transport(List.of("sh", "-c", "trap '' TERM; sleep 60 & sleep 60"), Redactor.create());
    transport.start(new Recorder());
    Process process = transport.process().orElseThrow();
    List<ProcessHandle> tree = new ArrayList<>();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (tree.size() < 2 && System.nanoTime() < until) {
      tree = process.descendants().collect(Collectors.toList());
      Thread.onSpinWait();
    }
    assertThat(tree).hasSize(2);
    tree.add(process.toHandle());

    transport.close();

    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void serverExits_closedWithExitCodeAndRedactedStderr() throws Exception {
    String secret = "sk_TEST_stderr_secret_42";
    StdioTransport transport =
        transport(
            List.of("sh", "-c", "echo \"boom " + secret + "\" >&2; exit 3"),
            Redactor.create().register(secret));
    Recorder recorder = new Recorder();
    transport.start(recorder);
    McpException closed = recorder.closed.get(10, TimeUnit.SECONDS);
    transport.close();

    assertThat(closed.reason()).isEqualTo(Reason.CLOSED);
    assertThat(closed.getMessage())
        .contains("exited with code 3", "boom", Redactor.MASK)
        .doesNotContain(secret);
  }

  @Test
  void start_missingProgram_failsClearly() {
    StdioTransport transport = transport(List.of("/nonexistent/mcp-server-xyz"), Redactor.create());
    assertThatThrownBy(() -> transport.start(new Recorder()))
        .isInstanceOfSatisfying(
            McpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRANSPORT))
        .hasMessageContaining("cannot start MCP server mcp-server-xyz");
  }

  @Test
  void child_seesOnlyTheGivenEnvironment() throws Exception {
    StdioTransport transport =
        new StdioTransport(
            List.of("sh", "-c", "env >&2; exit 0"),
            Map.of("PATH", System.getenv("PATH"), "MCP_VISIBLE", "yes"),
            null,
            1 << 16,
            Redactor.create(),
            Duration.ofMillis(200),
            Duration.ofMillis(200));
    Recorder recorder = new Recorder();
    transport.start(recorder);
    recorder.closed.get(10, TimeUnit.SECONDS);
    transport.close();

    List<String> names =
        transport.stderrTail().lines().map(l -> l.split("=", 2)[0]).collect(Collectors.toList());
    assertThat(names).contains("PATH", "MCP_VISIBLE");
    assertThat(names)
        .allMatch(n -> List.of("PATH", "MCP_VISIBLE", "PWD", "SHLVL", "_").contains(n));
  }

  private static StdioTransport transport(List<String> command, Redactor redactor) {
    return new StdioTransport(
        command, ENV, null, 1 << 16, redactor, Duration.ofMillis(200), Duration.ofMillis(300));
  }

  private static final class Recorder implements McpTransport.Listener {
    final CompletableFuture<McpException> closed = new CompletableFuture<>();

    @Override
    public void onMessage(JsonNode message) {}

    @Override
    public void onMalformed(String detail) {}

    @Override
    public void onClosed(McpException cause) {
      closed.complete(cause);
    }
  }
}
