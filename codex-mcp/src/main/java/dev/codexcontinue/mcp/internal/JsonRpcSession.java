package dev.codexcontinue.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.CancelledException;
import dev.codexcontinue.mcp.McpException;
import dev.codexcontinue.mcp.McpException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over an {@link McpTransport}: numbers requests, matches responses to them, answers
 * the server's {@code ping}, refuses its other requests, and hands notifications to listeners. A
 * request that times out or is cancelled is abandoned and the server is told with {@code
 * notifications/cancelled}. Thread-safe.
 */
public final class JsonRpcSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JsonRpcSession.class);

  /** How often a waiting request looks at its cancellation signal. */
  private static final long POLL_MILLIS = 25;

  /** The longest wait for a notification to be delivered. */
  private static final long NOTIFY_SECONDS = 10;

  private final McpTransport transport;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> notificationListeners = new CopyOnWriteArrayList<>();
  @Nullable private volatile McpException closedBy;

  /** Creates the session over {@code transport}; {@link #start()} connects. */
  public JsonRpcSession(McpTransport transport) {
    this.transport = transport;
  }

  /** Starts the transport. */
  public void start() {
    transport.start(
        new McpTransport.Listener() {
          @Override
          public void onMessage(JsonNode message) {
            dispatch(message);
          }

          @Override
          public void onMalformed(String detail) {
            failAll(new McpException(Reason.PROTOCOL, label() + " sent " + detail, null));
          }

          @Override
          public void onClosed(McpException cause) {
            closedBy = cause;
            failAll(cause);
          }
        });
  }

  /** Adds a listener for the server's notifications (called on a transport thread). */
  public void addNotificationListener(Consumer<JsonNode> listener) {
    notificationListeners.add(listener);
  }

  /** Returns the transport's label. */
  public String label() {
    return "MCP server " + transport.label();
  }

  /**
   * Sends request {@code method} and waits for its result.
   *
   * @throws McpException when the server answers with an error, dies, sends garbage or times out
   * @throws CancelledException when {@code cancelled} turns true or the thread is interrupted
   */
  public JsonNode request(
      String method, @Nullable ObjectNode params, Duration timeout, BooleanSupplier cancelled) {
    McpException closed = closedBy;
    if (closed != null) {
      throw new McpException(closed.reason(), closed.getMessage() + " (" + method + ")", closed);
    }
    long id = ids.incrementAndGet();
    ObjectNode message = Json.object().put("jsonrpc", "2.0").put("id", id).put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(Long.toString(id), answer);
    try {
      CompletableFuture<Void> sent = transport.send(message);
      sent.whenComplete(
          (ok, error) -> {
            if (error != null) {
              answer.completeExceptionally(unwrap(error));
            } else if (transport.answersInExchange() && !answer.isDone()) {
              answer.completeExceptionally(
                  new McpException(
                      Reason.PROTOCOL, label() + " ended the exchange without an answer", null));
            }
          });
      return await(method, id, answer, sent, timeout, cancelled);
    } finally {
      pending.remove(Long.toString(id));
    }
  }

  private JsonNode await(
      String method,
      long id,
      CompletableFuture<JsonNode> answer,
      CompletableFuture<Void> sent,
      Duration timeout,
      BooleanSupplier cancelled) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      try {
        return answer.get(
            Math.max(1, Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS))),
            TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        throw withMethod(unwrap(e), method);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        abandon(id, sent, "interrupted");
        throw new CancelledException(label() + ": " + method + " interrupted");
      } catch (TimeoutException e) {
        if (cancelled.getAsBoolean()) {
          abandon(id, sent, "cancelled by the client");
          throw new CancelledException(label() + ": " + method + " cancelled");
        }
        if (System.nanoTime() - deadline >= 0) {
          abandon(id, sent, "timed out");
          throw new McpException(
              Reason.TIMEOUT,
              label() + ": " + method + " timed out after " + timeout.toMillis() + " ms",
              null);
        }
      }
    }
  }

  /** Tells the server to stop working on request {@code id}, then drops the exchange. */
  private void abandon(long id, CompletableFuture<Void> sent, String reason) {
    try {
      ObjectNode params = Json.object().put("requestId", id).put("reason", reason);
      notify("notifications/cancelled", params);
    } catch (RuntimeException e) {
      log.debug("{}: could not send notifications/cancelled: {}", label(), e.toString());
    }
    sent.cancel(true);
  }

  /**
   * Sends notification {@code method} and waits (up to 10 s) until it is delivered, so that over
   * HTTP it reaches the server before any later request.
   *
   * @throws McpException when it cannot be delivered
   */
  public void notify(String method, @Nullable ObjectNode params) {
    ObjectNode message = Json.object().put("jsonrpc", "2.0").put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    CompletableFuture<Void> sent = transport.send(message);
    try {
      sent.get(NOTIFY_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw withMethod(unwrap(e), method);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.cancel(true);
      throw new CancelledException(label() + ": " + method + " interrupted");
    } catch (TimeoutException e) {
      sent.cancel(true);
      throw new McpException(Reason.TIMEOUT, label() + ": " + method + " not delivered", e);
    }
  }

  private void dispatch(JsonNode message) {
    if (!message.isObject() || !"2.0".equals(Json.text(message, "jsonrpc", ""))) {
      failAll(new McpException(Reason.PROTOCOL, label() + " sent a non-JSON-RPC message", null));
      return;
    }
    JsonNode id = message.get("id");
    JsonNode method = message.get("method");
    if (method != null && method.isTextual()) {
      if (id != null && !id.isNull()) {
        answerServerRequest(id, method.textValue());
      } else {
        notificationListeners.forEach(l -> l.accept(message));
      }
      return;
    }
    if (id == null || id.isNull()) {
      failAll(new McpException(Reason.PROTOCOL, label() + " sent a response without id", null));
      return;
    }
    CompletableFuture<JsonNode> answer = pending.get(id.asText());
    if (answer == null) {
      log.debug("{}: response to unknown or abandoned request {}", label(), id.asText());
    } else if (message.has("error")) {
      answer.completeExceptionally(errorOf(message.get("error")));
    } else if (message.has("result")) {
      answer.complete(message.get("result"));
    } else {
      answer.completeExceptionally(
          new McpException(Reason.PROTOCOL, label() + " sent neither result nor error", null));
    }
  }

  /** The client declares no capabilities, so it answers {@code ping} and refuses the rest. */
  private void answerServerRequest(JsonNode id, String method) {
    ObjectNode reply = Json.object().put("jsonrpc", "2.0");
    reply.set("id", id);
    if (method.equals("ping")) {
      reply.set("result", Json.object());
    } else {
      reply.set(
          "error", Json.object().put("code", -32601).put("message", "Method not found: " + method));
    }
    try {
      transport.send(reply);
    } catch (RuntimeException e) {
      log.debug("{}: could not answer {}: {}", label(), method, e.toString());
    }
  }

  private McpException errorOf(JsonNode error) {
    JsonNode code = error.get("code");
    Integer value = code != null && code.canConvertToInt() ? code.intValue() : null;
    String text = Json.text(error, "message", "(no message)");
    return new McpException(
        Reason.SERVER_ERROR,
        value,
        label() + " answered JSON-RPC error " + value + ": " + Texts.cap(text, 2000),
        null);
  }

  private static McpException withMethod(McpException e, String method) {
    return new McpException(
        e.reason(),
        e.code().isPresent() ? e.code().getAsInt() : null,
        method + ": " + e.getMessage(),
        e);
  }

  private McpException unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return transport.failure(t);
  }

  private void failAll(McpException cause) {
    // A snapshot: a caller woken by the first failure may send a new request at once, and that
    // request must not be failed by this old cause.
    List.copyOf(pending.values()).forEach(f -> f.completeExceptionally(cause));
  }

  /** Fails every waiting request and closes the transport. */
  @Override
  public void close() {
    McpException closed = new McpException(Reason.CLOSED, label() + " was closed", null);
    if (closedBy == null) {
      closedBy = closed;
    }
    failAll(closed);
    transport.close();
  }
}
