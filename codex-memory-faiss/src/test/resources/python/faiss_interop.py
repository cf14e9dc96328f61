"""Builds and searches FAISS indexes for the Java interop tests (Debian python3-faiss).

  faiss_interop.py version
  faiss_interop.py build KIND BASE.fvecs OUT_INDEX QUERIES.fvecs K EF_OR_NPROBE OUT.json
  faiss_interop.py search INDEX QUERIES.fvecs K EF_OR_NPROBE OUT.json
"""
import json
import sys

import faiss
import numpy as np


def fvecs(path):
    raw = np.fromfile(path, dtype='int32')
    d = raw[0]
    return raw.reshape(-1, d + 1)[:, 1:].copy().view('float32')


def build(kind, base):
    n, d = base.shape
    ids = (np.arange(n, dtype='int64') * 7919 + (1 << 40))
    if kind == 'flat_l2':
        index = faiss.IndexFlatL2(d)
    elif kind == 'flat_ip':
        index = faiss.IndexFlatIP(d)
    elif kind == 'hnsw_l2':
        index = faiss.IndexHNSWFlat(d, 16)
    elif kind == 'hnsw_ip':
        index = faiss.IndexHNSWFlat(d, 16, faiss.METRIC_INNER_PRODUCT)
    elif kind == 'idmap2_hnsw_l2':
        index = faiss.IndexIDMap2(faiss.IndexHNSWFlat(d, 16))
        index.add_with_ids(base, ids)
        return index
    elif kind == 'idmap_flat_ip':
        index = faiss.IndexIDMap(faiss.IndexFlatIP(d))
        index.add_with_ids(base, ids)
        return index
    elif kind == 'ivf_flat_l2':
        index = faiss.IndexIVFFlat(faiss.IndexFlatL2(d), d, 20)
        index.cp.seed = 1234
        index.train(base)
        index.nprobe = 5
    else:
        raise SystemExit('unknown kind ' + kind)
    index.add(base)
    return index


def search(path, queries, k, param):
    index = faiss.read_index(path)
    inner = index
    if isinstance(index, (faiss.IndexIDMap, faiss.IndexIDMap2)):
        inner = faiss.downcast_index(index.index)
    if isinstance(inner, faiss.IndexHNSW):
        inner.hnsw.efSearch = param
    if isinstance(inner, faiss.IndexIVF):
        inner.nprobe = param
    distances, labels = index.search(queries, k)
    return {'ntotal': int(index.ntotal), 'd': int(index.d),
            'ids': labels.tolist(), 'distances': distances.tolist()}


def main():
    cmd = sys.argv[1]
    if cmd == 'version':
        print(faiss.__version__)
    elif cmd == 'build':
        faiss.omp_set_num_threads(1)
        faiss.write_index(build(sys.argv[2], fvecs(sys.argv[3])), sys.argv[4])
        out = search(sys.argv[4], fvecs(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]))
        with open(sys.argv[8], 'w') as f:
            json.dump(out, f)
    elif cmd == 'search':
        out = search(sys.argv[2], fvecs(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
        with open(sys.argv[6], 'w') as f:
            json.dump(out, f)
    else:
        raise SystemExit('unknown command ' + cmd)


if __name__ == '__main__':
    main()
