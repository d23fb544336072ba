"""Soak: gunicorn with worker processes and threads under wrk, while updates are published.

    python bench/soak.py --source /tmp/soak/source.jsonl --index /tmp/soak/index --minutes 10

Serves ``--index`` (built from ``--source``, a .jsonl file this script may
rewrite) with gunicorn (``--workers`` processes of ``--threads`` threads), and
loads it with wrk (Debian's package) rotating through the known-item queries
from ../shared. Meanwhile a loop changes ``--changes`` random articles of the
source and reindexes it, again and again, so new generations are published
under load. At the end it prints one table: requests, errors (non-2xx answers
and socket errors), latency percentiles, generations published, and the time
each update took, and each worker's memory at the end. wrk's own latency
covers the whole HTTP answer. With ``--changes 0`` there are no updates:
the load alone.
"""

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# wrk script: rotate through the queries, count answers by status, report percentiles as JSON.
LUA = """
local queries = {}
for line in io.lines(os.getenv("SOAK_QUERIES")) do queries[#queries + 1] = line end
local n = 0
local statuses = {}
request = function()
  n = n + 1
  return wrk.format("GET", "/api/search?q=" .. queries[(n % #queries) + 1])
end
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  local out = string.format(
    '{"requests": %d, "seconds": %f, "connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d,'
    .. ' "p50": %f, "p95": %f, "p99": %f, "max": %f}',
    summary.requests, summary.duration / 1e6, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000)
  io.stderr:write("SOAK " .. out .. "\\n")
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def quoted_queries(shared, path):
    """The known-item fragments, URL-encoded, one a line."""
    from urllib.parse import quote

    with open(shared / "eval" / "news-50k-known-item.jsonl", encoding="utf-8") as lines:
        queries = [quote(json.loads(line)["query"]) for line in lines if line.strip()]
    path.write_text("\n".join(queries) + "\n", encoding="utf-8")
    return len(queries)


def wait_healthy(url, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            time.sleep(0.5)
    sys.exit(f"the server at {url} did not answer within {seconds} s")


def warm_completions(url, prefixes=("hoi ng", "nguyen", "thu tuong", "viet nam", "ha noi", "cong an") * 8):
    """Ask for completions 48 times, 8 at a time, so that every worker builds them, as the search box makes it.

    Each worker builds its completions on the first ``/api/suggest`` it
    answers; wrk asks only for searches, and a worker's memory without
    them would be less than a server's.
    """
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import quote

    def ask(prefix):
        with urllib.request.urlopen(f"{url}/api/suggest?q={quote(prefix)}", timeout=60) as response:
            return response.status

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(ask, prefixes))
    if set(statuses) != {200}:
        sys.exit(f"/api/suggest answered {statuses}")


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


def update_loop(source, index, changes, stop, log):
    """Change ``changes`` random articles of ``source`` and reindex, until ``stop`` is set."""
    rng = random.Random(7)
    # split("\n"), not splitlines(): JSON strings may hold U+2028 and the like.
    lines = [line for line in source.read_text(encoding="utf-8").split("\n") if line.strip()]
    round_ = 0
    while not stop.is_set():
        round_ += 1
        for i in rng.sample(range(len(lines)), changes):
            article = json.loads(lines[i])
            article["body"] = article.get("body", "") + f"\nCập nhật lần {round_}."
            lines[i] = json.dumps(article, ensure_ascii=False)
        tmp = source.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(tmp, source)
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "search_app", "reindex", str(source), "--index", str(index)],
            capture_output=True,
            text=True,
        )
        log.append((time.monotonic() - started, result.returncode, result.stderr.strip().splitlines()[-1:]))


def load_test(index, shared, seconds, workers=2, threads=4, connections=8, source=None, changes=0):
    """Serve ``index`` with gunicorn and load it with wrk for ``seconds``; updates ``source`` meanwhile.

    Returns a dict: ``wrk`` (requests, errors, latency percentiles in ms),
    ``memory`` (each worker's ``(rss, pss, private)`` MB at the end),
    ``first`` and ``last`` (``/healthz`` at the start and the end),
    ``updates`` (``(seconds, exit code, last stderr line)`` each), ``queries``.
    """
    work = Path(tempfile.mkdtemp(prefix="soak-"))
    queries = quoted_queries(shared, work / "queries.txt")
    (work / "rotate.lua").write_text(LUA, encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, SEARCH_APP_INDEX=str(index), SOAK_QUERIES=str(work / "queries.txt"))
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(workers), "--threads", str(threads),
         "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(work / "gunicorn.log", "w"),
        start_new_session=True,
    )  # fmt: skip
    try:
        first = wait_healthy(url)
        warm_completions(url)
        stop, updates, updater = threading.Event(), [], None
        if changes:
            updater = threading.Thread(target=update_loop, args=(source, index, changes, stop, updates))
            updater.start()
        wrk = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--timeout", "10s",
             "-s", str(work / "rotate.lua"), url],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        stop.set()
        if updater:
            updater.join()
        last = wait_healthy(url)
        memory = [memory_mb(pid) for pid in children(server.pid)]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    line = next((x for x in wrk.stderr.splitlines() if x.startswith("SOAK ")), None)
    if line is None:
        sys.exit(f"wrk gave no summary:\n{wrk.stdout}\n{wrk.stderr}")
    result = json.loads(line[5:])
    result["errors"] = sum(result[k] for k in ("connect", "read", "write", "timeout", "status"))
    return {
        "wrk": result,
        "memory": memory,
        "first": first,
        "last": last,
        "updates": updates,
        "queries": queries,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, required=True, help="the .jsonl the index was built from")
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--changes", type=int, default=300, help="articles changed per update (0: no updates, the load alone)"
    )
    args = parser.parse_args(argv)

    run = load_test(
        args.index, args.shared, args.minutes * 60, args.workers, args.threads, args.connections,
        args.source, args.changes,
    )  # fmt: skip
    result, memory, first, last, updates, queries = (
        run[k] for k in ("wrk", "memory", "first", "last", "updates", "queries")
    )
    errors = result["errors"]
    # Exit 3 is a generation published with some source lines skipped.
    published = sum(1 for _, code, _ in updates if code in (0, 3))
    failed = [(code, tail) for _, code, tail in updates if code not in (0, 3)]
    print(
        f"gunicorn {args.workers} workers × {args.threads} threads, wrk {args.connections} connections "
        f"rotating {queries} known-item queries, {args.minutes:g} min; {first['documents']:,} documents; "
        f"updates of {args.changes} articles"
    )
    print(
        "worker memory, MB (rss / pss / private): "
        + "; ".join(f"{r:.0f} / {p:.0f} / {v:.0f}" for r, p, v in memory)
    )
    print()
    print(
        "| requests | req/s | errors | p50 ms | p95 ms | p99 ms | max ms | generations published | update s (median) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {result['requests']:,} | {result['requests'] / result['seconds']:.1f} | {errors} "
        f"| {result['p50']:.1f} | {result['p95']:.1f} | {result['p99']:.1f} | {result['max']:.0f} "
        f"| {published} | {statistics.median(s for s, _, _ in updates) if updates else 0:.1f} |"
    )
    print()
    print(f"errors by kind: { {k: result[k] for k in ('connect', 'read', 'write', 'timeout', 'status')} }")
    print(f"generation at the start {first['version']}, at the end {last['version']} ({last['status']})")
    if failed:
        print(f"failed updates: {failed}")


if __name__ == "__main__":
    main()
