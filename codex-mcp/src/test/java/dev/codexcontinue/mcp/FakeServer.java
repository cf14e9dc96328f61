package dev.codexcontinue.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.mcp.internal.ClientOptions;
import dev.codexcontinue.mcp.internal.Json;
import dev.codexcontinue.mcp.internal.StdioTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-process MCP server over piped streams, speaking newline-delimited JSON like a stdio server.
 * Each method has a handler that returns the result, or {@code null} to leave the request
 * unanswered; handlers may also write raw lines or hang up. Records every message it gets.
 */
final class FakeServer implements AutoCloseable {
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
  final BlockingQueue<JsonNode> responses = new LinkedBlockingQueue<>();
  private final Map<String, Function<JsonNode, JsonNode>> handlers = new ConcurrentHashMap<>();
  private final PipedInputStream clientToServer = new PipedInputStream(1 << 20);
  private final PipedOutputStream serverToClientSink = new PipedOutputStream();
  private final PipedInputStream serverToClient = new PipedInputStream(1 << 20);
  private final PipedOutputStream clientOut;
  private final Thread loop;
  volatile String protocolVersion = McpClient.PROTOCOL_VERSION;

  FakeServer() throws IOException {
    clientOut = new PipedOutputStream(clientToServer);
    serverToClient.connect(serverToClientSink);
    handle(
        "initialize",
        p -> {
          ObjectNode r = Json.object().put("protocolVersion", protocolVersion);
          r.putObject("capabilities").putObject("tools");
          r.with("capabilities").putObject("resources");
          r.putObject("serverInfo").put("name", "fake").put("version", "1.0");
          return r;
        });
    handle("ping", p -> Json.object());
    loop = new Thread(this::serve, "fake-mcp-server");
    loop.setDaemon(true);
    loop.start();
  }

  /** Sets the handler of {@code method}. */
  FakeServer handle(String method, Function<JsonNode, JsonNode> handler) {
    handlers.put(method, handler);
    return this;
  }

  /** Returns a client connected to this server. */
  McpClient client() {
    return client(options(Duration.ofSeconds(5), true, Redactor.create()));
  }

  McpClient client(ClientOptions options) {
    return new McpClient(
        StdioTransport.overStreams("fake", serverToClient, clientOut, 64 << 10), options, false);
  }

  static ClientOptions options(Duration timeout, boolean trustHints, Redactor redactor) {
    return new ClientOptions(timeout, "", true, trustHints, 64_000, redactor);
  }

  private void serve() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(clientToServer, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode message = Json.parse(line);
        received.add(message);
        if (!message.has("method")) {
          responses.add(message);
        } else if (!message.has("id")) {
          notifications.add(message);
        } else {
          answer(message);
        }
      }
    } catch (IOException e) {
      // The client hung up.
    }
    // Like a real stdio server, exit when stdin closes: the client then reads end of output.
    crash();
  }

  private void answer(JsonNode request) throws IOException {
    Function<JsonNode, JsonNode> handler = handlers.get(request.get("method").asText());
    ObjectNode reply = Json.object().put("jsonrpc", "2.0");
    reply.set("id", request.get("id"));
    if (handler == null) {
      reply.putObject("error").put("code", -32601).put("message", "Method not found");
    } else {
      JsonNode result = handler.apply(request.path("params"));
      if (result == null) {
        return;
      }
      if (result.has("__error")) {
        reply.set("error", result.get("__error"));
      } else {
        reply.set("result", result);
      }
    }
    send(reply.toString());
  }

  /** Writes {@code line} (and a newline) to the client. */
  void send(String line) {
    try {
      OutputStream out = serverToClientSink;
      synchronized (this) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hangs up: the client sees the end of the server's output. */
  void crash() {
    try {
      serverToClientSink.close();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the next notification named {@code method}, waiting up to 5 s. */
  JsonNode awaitNotification(String method) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < end) {
      JsonNode n = notifications.poll(100, TimeUnit.MILLISECONDS);
      if (n != null && n.path("method").asText().equals(method)) {
        return n;
      }
    }
    throw new AssertionError("no " + method + " within 5 s; got " + received);
  }

  /** Returns an error result that the fake sends as a JSON-RPC error. */
  static JsonNode error(int code, String message) {
    ObjectNode r = Json.object();
    r.putObject("__error").put("code", code).put("message", message);
    return r;
  }

  @Override
  public void close() {
    try {
      serverToClientSink.close();
      clientToServer.close();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
