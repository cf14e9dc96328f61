package dev.codexcontinue.mcp;

import java.util.Objects;

/**
 * A resource as an MCP server lists it; absent optional fields are empty strings.
 *
 * @param uri the resource's URI, which {@link McpClient#readResource} takes
 * @param name its name
 * @param description what it holds
 * @param mimeType its media type
 */
public record McpResource(String uri, String name, String description, String mimeType) {
  /** Checks the components. */
  public McpResource {
    Objects.requireNonNull(uri, "uri == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(mimeType, "mimeType == null");
  }
}
