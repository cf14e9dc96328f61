package dev.codexcontinue.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.mcp.internal.Json;
import java.util.Objects;

/**
 * What an MCP server said about itself when the session was initialized.
 *
 * @param name the server's name
 * @param version the server's version
 * @param protocolVersion the protocol revision both sides agreed on
 * @param instructions the server's instructions for clients; empty when it gave none
 */
public record McpServerInfo(
    String name, String version, String protocolVersion, String instructions) {
  /** Checks the components. */
  public McpServerInfo {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(version, "version == null");
    Objects.requireNonNull(protocolVersion, "protocolVersion == null");
    Objects.requireNonNull(instructions, "instructions == null");
  }

  /** Reads the server's description from its answer to {@code initialize}. */
  static McpServerInfo fromInitializeResult(JsonNode init) {
    return new McpServerInfo(
        Json.text(init.path("serverInfo"), "name", ""),
        Json.text(init.path("serverInfo"), "version", ""),
        Json.text(init, "protocolVersion", ""),
        Json.text(init, "instructions", ""));
  }

  /** Shows name, version and protocol; never the instructions, which may be long. */
  @Override
  public String toString() {
    return "McpServerInfo[" + name + " " + version + ", protocol " + protocolVersion + "]";
  }
}
