package dev.codexcontinue.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.mcp.McpException;
import java.util.concurrent.CompletableFuture;

/** Moves JSON-RPC messages between the client and one MCP server. Thread-safe. */
public interface McpTransport extends AutoCloseable {
  /** Receives what the server sends; called from the transport's threads. */
  interface Listener {
    /** Receives one parsed message (a response, a request or a notification). */
    void onMessage(JsonNode message);

    /** Reports something the server sent that is not a message; {@code detail} is redacted. */
    void onMalformed(String detail);

    /** Reports that the connection ended for good. */
    void onClosed(McpException cause);
  }

  /** Starts the connection, delivering messages to {@code listener}. */
  void start(Listener listener);

  /**
   * Sends {@code message}. The future completes when the message is on its way (stdio) or when the
   * HTTP exchange that carried it, and any answer it brought, is done; it fails with an {@link
   * McpException} when sending fails. Cancelling it abandons the exchange.
   */
  CompletableFuture<Void> send(ObjectNode message);

  /**
   * Returns whether the answer to a request always arrives within the exchange that sent it (HTTP),
   * so that an exchange ending without it is an error.
   */
  default boolean answersInExchange() {
    return false;
  }

  /** Turns a failed {@link #send} into the exception the caller gets. */
  default McpException failure(Throwable error) {
    return error instanceof McpException e
        ? e
        : new McpException(
            McpException.Reason.TRANSPORT, "MCP server " + label() + ": " + error, error);
  }

  /** Records the negotiated protocol version, which HTTP sends on later requests. */
  default void protocolVersion(String version) {}

  /** Describes the server for messages and logs: the program or the URL, never credentials. */
  String label();

  /** Ends the connection and releases everything; idempotent. */
  @Override
  void close();
}
