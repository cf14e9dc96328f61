# codex-memory-redis and codex-memory-pgvector test against real servers on loopback; the tests
# start them on free ports themselves and stop them.
# Redis: Debian's redis-server (started with no persistence).
command -v redis-server >/dev/null || apt_install redis-server
if command -v redis-server >/dev/null; then
  export CODEX_REDIS_SERVER="$(command -v redis-server)"
  export CODEX_REQUIRE_REDIS=1
fi
# pgvector: Debian 12 has no pgvector package, so the tests serve PGlite's Postgres (WASM, with its
# pgvector build) over the Postgres wire protocol with pglite-socket. The three versions are pinned
# together: pglite-socket and pglite-pgvector each name the exact pglite they run with.
pglite_dir="${CODEX_PGLITE_DIR:-$HOME/.cache/codex-pglite}"
if command -v npm >/dev/null && command -v node >/dev/null; then
  if [ ! -x "$pglite_dir/node_modules/.bin/pglite-server" ] \
    || [ ! -d "$pglite_dir/node_modules/@electric-sql/pglite-pgvector" ]; then
    mkdir -p "$pglite_dir"
    npm install --prefix "$pglite_dir" --no-audit --no-fund \
      @electric-sql/pglite@0.5.14 @electric-sql/pglite-socket@0.2.17 \
      @electric-sql/pglite-pgvector@0.0.15
  fi
  export CODEX_PGLITE_SOCKET="$pglite_dir/node_modules/.bin/pglite-server"
  export CODEX_REQUIRE_PGLITE=1
fi
