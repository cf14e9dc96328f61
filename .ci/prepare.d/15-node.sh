# Node.js and npm run the real clients and servers several modules test against (MCP reference
# server, PGlite, the openai and tabby-agent clients, playwright). Machines of this kind ship Node 20;
# elsewhere Debian's own Node is the fallback.
command -v npm >/dev/null || apt_install nodejs npm
