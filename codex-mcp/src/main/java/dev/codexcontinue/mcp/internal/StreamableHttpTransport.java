package dev.codexcontinue.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.EventDecoder;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.http.StreamFormat;
import dev.codexcontinue.mcp.McpException;
import dev.codexcontinue.mcp.McpException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streamable HTTP transport: every message is POSTed to the endpoint, accepting JSON or an SSE
 * stream as the answer (decoded with codex-http's SSE decoder). The {@code Mcp-Session-Id} the
 * server assigns at initialization goes on every later request, with {@code MCP-Protocol-Version};
 * closing DELETEs the session. The answer to a POST is read whole before its messages are handed
 * on, so server notifications inside one answer arrive together with it; the optional GET stream
 * for unsolicited server messages is not opened.
 */
public final class StreamableHttpTransport implements McpTransport {
  private static final Logger log = LoggerFactory.getLogger(StreamableHttpTransport.class);

  private final HttpUrl endpoint;
  private final HttpTransport http;
  private final boolean ownsHttp;
  @Nullable private final Secret bearerToken;
  private final Duration requestTimeout;
  private final int maxMessageBytes;
  private final AtomicBoolean closed = new AtomicBoolean();
  @Nullable private volatile Listener listener;
  @Nullable private volatile String sessionId;
  @Nullable private volatile String protocolVersion;

  /** Creates the transport; it closes {@code http} on close only when {@code ownsHttp}. */
  public StreamableHttpTransport(
      HttpUrl endpoint,
      HttpTransport http,
      boolean ownsHttp,
      @Nullable Secret bearerToken,
      Duration requestTimeout,
      int maxMessageBytes) {
    this.endpoint = endpoint;
    this.http = http;
    this.ownsHttp = ownsHttp;
    this.bearerToken = bearerToken;
    this.requestTimeout = requestTimeout;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public String label() {
    return endpoint.scheme()
        + "://"
        + endpoint.host()
        + ":"
        + endpoint.port()
        + endpoint.encodedPath();
  }

  @Override
  public boolean answersInExchange() {
    return true;
  }

  @Override
  public void protocolVersion(String version) {
    this.protocolVersion = version;
  }

  /** Returns the session id the server assigned, if any. */
  public java.util.Optional<String> sessionId() {
    return java.util.Optional.ofNullable(sessionId);
  }

  @Override
  public void start(Listener listener) {
    this.listener = listener;
  }

  @Override
  public CompletableFuture<Void> send(ObjectNode message) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(
          new McpException(Reason.CLOSED, "MCP server " + label() + " was closed", null));
    }
    String method = Json.text(message, "method", "response");
    HttpCall call =
        headers(HttpCall.post(endpoint.toString()))
            .header("Accept", "application/json, text/event-stream")
            .jsonBody(message.toString())
            .repeatable(false)
            .operation(method)
            .timeout(requestTimeout)
            .build();
    return http.executeAsync(call, this::receive);
  }

  private HttpCall.Builder headers(HttpCall.Builder call) {
    String session = sessionId;
    if (session != null) {
      call.header("Mcp-Session-Id", session);
    }
    String version = protocolVersion;
    if (version != null) {
      call.header("MCP-Protocol-Version", version);
    }
    Secret token = bearerToken;
    if (token != null) {
      call.header("Authorization", "Bearer " + token.reveal());
    }
    return call;
  }

  private Void receive(HttpResult result) {
    result.header("Mcp-Session-Id").filter(s -> sessionId == null).ifPresent(s -> sessionId = s);
    Listener l = listener;
    if (l == null || result.status() == 202 || result.body().length == 0) {
      return null;
    }
    String type = result.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (type.startsWith("text/event-stream")) {
      EventDecoder decoder = StreamFormat.SSE.newDecoder(maxMessageBytes);
      byte[] body = result.body();
      decoder.feed(body, 0, body.length, e -> handle(e.data(), l));
      decoder.finish(e -> handle(e.data(), l));
    } else if (type.startsWith("application/json")) {
      handle(result.bodyText(), l);
    } else {
      throw new McpException(
          Reason.PROTOCOL,
          "MCP server " + label() + " answered with content type '" + type + "'",
          null);
    }
    return null;
  }

  private void handle(String data, Listener l) {
    if (data.isBlank()) {
      return;
    }
    if (data.getBytes(StandardCharsets.UTF_8).length > maxMessageBytes) {
      throw new McpException(
          Reason.PROTOCOL,
          "MCP server " + label() + " sent a message larger than " + maxMessageBytes + " bytes",
          null);
    }
    JsonNode message;
    try {
      message = Json.parse(data);
    } catch (IllegalArgumentException e) {
      throw new McpException(
          Reason.PROTOCOL,
          "MCP server " + label() + " sent a message that is not JSON: " + Texts.cap(data, 200),
          e);
    }
    if (message.isArray()) {
      message.forEach(l::onMessage);
    } else {
      l.onMessage(message);
    }
  }

  @Override
  public McpException failure(Throwable error) {
    Throwable t =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (t instanceof McpException e) {
      return e;
    }
    if (t instanceof ProviderException e && e.statusCode().orElse(0) == 404 && sessionId != null) {
      return new McpException(
          Reason.SESSION_EXPIRED,
          "MCP server " + label() + " no longer knows the session (HTTP 404)",
          e);
    }
    String detail = t instanceof CodexException ? String.valueOf(t.getMessage()) : t.toString();
    return new McpException(Reason.TRANSPORT, "MCP server " + label() + ": " + detail, t);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (sessionId != null) {
        HttpCall delete =
            headers(HttpCall.of("DELETE", endpoint))
                .operation("delete-session")
                .timeout(Duration.ofSeconds(5))
                .build();
        http.execute(delete);
      }
    } catch (RuntimeException e) {
      // A server may refuse session termination (405) or be gone already; both are fine.
      log.debug("MCP server {}: DELETE session: {}", label(), e.toString());
    } finally {
      if (ownsHttp) {
        http.close();
      }
    }
  }
}
