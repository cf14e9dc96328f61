package dev.codexcontinue.mcp;

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

  /** Shows name, version and protocol; never the instructions, which may be long. */
  @Override
  public String toString() {
    return "McpServerInfo[" + name + " " + version + ", protocol " + protocolVersion + "]";
  }
}
