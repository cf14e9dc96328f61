# codex-mcp runs its interop tests against the MCP reference server, over stdio and streamable HTTP.
# Installed outside the repository, at a pinned version, with Node's own package manager.
mcp_everything_version=2026.8.31
mcp_everything_dir=${CODEX_MCP_NPM_DIR:-${TMPDIR:-/tmp}/codex-mcp-npm}
if [ ! -f "$mcp_everything_dir/node_modules/@modelcontextprotocol/server-everything/package.json" ] \
  || ! grep -q "\"version\": \"$mcp_everything_version\"" \
    "$mcp_everything_dir/node_modules/@modelcontextprotocol/server-everything/package.json"; then
  mkdir -p "$mcp_everything_dir"
  npm install --prefix "$mcp_everything_dir" --no-audit --no-fund \
    "@modelcontextprotocol/server-everything@$mcp_everything_version"
fi
export CODEX_MCP_EVERYTHING="$mcp_everything_dir/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
# With the server installed, the interop tests must run, not skip.
export CODEX_REQUIRE_MCP_EVERYTHING=1
