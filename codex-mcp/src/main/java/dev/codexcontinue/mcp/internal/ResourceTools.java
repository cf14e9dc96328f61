package dev.codexcontinue.mcp.internal;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.mcp.McpClient;
import dev.codexcontinue.mcp.McpResource;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A server's resources as two read-only tools: one lists them (URI, name, type, description), one
 * reads a resource by URI. Reading changes nothing on the server, so both are allowed by default.
 */
public final class ResourceTools {
  private static final String READ_SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"uri\":{\"type\":\"string\",\"maxLength\":2048,"
          + "\"description\":\"The URI of the resource, as listed\"}},\"required\":[\"uri\"],"
          + "\"additionalProperties\":false}";

  private ResourceTools() {}

  /** Creates the list and read tools of {@code client}. */
  public static List<Tool> create(McpClient client, ToolNames names) {
    Tool list =
        new Simple(
            ToolSpec.withoutParameters(
                names.next("mcp_list_resources"),
                "Lists the resources of MCP server "
                    + client.serverInfo().name()
                    + ": URI, name, media type and description"),
            (call, context) -> ToolResult.of(render(client.listResources())));
    Tool read =
        new Simple(
            new ToolSpec(
                names.next("mcp_read_resource"),
                "Reads a resource of MCP server " + client.serverInfo().name() + " by its URI",
                READ_SCHEMA),
            (call, context) -> {
              String uri = Json.text(Json.arguments(call.arguments()), "uri", "");
              if (uri.isBlank()) {
                return ToolResult.error("invalid arguments: uri is required");
              }
              return ToolResult.of(client.readResource(uri, context));
            });
    return List.of(list, read);
  }

  private static String render(List<McpResource> resources) {
    StringBuilder out = new StringBuilder();
    for (McpResource r : resources) {
      out.append(r.uri()).append('\t').append(r.name());
      if (!r.mimeType().isEmpty()) {
        out.append(" (").append(r.mimeType()).append(')');
      }
      if (!r.description().isEmpty()) {
        out.append(": ").append(r.description());
      }
      out.append('\n');
    }
    return out.length() == 0 ? "(no resources)" : out.toString();
  }

  private static final class Simple implements Tool {
    private final ToolSpec spec;
    private final BiFunction<ToolCall, ToolContext, ToolResult> body;

    Simple(ToolSpec spec, BiFunction<ToolCall, ToolContext, ToolResult> body) {
      this.spec = spec;
      this.body = body;
    }

    @Override
    public ToolSpec spec() {
      return spec;
    }

    @Override
    public ToolPermission defaultPermission() {
      return ToolPermission.ALLOW;
    }

    @Override
    public ToolResult execute(ToolCall call, ToolContext context) {
      try {
        return body.apply(call, context);
      } catch (IllegalArgumentException e) {
        return ToolResult.error("invalid arguments: " + e.getMessage());
      } catch (CodexException e) {
        return ToolResult.error(String.valueOf(e.getMessage()));
      }
    }

    @Override
    public String toString() {
      return "McpResourceTool[" + spec.name() + "]";
    }
  }
}
