"""A bounded load test over HTTP: gunicorn behind wsgi.py on loopback.

    python bench/http_load.py --index /tmp/scale50/ours-50000/ours

Starts ``gunicorn wsgi:app`` with one worker per core on the given index,
times the first answer after start-up, then runs N concurrent clients for a
fixed time over the query mix (news known-item fragments and Zalo questions,
accented and not), each request ``/api/search?q=`` as a browser's script
would send it. Prints requests/s, latency percentiles, errors and each
worker's memory at the end: resident (RSS, which counts the index file pages
the worker has touched although the page cache holds them once for all
workers), proportional (PSS, shared pages divided among the processes that
map them) and private (pages no other process shares).
"""

import argparse
import http.client
import itertools
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from relevance import percentile, read_jsonl  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def query_mix(shared, seed=7):
    queries = []
    for name in ("news-50k-known-item", "zalo-dev", "zalo-dev-noaccent"):
        queries += [q["query"] for q in read_jsonl(shared / "eval" / f"{name}.jsonl")]
    random.Random(seed).shuffle(queries)
    return queries


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def memory_mb(pid):
    """``(rss, pss, private)`` of a process, in MB."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return fields["Rss"], fields["Pss"], fields["Private_Clean"] + fields["Private_Dirty"]


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    queries = query_mix(args.shared)
    env = dict(os.environ, SEARCH_APP_INDEX=str(args.index))
    started = time.perf_counter()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{args.port}",
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        first = None
        probe = "/api/search?q=" + urllib.parse.quote(queries[0])
        while time.perf_counter() - started < 60:
            try:
                if get(args.port, probe) == 200:
                    first = time.perf_counter() - started
                    break
            except OSError:
                time.sleep(0.05)
        if first is None:
            sys.exit("the server did not answer within 60 s")
        latencies, errors = [], []
        lock = threading.Lock()
        stop = time.perf_counter() + args.seconds
        counter = itertools.count()

        def client():
            while time.perf_counter() < stop:
                query = queries[next(counter) % len(queries)]
                path = "/api/search?q=" + urllib.parse.quote(query)
                began = time.perf_counter()
                try:
                    status = get(args.port, path)
                except OSError as exc:
                    status = repr(exc)
                took = (time.perf_counter() - began) * 1000
                with lock:
                    (latencies if status == 200 else errors).append(took if status == 200 else status)

        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        load_started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - load_started
        memory = [memory_mb(pid) for pid in children(server.pid)]
    finally:
        server.terminate()
        server.wait()
    print(
        f"gunicorn, {args.workers} workers, {args.clients} clients, {args.seconds:.0f} s, index {args.index}\n"
    )
    print(
        "| requests | errors | requests/s | p50 ms | p95 ms | p99 ms | first answer s "
        "| worker RSS MB | worker PSS MB | worker private MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {len(latencies)} | {len(errors)} | {len(latencies) / elapsed:.1f} "
        f"| {statistics.median(latencies):.1f} | {percentile(latencies, 95):.1f} "
        f"| {percentile(latencies, 99):.1f} | {first:.2f} "
        + "".join(f"| {', '.join(f'{m[i]:.0f}' for m in memory)} " for i in range(3))
        + "|"
    )
    if errors:
        print("first errors:", errors[:5])


if __name__ == "__main__":
    main()
