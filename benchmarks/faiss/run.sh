#!/usr/bin/env bash
# Runs this module's index and FAISS (Debian python3-faiss + OpenBLAS) on the same generated data,
# in the same run, and prints a table of ratios.
#   benchmarks/faiss/run.sh [work-dir]      (HNSW size: BENCH_HNSW_N, default 200000)
# Needs: apt-get install -y python3-faiss libopenblas0-openmp; about 6 GB of RAM and 2 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-target/faiss-bench}
hnsw_n=${BENCH_HNSW_N:-200000}
mkdir -p "$work"
./mvnw -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
cp="benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"
# Transparent huge pages (madvise mode is enough): a 512 MB scan otherwise spends a third of its time
# on TLB misses (41.8 -> 29.1 ms per 1M x 128 query on the 2-core machine).
java_opts=(-Xmx6g -Xms6g -XX:+UseParallelGC -XX:+UseTransparentHugePages "-Dbench.hnsw.n=$hnsw_n" -cp "$cp")
main=dev.codexcontinue.benchmarks.faiss.FaissBenchmark
if [ ! -f "$work/hbase_${hnsw_n}x128.fvecs" ]; then
  java "${java_opts[@]}" "$main" gen "$work"
fi
java --add-modules jdk.incubator.vector "${java_opts[@]}" "$main" run "$work" "$work/java-vector.json" 2>/dev/null
java "${java_opts[@]}" "$main" run "$work" "$work/java-plain.json"
# OPENBLAS_CORETYPE/L2_SIZE slow a current OpenBLAS down; unset them for FAISS's batch sgemm.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 benchmarks/faiss/faiss_side.py "$work" "$hnsw_n" > "$work/faiss.json"
/usr/bin/python3 benchmarks/faiss/table.py "$work/java-vector.json" "$work/java-plain.json" "$work/faiss.json"
