# codex-memory-faiss checks its files against real FAISS, both ways (Debian's build + OpenBLAS).
/usr/bin/python3 -c 'import faiss' 2>/dev/null || apt_install python3-faiss libopenblas0-openmp
# With FAISS installed, the interop tests must run, not skip.
export CODEX_REQUIRE_PYTHON_FAISS=1
