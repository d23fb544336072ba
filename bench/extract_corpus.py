"""Run the extractor over a JSON-lines corpus and report what it found.

    python bench/extract_corpus.py [../shared/corpus/news-50k.jsonl.gz] [--sample 50]
    python bench/extract_corpus.py --limit 5000 --repeat 3   # the cost alone, steadier

Prints: articles read, how many got speakers / a date / an organisation, the
30 most frequent speaker names, the cost per article (the fastest of
``--repeat`` passes), and a seeded random sample of extractions to check by
hand. To compare two commits, run it in a ``git worktree`` of each, one after
the other: the machines are shared and noisy.
"""

import argparse
import itertools
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search_app.articles import Article, read_sources  # noqa: E402
from search_app.extract import extract  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / "news-50k.jsonl.gz"
    )
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, help="Read only the first N articles.")
    parser.add_argument(
        "--repeat", type=int, default=1, help="Extract them R times; report the fastest pass."
    )
    args = parser.parse_args()
    names = Counter()
    counts = Counter()
    items = list(itertools.islice(read_sources([args.corpus]), args.limit))
    articles = [item for item in items if isinstance(item, Article)]
    counts["skipped"] = len(items) - len(articles)
    extract_seconds = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        results = [extract(item) for item in articles]
        extract_seconds = min(extract_seconds, time.perf_counter() - started)
    with_speakers = []
    for item, result in zip(articles, results):
        counts["articles"] += 1
        counts["speakers"] += bool(result.speakers)
        counts["date"] += bool(result.date)
        counts["organisation"] += bool(result.organisation)
        counts["people"] += len(result.speakers)
        for person in result.speakers:
            names[person["name"]] += 1
        if result.speakers:
            with_speakers.append((item.id, result.speakers))
    n = counts["articles"]
    print("| measure | value |\n|---|---|")
    print(f"| articles | {n} (skipped {counts['skipped']}) |")
    for key in ("speakers", "date", "organisation"):
        print(f"| with {key} | {counts[key]} ({counts[key] / n:.1%}) |")
    print(f"| people found | {counts['people']} |")
    print(f"| extraction cost | {extract_seconds / n * 1000:.2f} ms/article |")
    print("\n30 most frequent speaker names:")
    print(", ".join(f"{name} ({c})" for name, c in names.most_common(30)))
    print(f"\nRandom sample of {args.sample} articles with speakers (seed {args.seed}):")
    for doc_id, speakers in random.Random(args.seed).sample(
        with_speakers, min(args.sample, len(with_speakers))
    ):
        people = "; ".join(f"{s['name']} [{s['role']}]" for s in speakers)
        print(f"{doc_id}\t{people}")


if __name__ == "__main__":
    main()
