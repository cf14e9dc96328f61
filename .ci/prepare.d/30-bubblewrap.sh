# codex-plugins: the shell tool's sandbox tests run inside bubblewrap.
command -v bwrap >/dev/null || apt_install bubblewrap
# Where bubblewrap works (root, or unprivileged user namespaces), the sandbox tests must run.
if command -v bwrap >/dev/null \
  && bwrap --die-with-parent --new-session --unshare-all --ro-bind / / --dev /dev --proc /proc true 2>/dev/null; then
  export CODEX_REQUIRE_BWRAP=1
fi
