/**
 * The MCP client's implementation: JSON-RPC session, transports, tools; no compatibility promise.
 */
@NonNullByDefault
package dev.codexcontinue.mcp.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
