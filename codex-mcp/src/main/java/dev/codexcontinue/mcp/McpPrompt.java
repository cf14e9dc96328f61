package dev.codexcontinue.mcp;

import java.util.List;
import java.util.Objects;

/**
 * A prompt template as an MCP server lists it.
 *
 * @param name the prompt's name, which {@link McpClient#getPrompt} takes
 * @param description what it is for; empty when unsaid
 * @param requiredArguments the names of the arguments it needs
 * @param optionalArguments the names of the arguments it may take
 */
public record McpPrompt(
    String name,
    String description,
    List<String> requiredArguments,
    List<String> optionalArguments) {
  /** Checks and copies the components. */
  public McpPrompt {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    requiredArguments = List.copyOf(requiredArguments);
    optionalArguments = List.copyOf(optionalArguments);
  }
}
