package dev.codexcontinue.server.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.codexcontinue.server.CodexHttpHandler;
import dev.codexcontinue.server.ServerRequest;
import dev.codexcontinue.server.ServerResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** Runs a {@link CodexHttpHandler} on the JDK's built-in server, one exchange at a time. */
public final class JdkExchangeAdapter implements HttpHandler {
  private final CodexHttpHandler handler;

  /** Adapts {@code handler}. */
  public JdkExchangeAdapter(CodexHttpHandler handler) {
    this.handler = handler;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      handler.handle(new Request(exchange), new Response(exchange));
    }
  }

  private record Request(HttpExchange exchange) implements ServerRequest {
    @Override
    public String method() {
      return exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String path() {
      String path = exchange.getRequestURI().getPath();
      String context = exchange.getHttpContext().getPath();
      if (!context.equals("/") && path.startsWith(context)) {
        path = path.substring(context.length());
      }
      return path.isEmpty() ? "/" : path;
    }

    @Override
    public String rawQuery() {
      String q = exchange.getRequestURI().getRawQuery();
      return q == null ? "" : q;
    }

    @Override
    public Optional<String> header(String name) {
      return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    @Override
    public InputStream body() {
      return exchange.getRequestBody();
    }
  }

  private record Response(HttpExchange exchange) implements ServerResponse {
    @Override
    public void header(String name, String value) {
      exchange.getResponseHeaders().set(name, value);
    }

    @Override
    public OutputStream send(int status, long contentLength) throws java.io.IOException {
      // The JDK server's convention: 0 means chunked, -1 means no body.
      long jdkLength = contentLength < 0 ? 0 : contentLength == 0 ? -1 : contentLength;
      exchange.sendResponseHeaders(status, jdkLength);
      return exchange.getResponseBody();
    }
  }
}
