package dev.codexcontinue.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.mcp.McpException;
import dev.codexcontinue.mcp.McpException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stdio transport: the server is a child process that reads newline-delimited JSON-RPC messages
 * on stdin and writes them on stdout; its stderr is its log, drained so that it never blocks,
 * logged at TRACE and kept (last lines) for error messages. Closing closes stdin, waits for the
 * process to exit, then terminates and kills the whole process tree.
 */
public final class StdioTransport implements McpTransport {
  private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);
  private static final int STDERR_TAIL_LINES = 20;
  private static final int STDERR_LINE_CHARS = 500;

  private final List<String> command;
  private final Map<String, String> environment;
  @Nullable private final Path workingDirectory;
  private final int maxMessageBytes;
  private final Redactor redactor;
  private final Duration exitGrace;
  private final Duration termGrace;
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object writeLock = new Object();
  @Nullable private volatile Process process;
  @Nullable private OutputStream stdin;
  @Nullable private InputStream stdout;
  @Nullable private Thread stdoutReader;
  @Nullable private Thread stderrReader;

  /** Creates the transport; {@code environment} is the child's whole environment. */
  public StdioTransport(
      List<String> command,
      Map<String, String> environment,
      @Nullable Path workingDirectory,
      int maxMessageBytes,
      Redactor redactor,
      Duration exitGrace,
      Duration termGrace) {
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
    this.maxMessageBytes = maxMessageBytes;
    this.redactor = redactor;
    this.exitGrace = exitGrace;
    this.termGrace = termGrace;
  }

  /**
   * Creates a transport over streams that are already connected to a server (an in-process one);
   * closing closes both streams.
   */
  public static StdioTransport overStreams(
      String label, InputStream serverOutput, OutputStream serverInput, int maxMessageBytes) {
    StdioTransport t =
        new StdioTransport(
            List.of(label),
            Map.of(),
            null,
            maxMessageBytes,
            Redactor.create(),
            Duration.ZERO,
            Duration.ZERO);
    t.stdout = serverOutput;
    t.stdin = serverInput;
    return t;
  }

  /**
   * Returns a child's environment: the variables named in {@code inherited} that {@code parent}
   * has, then {@code explicit}, which wins.
   */
  public static Map<String, String> environment(
      Map<String, String> parent, Collection<String> inherited, Map<String, String> explicit) {
    Map<String, String> env = new LinkedHashMap<>();
    inherited.forEach(n -> Optional.ofNullable(parent.get(n)).ifPresent(v -> env.put(n, v)));
    env.putAll(explicit);
    return env;
  }

  @Override
  public String label() {
    return Path.of(command.get(0)).getFileName() + (command.size() > 1 ? " …" : "");
  }

  /** Returns the server process, once started. */
  public Optional<Process> process() {
    return Optional.ofNullable(process);
  }

  @Override
  public void start(Listener listener) {
    InputStream out = stdout;
    if (out != null) {
      stdoutReader = daemon("mcp-stdout-" + label(), () -> readStdout(out, null, listener));
      return;
    }
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(environment);
    if (workingDirectory != null) {
      pb.directory(workingDirectory.toFile());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new McpException(
          Reason.TRANSPORT,
          "cannot start MCP server " + label() + ": " + redactor.redact(e.getMessage() + ""),
          e);
    }
    process = p;
    stdin = p.getOutputStream();
    log.debug("started MCP server {} (pid {})", label(), p.pid());
    stderrReader = daemon("mcp-stderr-" + p.pid(), () -> drainStderr(p.getErrorStream()));
    stdoutReader =
        daemon("mcp-stdout-" + p.pid(), () -> readStdout(p.getInputStream(), p, listener));
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void readStdout(InputStream out, @Nullable Process p, Listener listener) {
    LineReader lines = new LineReader(out, maxMessageBytes);
    try {
      for (Optional<LineReader.Line> line = lines.next(); line.isPresent(); line = lines.next()) {
        deliver(line.get(), listener);
      }
    } catch (IOException e) {
      log.debug("MCP server {}: stdout read failed: {}", label(), e.toString());
    }
    listener.onClosed(new McpException(Reason.CLOSED, exitMessage(p), null));
  }

  private void deliver(LineReader.Line line, Listener listener) {
    if (line.tooLong()) {
      listener.onMalformed("a message larger than " + maxMessageBytes + " bytes");
      return;
    }
    if (line.text().isBlank()) {
      return;
    }
    JsonNode message;
    try {
      message = Json.parse(line.text());
    } catch (IllegalArgumentException e) {
      listener.onMalformed(
          "a line that is not JSON: " + redactor.redact(Texts.cap(line.text(), 200)));
      return;
    }
    if (message.isArray()) {
      message.forEach(listener::onMessage);
    } else {
      listener.onMessage(message);
    }
  }

  private String exitMessage(@Nullable Process p) {
    if (closed.get()) {
      return "MCP server " + label() + " was closed";
    }
    if (p == null) {
      return "MCP server " + label() + " closed its output";
    }
    String status;
    try {
      status =
          p.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)
              ? "exited with code " + p.exitValue()
              : "closed its output";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = "closed its output";
    }
    // The exit closes stderr too; let the drainer read the last lines before quoting them.
    join(stderrReader, 500);
    String tail = stderrTail();
    return "MCP server " + label() + " " + status + (tail.isEmpty() ? "" : "; stderr: " + tail);
  }

  private void drainStderr(InputStream err) {
    LineReader lines = new LineReader(err, 64 << 10);
    try {
      for (Optional<LineReader.Line> line = lines.next(); line.isPresent(); line = lines.next()) {
        String text = redactor.redact(Texts.cap(line.get().text(), STDERR_LINE_CHARS));
        log.trace("MCP server {} stderr: {}", label(), text);
        synchronized (stderrTail) {
          stderrTail.addLast(text);
          if (stderrTail.size() > STDERR_TAIL_LINES) {
            stderrTail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      log.trace("MCP server {}: stderr ended: {}", label(), e.toString());
    }
  }

  /** Returns the server's last stderr lines, redacted. */
  public String stderrTail() {
    synchronized (stderrTail) {
      return String.join("\n", stderrTail);
    }
  }

  @Override
  public CompletableFuture<Void> send(ObjectNode message) {
    byte[] bytes = (message.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (writeLock) {
      OutputStream out = stdin;
      if (out == null || closed.get()) {
        return CompletableFuture.failedFuture(
            new McpException(Reason.CLOSED, "MCP server " + label() + " is not running", null));
      }
      try {
        out.write(bytes);
        out.flush();
        return CompletableFuture.completedFuture(null);
      } catch (IOException e) {
        return CompletableFuture.failedFuture(
            new McpException(Reason.CLOSED, exitMessage(process), e));
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Process p = process;
    synchronized (writeLock) {
      try {
        OutputStream out = stdin;
        if (out != null) {
          out.close();
        }
      } catch (IOException e) {
        log.trace("MCP server {}: closing stdin: {}", label(), e.toString());
      }
    }
    if (p == null) {
      closeQuietly(stdout);
      join(stdoutReader, 1000);
      return;
    }
    ProcessTree.stop(p, exitGrace, termGrace);
    join(stdoutReader, 1000);
    join(stderrReader, 1000);
    log.debug("stopped MCP server {} (pid {})", label(), p.pid());
  }

  private void closeQuietly(@Nullable InputStream in) {
    try {
      if (in != null) {
        in.close();
      }
    } catch (IOException e) {
      log.trace("MCP server {}: closing its output: {}", label(), e.toString());
    }
  }

  private static void join(@Nullable Thread t, long millis) {
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
