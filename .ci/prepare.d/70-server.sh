# codex-server: real clients from npm (openai, tabby-agent, playwright-core), pinned by the
# committed package-lock.json, and Debian's Chromium for the playground test.
npm ci --no-audit --no-fund --prefix codex-server/src/test/node
[ -x /usr/bin/chromium ] || apt_install chromium
# With the clients installed, their tests must run, not skip.
export CODEX_REQUIRE_NODE_CLIENTS=1
