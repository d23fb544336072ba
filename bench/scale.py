"""Cost at archive scale: index time, memory, size and query latency as the corpus grows.

    python bench/scale.py                           # 5k, 10k, 20k, 50k (~45 min)
    python bench/scale.py --sizes 2000 --no-update  # a quick look
    python bench/scale.py --sizes 50000,100000,179252 --peers fts5 --http 60 --no-update --work /tmp/growth

Past 50,000 the articles come from news-extra-129k after news-50k's
(179,252 in all). ``--http`` also serves each size with gunicorn (2 sync
workers, as ``search-app serve`` runs) under wrk for that many seconds and
reports requests/s, latency and each worker's private memory. ``--reuse``
measures an index an earlier run left in ``--work`` instead of building it
again (the build columns are then blank), for query changes that keep the
index as it is.

For each size (the first N articles of news-50k) it runs a full ``reindex`` of
our engine in a child process (wall time, peak memory of the whole process
tree), then a sample of the known-item title fragments whose article is
among the N (accented and folded), in process and warm, through
``SearchEngine.search`` exactly as the API calls it (snippets and facets
included). The plain Whoosh and SQLite FTS5 set-ups of
``bench/relevance.py`` are built and queried beside it on the same articles.

At the largest size it also measures updates: an unchanged re-run; then 500
articles changed, 100 added and 100 removed; then compares that index with a
full rebuild of the same source, document by document.
"""

import argparse
import gzip
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import Fts5Engine, OurEngine, PlainWhooshEngine  # noqa: E402
from relevance import evaluate, percentile, read_jsonl  # noqa: E402
from soak import load_test  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ("news-50k.jsonl.gz", "news-extra-129k.jsonl.gz")  # read in turn
PEERS = {"whoosh": PlainWhooshEngine, "fts5": Fts5Engine}


def corpus_lines(corpora):
    for corpus in corpora:
        with gzip.open(corpus, "rt", encoding="utf-8") as lines:
            yield from lines


def write_subset(corpora, count, path):
    """The first ``count`` articles of ``corpora`` (in turn) as a .jsonl file; returns (ids, raw bytes)."""
    ids, raw = set(), 0
    with open(path, "w", encoding="utf-8") as out:
        for line in itertools.islice(corpus_lines(corpora), count):
            article = json.loads(line)
            ids.add(article["id"])
            raw += len(article["title"].encode()) + len(article["body"].encode())
            out.write(line)
    return ids, raw


def tree_rss(pid):
    """Resident memory (bytes) of ``pid`` and all its descendants."""
    children = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append((int(entry.name), int(fields[21])))
            except (OSError, IndexError):
                continue
    total, todo = 0, [pid]
    try:
        with open(f"/proc/{pid}/stat") as f:
            total += int(f.read().rsplit(")", 1)[1].split()[21])
    except OSError:
        return 0
    while todo:
        for child, rss in children.get(todo.pop(), []):
            total += rss
            todo.append(child)
    return total * os.sysconf("SC_PAGE_SIZE")


def run_reindex(source, index, *flags):
    """Run the CLI's reindex; returns (seconds, peak tree RSS in bytes, output)."""
    command = [sys.executable, "-m", "search_app", "reindex", str(source), "--index", str(index), *flags]
    env = dict(os.environ, TQDM_DISABLE="1")
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.wait(0.2):
            peak = max(peak, tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0]
    done.set()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"reindex failed ({process.returncode}):\n{output}")
    return seconds, peak, output.strip().splitlines()[-1]


def mb(n):
    return n / 1024 / 1024


def measure(size, corpora, known, work, args):
    """One row of the growth table for our engine and each peer, and the HTTP row."""
    source = work / f"news-{size}.jsonl"
    ids, raw = write_subset(corpora, size, source)
    if len(ids) < size:
        sys.exit(f"the corpora hold {len(ids):,} articles, fewer than {size:,}")
    queries = [q for q in known if q["relevant"][0] in ids]
    queries = random.Random(7).sample(queries, min(args.queries, len(queries)))
    ours = OurEngine(work / f"ours-{size}")
    if args.reuse and ours.path.exists():
        seconds = peak = None
    else:
        seconds, peak, _ = run_reindex(source, ours.path, "--full")
    ours.open()
    rows = [("ours", seconds, peak, ours.size(), evaluate(ours, queries))]
    for name in args.peers.split(",") if args.peers else []:
        peer = PEERS[name](work / f"peers-{size}")
        started = time.perf_counter()
        peer.build(read_jsonl(source))
        rows.append((peer.name, time.perf_counter() - started, None, peer.size(), evaluate(peer, queries)))
    for name, seconds, peak, disk, result in rows:
        print(
            f"| {size:,} | {name} | "
            + (f"{seconds:.0f} | {size / seconds:.0f} | " if seconds else "– | – | ")
            + (f"{mb(peak):.0f}" if peak else "–")
            + f" | {mb(disk):.0f} | {disk / raw:.2f} | {len(queries)} | {result['mrr']:.3f} "
            f"| {statistics.median(result['times']):.1f} | {percentile(result['times'], 95):.1f} |",
            flush=True,
        )
    http = None
    if args.http:
        http = load_test(ours.path, args.shared, args.http, workers=2, threads=1, connections=8)
    return source, ours, http


def print_http(rows, seconds):
    print(
        f"\nHTTP: gunicorn 2 sync workers, wrk 8 connections for {seconds} s rotating the known-item queries\n"
    )
    print("| articles | req/s | errors | p50 ms | p95 ms | p99 ms | worker private MB | worker RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for size, run in rows:
        result = run["wrk"]
        print(
            f"| {size:,} | {result['requests'] / result['seconds']:.0f} | {result['errors']} "
            f"| {result['p50']:.1f} | {result['p95']:.1f} | {result['p99']:.1f} "
            f"| {' / '.join(f'{v:.0f}' for _, _, v in run['memory'])} "
            f"| {' / '.join(f'{r:.0f}' for r, _, _ in run['memory'])} |",
            flush=True,
        )


def change_source(source, changed=500, added=100, removed=100):
    """Edit ``source`` in place: ``removed`` articles dropped, ``changed`` edited, ``added`` new.

    In place, as an archive grows: the index records each article's file.
    """
    path = source.with_suffix(".tmp")
    with open(source, encoding="utf-8") as lines, open(path, "w", encoding="utf-8") as out:
        for n, line in enumerate(lines):
            article = json.loads(line)
            if n < removed:
                continue
            if n < removed + changed:
                article["body"] += "\nBài viết đã được cập nhật."
            elif n < removed + changed + added:
                copy = dict(article, id=f"new-{article['id']}", title="Tin mới: " + article["title"])
                out.write(json.dumps(copy, ensure_ascii=False) + "\n")
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    os.replace(path, source)


def stored_documents(index):
    from search_app.store import IndexStore

    ix = IndexStore(index).current().open_whoosh()
    with ix.searcher() as searcher:
        return {fields["id"]: fields for fields in searcher.all_stored_fields()}


def updates(source, ours, work, compare=True):
    print("\n| update | seconds | result |\n|---|---|---|")
    seconds, _, summary = run_reindex(source, ours.path)
    print(f"| unchanged re-run | {seconds:.1f} | {summary} |", flush=True)
    change_source(source)
    seconds, _, summary = run_reindex(source, ours.path)
    print(f"| 500 changed, 100 added, 100 removed | {seconds:.1f} | {summary} |", flush=True)
    if not compare:
        return
    rebuilt = work / "ours-rebuilt"
    seconds, _, summary = run_reindex(source, rebuilt, "--full")
    print(f"| full rebuild of the edited source | {seconds:.1f} | {summary} |", flush=True)
    updated, full = stored_documents(ours.path), stored_documents(rebuilt)
    differ = [doc_id for doc_id in full if updated.get(doc_id) != full[doc_id]]
    print(
        f"\nupdated index vs full rebuild: {len(updated)} vs {len(full)} documents, "
        f"{len(differ) + len(set(updated) - set(full))} differ in stored fields"
    )
    keys, differ, lengths = compare_postings(ours.path, rebuilt)
    print(
        f"postings of {keys:,} keys (every key, or a seeded sample): {differ} differ by document id, "
        f"frequency or positions; field lengths of {lengths} documents differ"
    )


def compare_postings(updated, rebuilt, sample=20_000):
    """``(keys compared, keys that differ, documents whose field lengths differ)`` of two indexes, by id."""
    from search_app.schema import TEXT_FIELDS
    from search_app.store import IndexStore
    from search_app.store.arrays import Arrays

    sides = []
    for index in (updated, rebuilt):
        generation = IndexStore(index).current()
        arrays = Arrays(generation.arrays, TEXT_FIELDS)
        with generation.open_whoosh().reader() as reader:
            ids = list(reader.column_reader("id"))
        sides.append((arrays, ids))
    (mine, my_ids), (theirs, their_ids) = sides
    keys = theirs.table.everything()[0]
    if keys != mine.table.everything()[0]:
        return len(keys), "the key lists", None
    chosen = random.Random(7).sample(keys, min(sample, len(keys)))

    def by_id(arrays, ids, key):
        docs, tf, positions = arrays.table.positions(*key.split("\t"))
        ends = np.cumsum(tf)
        each = [tuple(positions[e - f : e]) for f, e in zip(tf, ends)] if positions.size else [()] * len(docs)
        return sorted((ids[d], int(f), p) for d, f, p in zip(docs, tf, each))

    differ = sum(by_id(mine, my_ids, key) != by_id(theirs, their_ids, key) for key in chosen)
    here = {my_ids[n]: n for n in np.flatnonzero(mine.live)}
    there = {their_ids[n]: n for n in np.flatnonzero(theirs.live)}
    lengths = sum(
        any(mine.lengths[f][here[i]] != theirs.lengths[f][there[i]] for f in TEXT_FIELDS) for i in there
    )
    return len(chosen), differ, lengths


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--work", type=Path, default=None, help="scratch directory (default: a temporary one)"
    )
    parser.add_argument("--sizes", default="5000,10000,20000,50000")
    parser.add_argument("--no-update", action="store_true", help="skip the update measurements")
    parser.add_argument(
        "--queries", type=int, default=300, help="known-item queries per size (a seeded sample)"
    )
    parser.add_argument(
        "--updates-only",
        action="store_true",
        help="only the update measurements, on the index of the largest size an earlier run left in --work "
        "(its source is first written afresh from the corpus)",
    )
    parser.add_argument(
        "--peers", default="whoosh,fts5", help="peers built beside ours: whoosh, fts5 or none"
    )
    parser.add_argument("--http", type=int, default=0, help="seconds of wrk load per size (0: none)")
    parser.add_argument(
        "--reuse", action="store_true", help="measure our index left in --work, not a new build"
    )
    parser.add_argument(
        "--no-compare", action="store_true", help="skip the full rebuild that an update is compared with"
    )
    args = parser.parse_args(argv)
    if args.peers == "none":
        args.peers = ""
    corpora = [args.shared / "corpus" / name for name in CORPORA]
    if not corpora[0].exists():
        sys.exit(f"no news-50k corpus under {args.shared}: pass --shared")
    known = list(read_jsonl(args.shared / "eval" / "news-50k-known-item.jsonl"))
    work = args.work or Path(tempfile.mkdtemp(prefix="search-app-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores; scratch {work}\n")
    if args.updates_only:
        size = max(map(int, args.sizes.split(",")))
        source, ours = work / f"news-{size}.jsonl", OurEngine(work / f"ours-{size}")
        # An earlier run edited the source: start again from the corpus's
        # first articles, and bring the index up to date with them.
        write_subset(corpora, size, source)
        run_reindex(source, ours.path)
        updates(source, ours, work, compare=not args.no_compare)
        return
    print(
        "| articles | engine | index s | articles/s | peak MB | disk MB | disk / raw text "
        "| queries | MRR@10 | query p50 ms | query p95 ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    http = []
    for size in map(int, args.sizes.split(",")):
        source, ours, run = measure(size, corpora, known, work, args)
        if run:
            http.append((size, run))
    if http:
        print_http(http, args.http)
    if not args.no_update:
        updates(source, ours, work, compare=not args.no_compare)


if __name__ == "__main__":
    main()
