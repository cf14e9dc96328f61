package dev.codexcontinue.mcp;

import java.util.Objects;

/**
 * One message of a prompt an MCP server rendered.
 *
 * @param role {@code user} or {@code assistant}
 * @param text the message's content as text (binary parts as placeholders)
 */
public record McpPromptMessage(String role, String text) {
  /** Checks the components. */
  public McpPromptMessage {
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(text, "text == null");
  }
}
