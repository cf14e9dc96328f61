package dev.codexcontinue.benchmarks.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A chat completions server on loopback that answers at once from memory: a fixed JSON answer, or,
 * when the request asks for a stream, an SSE body of {@code chunks} content chunks, a finish chunk,
 * a usage chunk and {@code [DONE]}. Every client under test talks to the same instance.
 */
public final class LocalOpenAiServer implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm
    // and delayed ACKs add ~40 ms to every exchange, which would hide every client difference.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] answer;
  private final byte[] stream;

  /** Starts the server on a free loopback port. */
  public LocalOpenAiServer(int chunks) throws IOException {
    this.answer = answer().getBytes(StandardCharsets.UTF_8);
    this.stream = sse(chunks).getBytes(StandardCharsets.UTF_8);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "bench-server");
              t.setDaemon(true);
              return t;
            });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::chat);
    server.start();
  }

  /** Returns the base URL, ending in {@code /v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Returns the number of bytes of one streamed answer. */
  public int streamBytes() {
    return stream.length;
  }

  private void chat(HttpExchange exchange) throws IOException {
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    boolean streaming = request.replace(" ", "").contains("\"stream\":true");
    byte[] body = streaming ? stream : answer;
    exchange
        .getResponseHeaders()
        .set("Content-Type", streaming ? "text/event-stream" : "application/json");
    exchange.getResponseHeaders().set("x-request-id", "req_bench");
    exchange.sendResponseHeaders(200, streaming ? 0 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String answer() {
    return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1741569952,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"Hello! How can I assist you today?\",\"refusal\":null,\"annotations\":[]},"
        + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":19,"
        + "\"completion_tokens\":10,\"total_tokens\":29},\"service_tier\":\"default\"}";
  }

  private static String sse(int chunks) {
    String head =
        "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
            + "\"model\":\"gpt-4o-mini\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,";
    StringBuilder sb = new StringBuilder();
    sb.append(head)
        .append("\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,")
        .append("\"finish_reason\":null}],\"usage\":null}\n\n");
    for (int i = 0; i < chunks; i++) {
      sb.append(head)
          .append("\"delta\":{\"content\":\" token")
          .append(i)
          .append(
              "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x7\"}\n\n");
    }
    sb.append(head)
        .append("\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n");
    sb.append(
            "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,")
        .append("\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,")
        .append("\"completion_tokens\":")
        .append(chunks)
        .append(",\"total_tokens\":")
        .append(chunks + 9)
        .append("}}\n\ndata: [DONE]\n\n");
    return sb.toString();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
