/**
 * A client for MCP (Model Context Protocol) servers, over stdio or streamable HTTP, that exposes
 * their tools as codex {@link dev.codexcontinue.api.Tool}s: {@link dev.codexcontinue.mcp.McpClient}
 * connects and speaks the protocol, {@link dev.codexcontinue.mcp.McpToolFactory} builds the tools
 * from settings. Values are immutable; nothing returns {@code null}.
 */
@NonNullByDefault
package dev.codexcontinue.mcp;

import dev.codexcontinue.api.annotation.NonNullByDefault;
