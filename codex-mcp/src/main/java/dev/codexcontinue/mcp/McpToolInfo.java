package dev.codexcontinue.mcp;

import java.util.Objects;

/**
 * A tool as an MCP server lists it. The hints come from the server and are not verified.
 *
 * @param name the server's name for the tool
 * @param description what the tool does (the title when the server gave no description)
 * @param inputSchema the JSON Schema of its arguments, as JSON text
 * @param readOnlyHint whether the server says the tool does not modify its environment
 * @param destructiveHint whether the server says the tool may destroy data (true when unsaid)
 */
public record McpToolInfo(
    String name,
    String description,
    String inputSchema,
    boolean readOnlyHint,
    boolean destructiveHint) {
  /** Checks the components. */
  public McpToolInfo {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(inputSchema, "inputSchema == null");
  }
}
