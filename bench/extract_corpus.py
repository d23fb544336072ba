"""Run the extractor over a JSON-lines corpus and report what it found.

    python bench/extract_corpus.py [../shared/corpus/news-50k.jsonl.gz] [--sample 50]

Prints: articles read, how many got speakers / a date / an organisation, the
30 most frequent speaker names, the cost per article, and a seeded random
sample of extractions to check by hand.
"""

import argparse
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
    parser.add_argument("corpus", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "corpus" / "news-50k.jsonl.gz")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    names = Counter()
    counts = Counter()
    extract_seconds = 0.0
    with_speakers = []
    for item in read_sources([args.corpus]):
        if not isinstance(item, Article):
            counts["skipped"] += 1
            continue
        started = time.perf_counter()
        result = extract(item)
        extract_seconds += time.perf_counter() - started
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
    for doc_id, speakers in random.Random(args.seed).sample(with_speakers, args.sample):
        people = "; ".join(f"{s['name']} [{s['role']}]" for s in speakers)
        print(f"{doc_id}\t{people}")


if __name__ == "__main__":
    main()
