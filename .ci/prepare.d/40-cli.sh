# codex-cli: the chat's pseudo-terminal test runs codexctl under util-linux `script` (bsdutils).
command -v script >/dev/null || apt_install bsdutils
# With `script` present, the pseudo-terminal test must run, not skip.
export CODEX_REQUIRE_SCRIPT=1
