package dev.codexcontinue.mcp;

import dev.codexcontinue.api.exception.CodexException;
import java.util.Objects;
import java.util.OptionalInt;
import javax.annotation.Nullable;

/**
 * An MCP server failed a request or could not be reached: it answered with a JSON-RPC error, sent
 * something that is not a valid message, exited, timed out, or its HTTP session expired. {@link
 * #reason()} tells which; messages name the server and the method, never arguments or secrets.
 */
public class McpException extends CodexException {
  private static final long serialVersionUID = 1L;

  /** Why a request failed. */
  public enum Reason {
    /** The server answered with a JSON-RPC error; {@link #code()} holds its code. */
    SERVER_ERROR,
    /** The server sent something that is not a valid MCP message, or an unsupported version. */
    PROTOCOL,
    /** The server exited or closed the connection, or the client was closed. */
    CLOSED,
    /** The server did not answer within the request's timeout. */
    TIMEOUT,
    /** The HTTP server no longer knows the session (HTTP 404): reconnect to start a new one. */
    SESSION_EXPIRED,
    /** The HTTP exchange failed (connection refused, an error status). */
    TRANSPORT
  }

  private final Reason reason;
  @Nullable private final Integer code;

  /** Creates the exception. */
  public McpException(Reason reason, String message, @Nullable Throwable cause) {
    this(reason, null, message, cause);
  }

  /** Creates the exception for a JSON-RPC error with {@code code}. */
  public McpException(
      Reason reason, @Nullable Integer code, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.code = code;
  }

  /** Returns why the request failed. */
  public Reason reason() {
    return reason;
  }

  /** Returns the JSON-RPC error code, when the server answered with an error. */
  public OptionalInt code() {
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /** Timeouts may succeed when repeated; nothing else does. */
  @Override
  public boolean isRetryable() {
    return reason == Reason.TIMEOUT;
  }
}
