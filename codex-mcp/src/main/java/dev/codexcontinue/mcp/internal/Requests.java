package dev.codexcontinue.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.mcp.McpClient;
import dev.codexcontinue.mcp.McpException;
import dev.codexcontinue.mcp.McpException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * The requests of the MCP lifecycle and of listing, on top of a {@link JsonRpcSession}: the
 * initialize handshake with version negotiation, paginated lists, and timeouts cut to a tool
 * context's deadline. Thread-safe.
 */
public final class Requests {
  private static final int MAX_PAGES = 1000;

  private final JsonRpcSession session;
  private final Duration timeout;

  /** Creates the requests of {@code session}, each waiting at most {@code timeout}. */
  public Requests(JsonRpcSession session, Duration timeout) {
    this.session = session;
    this.timeout = timeout;
  }

  /**
   * Sends {@code initialize} asking for {@code version} and returns the result.
   *
   * @throws McpException when the server answers a version not in {@code supported}
   */
  public JsonNode initialize(String version, Set<String> supported) {
    ObjectNode params = Json.object().put("protocolVersion", version);
    params.set("capabilities", Json.object());
    params.set(
        "clientInfo", Json.object().put("name", "codex-mcp").put("version", clientVersion()));
    JsonNode result = send("initialize", params, ToolContext.none());
    String answered = Json.text(result, "protocolVersion", "");
    if (!supported.contains(answered)) {
      throw new McpException(
          Reason.PROTOCOL,
          session.label()
              + " answered protocol version '"
              + Texts.cap(answered, 40)
              + "'; supported: "
              + supported,
          null);
    }
    return result;
  }

  private static String clientVersion() {
    String v = McpClient.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Sends {@code method} and collects field {@code field} of every page, following cursors. */
  public <T> List<T> paged(String method, String field, Function<JsonNode, T> reader) {
    List<T> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ObjectNode params = cursor == null ? null : Json.object().put("cursor", cursor);
      JsonNode result = send(method, params, ToolContext.none());
      result.path(field).forEach(entry -> out.add(reader.apply(entry)));
      JsonNode next = result.get("nextCursor");
      if (next == null || !next.isTextual() || next.textValue().isEmpty()) {
        return out;
      }
      cursor = next.textValue();
      if (!seen.add(cursor)) {
        throw new McpException(
            Reason.PROTOCOL, session.label() + ": " + method + " repeated a cursor", null);
      }
    }
    throw new McpException(
        Reason.PROTOCOL,
        session.label() + ": " + method + " has over " + MAX_PAGES + " pages",
        null);
  }

  /**
   * Sends {@code method} and waits for its result, at most the timeout or until the context's
   * deadline, whichever comes first; the context's cancellation abandons it.
   */
  public JsonNode send(String method, @Nullable ObjectNode params, ToolContext context) {
    Duration wait = timeout;
    if (context.deadline().isPresent()) {
      Duration left = Duration.between(Instant.now(), context.deadline().get());
      if (left.isNegative() || left.isZero()) {
        throw new McpException(
            Reason.TIMEOUT, session.label() + ": " + method + ": the deadline has passed", null);
      }
      wait = left.compareTo(wait) < 0 ? left : wait;
    }
    return session.request(method, params, wait, context::isCancelled);
  }
}
