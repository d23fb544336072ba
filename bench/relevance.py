"""Ranking quality side by side: our engine against FTS5, tantivy and plain Whoosh.

    python bench/relevance.py                      # everything (builds news-50k: ~15 min)
    python bench/relevance.py --sets zalo          # the Zalo questions only (~2 min)
    python bench/relevance.py --reuse              # keep indexes built by an earlier run

Prints one table: MRR@10, recall@10 and median latency per query set and engine,
on the same documents in the same run. Each query set is split by a hash of
its question id: "tune" (4/5) is what ranking changes may be tried on,
"check" (1/5) confirms them; both are printed. A question and its unaccented
twin share an id, so they fall on the same side.

Query sets (from ../shared): zalo-dev and zalo-dev-noaccent over the Zalo
Wikipedia passages; the news known-item fragments over news-50k, split into
their accented and folded halves.
"""

import argparse
import gzip
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import PEERS, OurEngine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
K = 10


def read_jsonl(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def split_of(qid):
    """ "check" for one question in five (by a hash of its id), else "tune"."""
    base = qid.split("#")[0]
    return "check" if hashlib.sha1(base.encode()).digest()[0] % 5 == 0 else "tune"


def query_sets(shared, names):
    """``{set name: (corpus path, [query dicts])}`` for the sets asked for."""
    sets = {}
    if "zalo" in names:
        corpus = shared / "corpus" / "zalo-wiki-passages.jsonl.gz"
        sets["zalo-dev"] = (corpus, list(read_jsonl(shared / "eval" / "zalo-dev.jsonl")))
        sets["zalo-dev-noaccent"] = (corpus, list(read_jsonl(shared / "eval" / "zalo-dev-noaccent.jsonl")))
    if "news" in names:
        corpus = shared / "corpus" / "news-50k.jsonl.gz"
        known = list(read_jsonl(shared / "eval" / "news-50k-known-item.jsonl"))
        sets["known-item"] = (corpus, [q for q in known if "#a" not in q["qid"]])
        sets["known-item-folded"] = (corpus, [q for q in known if "#a" in q["qid"]])
    return sets


def reciprocal_rank(found, relevant):
    """1 / the rank of the first relevant id in ``found``, or 0."""
    return next((1 / rank for rank, doc in enumerate(found, 1) if doc in relevant), 0.0)


def evaluate(engine, queries, warmup=20):
    """MRR@10, recall@10 and latencies (ms) of ``engine`` on ``queries``."""
    for q in queries[:warmup]:
        engine.search(q["query"], K)
    ranks, recalls, times = [], [], []
    for q in queries:
        started = time.perf_counter()
        found = engine.search(q["query"], K)
        times.append((time.perf_counter() - started) * 1000)
        relevant = set(q["relevant"])
        ranks.append(reciprocal_rank(found, relevant))
        recalls.append(len(relevant.intersection(found)) / len(relevant))
    return {
        "mrr": statistics.fmean(ranks),
        "per_query": ranks,
        "recall": statistics.fmean(recalls),
        "times": times,
    }


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def build_engines(corpus, workdir, reuse, engines):
    built = []
    for make in engines:
        engine = make(workdir)
        marker = workdir / f".built-{engine.name.replace(' ', '-')}"
        started = time.perf_counter()
        if reuse and marker.exists() and hasattr(engine, "open"):
            engine.open()
            note = "reused"
        else:
            workdir.mkdir(parents=True, exist_ok=True)
            if isinstance(engine, OurEngine):
                engine.build(corpus)
            else:
                engine.build(read_jsonl(corpus))
            marker.touch()
            note = f"built in {time.perf_counter() - started:.0f} s"
        print(f"  {engine.name}: {note}", file=sys.stderr)
        built.append(engine)
    return built


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path("/tmp/search-app-bench"))
    parser.add_argument("--sets", default="zalo,news", help="comma-separated: zalo, news")
    parser.add_argument("--reuse", action="store_true", help="reuse indexes an earlier run built")
    parser.add_argument("--engines", default="ours,fts5,tantivy,whoosh")
    args = parser.parse_args(argv)
    if not (args.shared / "eval").is_dir():
        sys.exit(f"no shared data at {args.shared}: pass --shared")
    wanted = args.engines.split(",")
    names = {"fts5": "SQLite FTS5", "tantivy": "tantivy", "whoosh": "plain Whoosh"}
    engines = [OurEngine] * ("ours" in wanted) + [
        peer for peer in PEERS if any(names.get(w) == peer.name for w in wanted)
    ]
    rows = []
    engines_by_corpus = {}
    for set_name, (corpus, queries) in query_sets(args.shared, args.sets.split(",")).items():
        if corpus not in engines_by_corpus:
            print(f"indexing {corpus.name}", file=sys.stderr)
            workdir = args.work / corpus.name.split(".")[0]
            engines_by_corpus[corpus] = build_engines(corpus, workdir, args.reuse, engines)
        for engine in engines_by_corpus[corpus]:
            result = evaluate(engine, queries)
            by_split = {split: evaluate_subset(result, queries, split) for split in ("tune", "check")}
            rows.append((set_name, engine.name, len(queries), result, by_split))
    print_table(rows)


def evaluate_subset(result, queries, split):
    # Recompute MRR over one split from the per-query numbers kept in order.
    return statistics.fmean(rr for rr, q in zip(result["per_query"], queries) if split_of(q["qid"]) == split)


def print_table(rows):
    print(
        "| query set | engine | queries | MRR@10 | MRR@10 tune | MRR@10 check | recall@10 | median ms | p95 ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for set_name, engine, count, result, by_split in rows:
        print(
            f"| {set_name} | {engine} | {count} | {result['mrr']:.3f} | {by_split['tune']:.3f} "
            f"| {by_split['check']:.3f} | {result['recall']:.3f} "
            f"| {statistics.median(result['times']):.1f} | {percentile(result['times'], 95):.1f} |"
        )


if __name__ == "__main__":
    main()
