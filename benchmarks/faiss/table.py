"""Prints the Java/FAISS ratio table from the three result files of run.sh."""
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def at_recall(sweep, target):
    ok = [p for p in sweep if p['recall'] >= target]
    return max(ok, key=lambda p: p['qps']) if ok else None


def main():
    vec, plain, fa = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3])
    bw = fa['bandwidth_gbps']
    print(f"FAISS {fa['version']} (python, Debian build); Java kernels: {vec['kernel']} / "
          f"{plain['kernel']}; measured single-thread read bandwidth {bw:.1f} GB/s")
    print()
    print('| measure | Java Vector API | Java plain | FAISS | VectorAPI/FAISS | plain/FAISS |')
    print('|---|---|---|---|---|---|')
    for v, p, f in zip(vec['flat'], plain['flat'], fa['flat']):
        name = f"flat {f['n']//1000}k x {f['d']}"
        print(f"| {name} single query p50 ms (higher ratio = faster) | {v['single_ms_p50']:.2f} | "
              f"{p['single_ms_p50']:.2f} | {f['single_ms_p50']:.2f} | "
              f"{f['single_ms_p50']/v['single_ms_p50']:.2f}x | "
              f"{f['single_ms_p50']/p['single_ms_p50']:.2f}x |")
        print(f"| {name} scan GB/s (% of numpy's {bw:.0f} GB/s, read in the FAISS process) | {v['gbps']:.1f} ({100*v['gbps']/bw:.0f}%) | "
              f"{p['gbps']:.1f} ({100*p['gbps']/bw:.0f}%) | {f['gbps']:.1f} ({100*f['gbps']/bw:.0f}%) | "
              f"| |")
        if v.get('scan_to_read_p50'):
            print(f"| {name} Vector API scan vs a pure read in the same JVM, alternating (median of 100) | "
                  f"{100*v['scan_to_read_p50']:.0f}% of {v['read_gbps_p50']:.1f} GB/s | | | | |")
        print(f"| {name} batch of 200, queries/s | {v['batch_qps']:.0f} | {p['batch_qps']:.0f} | "
              f"{f['batch_qps']:.0f} | {v['batch_qps']/f['batch_qps']:.2f}x | "
              f"{p['batch_qps']/f['batch_qps']:.2f}x |")
    hv, hp, hf = vec['hnsw'], plain['hnsw'], fa['hnsw']
    name = f"HNSW {hf['n']//1000}k x {hf['d']} M={hf['m']} efC={hf['ef_construction']}"
    print(f"| {name} build s, 2 threads (higher ratio = faster) | {hv['build_s']:.1f} | "
          f"{hp['build_s']:.1f} | {hf['build_s']:.1f} | {hf['build_s']/hv['build_s']:.2f}x | "
          f"{hf['build_s']/hp['build_s']:.2f}x |")
    for target in (0.90, 0.95, 0.99):
        v, p, f = at_recall(hv['sweep'], target), at_recall(hp['sweep'], target), at_recall(hf['sweep'], target)
        def cell(x):
            return f"{x['qps']:.0f} (ef {x['ef']}, r {x['recall']:.3f})" if x else 'not reached'
        def ratio(x):
            return f"{x['qps']/f['qps']:.2f}x" if x and f else '-'
        print(f"| HNSW queries/s at recall@10 >= {target:.2f}, 1 thread | {cell(v)} | {cell(p)} | "
              f"{cell(f)} | {ratio(v)} | {ratio(p)} |")
    print(f"| Java-written HNSW file: Java write / load s, FAISS load s | "
          f"{hv['write_s']:.2f} / {hv['load_s']:.2f} | | {hf['load_java_file_s']:.2f} | | |")


if __name__ == '__main__':
    main()
