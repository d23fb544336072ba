"""Choose the second pass's weights by k-fold cross-validation, and say what they are worth.

    python bench/relevance.py --sets zalo,news --engines ours   # builds the indexes once
    python bench/rerank_cv.py [--work /tmp/search-app-bench] [--folds 5]

For every question of the dev sets, the engine's first pass gives its best
``rerank_depth`` documents; :func:`search_app.search.rerank.features` turns
each into (score relative to the best, coverage, adjacency), the same
numbers the engine uses. The weights of coverage and adjacency are searched
on a grid. Each fold's weights are chosen on the other folds (all four sets
pooled) and scored on it, so the held-out MRR@10 printed predicts what a new
set of questions will see; the weights chosen on all folds are the ones to
put in ``Weights``. A question and its unaccented twin share a fold.
"""

import argparse
import hashlib
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from relevance import K, query_sets  # noqa: E402

from search_app.search import SearchEngine  # noqa: E402
from search_app.search.engine import _filter_mask  # noqa: E402
from search_app.search.filters import Filters  # noqa: E402
from search_app.search.interpret import accent_guesses, interpret  # noqa: E402
from search_app.search.query import parse  # noqa: E402
from search_app.search.rerank import features, idf_of  # noqa: E402
from search_app.search.scoring import WEIGHTS, rank  # noqa: E402
from search_app.text import fold  # noqa: E402

GRID = np.round(np.arange(0, 2.01, 0.1), 2)


def fold_of(qid, folds):
    return hashlib.sha1(qid.split("#")[0].encode()).digest()[1] % folds


def heads(engine, queries):
    """Per question: ``(question, syllables, leads, idf, first-pass scores, which of the head is relevant)``.

    The head is the first pass's best ``rerank_depth`` documents, as the engine's second pass sees them.
    """
    generation = engine._current()
    for q in queries:
        interpreted, _ = interpret(q["query"], generation.postings, generation.accents)
        parsed = parse(interpreted or q["query"])
        allowed = _filter_mask(generation.searcher, generation.postings, Filters(), parsed)
        guesses = accent_guesses(parsed, generation.accents)
        listing, scores = rank(generation.scorer, parsed, allowed, guesses, needed=WEIGHTS.rerank_depth)
        head = listing[: WEIGHTS.rerank_depth]
        ids = [generation.searcher.stored_fields(int(d))["id"] for d in head]
        syllables = [fold(s) for s in parsed.syllables()]
        leads = generation.postings.leads([int(d) for d in head])
        relevant = np.array([doc_id in set(q["relevant"]) for doc_id in ids], dtype=bool)
        yield (
            q,
            syllables,
            leads,
            idf_of(generation.postings, syllables),
            [float(scores[d]) for d in head],
            relevant,
        )


def candidates(engine, queries):
    """``[(qid, features of the head, which of it is relevant, whether it is reranked)]`` for ``queries``."""
    return [
        (q["qid"], features(syllables, leads, idf, scores), relevant, len(syllables) >= 2)
        for q, syllables, leads, idf, scores, relevant in heads(engine, queries)
    ]


def reciprocal_ranks(items, coverage, adjacency):
    weights = np.array([1.0, coverage, adjacency])
    out = []
    for _, x, relevant, reranked in items:
        order = np.argsort(-(x @ weights), kind="stable") if reranked and len(x) else np.arange(len(x))
        hits = np.flatnonzero(relevant[order][:K])
        out.append(1 / (hits[0] + 1) if len(hits) else 0.0)
    return out


def best_weights(items):
    scored = [
        (statistics.fmean(reciprocal_ranks(items, c, a)), -(c + a), c, a) for c in GRID for a in GRID
    ]  # ties go to the smaller weights
    _, _, c, a = max(scored)
    return c, a


def dev_arguments(parser):
    """The options of a script that reads the dev sets' heads off indexes bench/relevance.py built."""
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path("/tmp/search-app-bench"))
    parser.add_argument("--sets", default="zalo,news")
    parser.add_argument("--folds", type=int, default=5)
    return parser


def main():
    args = dev_arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0])).parse_args()
    items = {}
    engines = {}
    for name, (corpus, queries) in query_sets(args.shared, args.sets.split(",")).items():
        if corpus not in engines:
            engines[corpus] = SearchEngine(args.work / corpus.name.split(".")[0] / "ours")
        items[name] = candidates(engines[corpus], queries)
        print(f"{name}: {len(queries)} questions", file=sys.stderr)
    pooled = [item for rows in items.values() for item in rows]

    held_out = {name: [] for name in items}
    print("| fold | coverage | adjacency |")
    print("|---|---|---|")
    for k in range(args.folds):
        c, a = best_weights([i for i in pooled if fold_of(i[0], args.folds) != k])
        print(f"| {k} | {c:.1f} | {a:.1f} |")
        for name, rows in items.items():
            held_out[name] += reciprocal_ranks([i for i in rows if fold_of(i[0], args.folds) == k], c, a)
    c, a = best_weights(pooled)
    print(f"| all | {c:.1f} | {a:.1f} |\n")
    print(
        f"| query set | first pass alone | {args.folds}-fold held-out | "
        f"weights in Weights ({WEIGHTS.rerank_coverage}, {WEIGHTS.rerank_adjacency}), all questions |"
    )
    print("|---|---|---|---|")
    for name, rows in items.items():
        alone = statistics.fmean(reciprocal_ranks(rows, 0.0, 0.0))
        current = statistics.fmean(reciprocal_ranks(rows, WEIGHTS.rerank_coverage, WEIGHTS.rerank_adjacency))
        print(f"| {name} | {alone:.3f} | {statistics.fmean(held_out[name]):.3f} | {current:.3f} |")


if __name__ == "__main__":
    main()
