package dev.codexcontinue.mcp.internal;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.mcp.McpClient;
import dev.codexcontinue.mcp.McpToolInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tool of an MCP server as a codex tool. Its default permission is {@code ASK}; a tool the
 * server marks read-only and not destructive is {@code ALLOW} when the client trusts those hints.
 * The agent's policy overrides either. Failures (the server's {@code isError}, a JSON-RPC error, a
 * timeout, a dead server) become error results for the model, redacted.
 */
public final class McpTool implements Tool {
  private static final Logger log = LoggerFactory.getLogger(McpTool.class);

  private final McpClient client;
  private final McpToolInfo info;
  private final ToolSpec spec;
  private final ToolPermission permission;
  private final ClientOptions options;

  /** Creates the tool for {@code info}, named {@code name}. */
  public McpTool(McpClient client, McpToolInfo info, String name, ClientOptions options) {
    this.client = client;
    this.info = info;
    String description =
        info.description().isBlank() ? "MCP tool " + info.name() : info.description();
    this.spec = new ToolSpec(name, description, info.inputSchema());
    this.permission =
        options.trustReadOnlyHints() && info.readOnlyHint() && !info.destructiveHint()
            ? ToolPermission.ALLOW
            : ToolPermission.ASK;
    this.options = options;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public ToolPermission defaultPermission() {
    return permission;
  }

  /**
   * Shows the arguments as sent, redacted and capped, to approvers and to policy patterns such as
   * {@code ask("echo(*secret*)")}.
   */
  @Override
  public String describeCall(ToolCall call) {
    return options.redactor().redact(Texts.cap(call.arguments(), 2000));
  }

  @Override
  public ToolResult execute(ToolCall call, ToolContext context) {
    ToolResult result;
    try {
      result = client.callTool(info.name(), call.arguments(), context);
    } catch (IllegalArgumentException e) {
      result = ToolResult.error("invalid arguments: " + e.getMessage());
    } catch (CodexException e) {
      result = ToolResult.error(String.valueOf(e.getMessage()));
    }
    log.debug("MCP tool {} call {} error={}", info.name(), call.id(), result.isError());
    return new ToolResult(options.redactor().redact(result.content()), result.isError());
  }

  @Override
  public String toString() {
    return "McpTool[" + spec.name() + " -> " + info.name() + "]";
  }
}
