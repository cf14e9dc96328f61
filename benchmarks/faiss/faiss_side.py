"""Measures FAISS (python) on the benchmark data written by FaissBenchmark gen; prints JSON."""
import json
import sys
import time

import faiss
import numpy as np

QUERIES = 1000
EF_SEARCH = [10, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512]


def fvecs(path):
    raw = np.fromfile(path, dtype='int32')
    d = raw[0]
    return raw.reshape(-1, d + 1)[:, 1:].copy().view('float32')


def flat(data_dir, n, d):
    base = fvecs(f'{data_dir}/base_{n}x{d}.fvecs')
    queries = fvecs(f'{data_dir}/query_{QUERIES}x{d}.fvecs')
    index = faiss.IndexFlatIP(d)
    index.add(base)
    del base
    faiss.omp_set_num_threads(1)
    for i in range(30):
        index.search(queries[i % QUERIES:i % QUERIES + 1], 10)
    ms = []
    for i in range(100):
        t = time.perf_counter()
        index.search(queries[i:i + 1], 10)
        ms.append((time.perf_counter() - t) * 1e3)
    ms.sort()
    t = time.perf_counter()
    index.search(queries[:200], 10)
    batch_qps = 200 / (time.perf_counter() - t)
    faiss.omp_set_num_threads(2)
    p50 = ms[len(ms) // 2]
    return {'n': n, 'd': d, 'single_ms_p50': p50, 'single_ms_p99': ms[len(ms) * 99 // 100],
            'gbps': n * d * 4 / (p50 / 1e3) / 1e9, 'batch_qps': batch_qps}


def hnsw(data_dir, n, d, m, ef_construction):
    base = fvecs(f'{data_dir}/hbase_{n}x{d}.fvecs')
    queries = fvecs(f'{data_dir}/hquery_{QUERIES}x{d}.fvecs')
    exact = faiss.IndexFlatIP(d)
    exact.add(base)
    _, truth = exact.search(queries, 10)
    index = faiss.IndexHNSWFlat(d, m, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = ef_construction
    faiss.omp_set_num_threads(2)
    t = time.perf_counter()
    index.add(base)
    build_s = time.perf_counter() - t
    faiss.omp_set_num_threads(1)
    sweep = []
    for ef in EF_SEARCH:
        index.hnsw.efSearch = ef
        for i in range(200):
            index.search(queries[i:i + 1], 10)
        t = time.perf_counter()
        labels = [index.search(queries[i:i + 1], 10)[1][0] for i in range(QUERIES)]
        qps = QUERIES / (time.perf_counter() - t)
        hits = sum(len(set(labels[i]) & set(truth[i])) for i in range(QUERIES))
        sweep.append({'ef': ef, 'recall': hits / (10.0 * QUERIES), 'qps': qps})
    t = time.perf_counter()
    loaded = faiss.read_index(f'{data_dir}/java_hnsw.faissindex')
    load_s = time.perf_counter() - t
    return {'n': n, 'd': d, 'm': m, 'ef_construction': ef_construction, 'build_s': build_s,
            'load_java_file_s': load_s, 'loaded': loaded.ntotal, 'sweep': sweep}


def bandwidth():
    """Best single-thread read rate of a 1 GiB array: the fastest of sum, dot and max.

    numpy's pairwise sum is partly compute-bound (about 16 GB/s where max reads at 28), so taking
    only sum would understate the ceiling the scans are compared with.
    """
    a = np.ones(1 << 28, dtype='float32')  # 1 GiB
    best = 0
    for reduce in (lambda: a.sum(), lambda: np.dot(a, a), lambda: a.max()):
        for _ in range(5):
            t = time.perf_counter()
            reduce()
            best = max(best, a.nbytes / (time.perf_counter() - t) / 1e9)
    return best


def main():
    data_dir, hnsw_n = sys.argv[1], int(sys.argv[2])
    faiss.omp_set_num_threads(1)
    out = {'side': 'faiss', 'version': faiss.__version__, 'bandwidth_gbps': bandwidth(),
           'flat': [flat(data_dir, 1_000_000, 128), flat(data_dir, 100_000, 384)],
           'hnsw': hnsw(data_dir, hnsw_n, 128, 32, 40)}
    print(json.dumps(out))


if __name__ == '__main__':
    main()
