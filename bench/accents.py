"""Accent restoration on held-out text: syllables and whole fragments right, and its cost.

    python bench/accents.py

Learns the model exactly as a reindex does (search_app.accents, from titles
and the start of each body) from the first 49,000 articles of news-50k, then takes 1,000 title fragments
of 3 to 6 words from the last 1,000 articles (never seen), folds them, and
restores them. A syllable is right when it equals the original's, in lower
case with one tone placement. Prints one table.
"""

import argparse
import gzip
import itertools
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search_app.accents import RUN_RE, AccentCounter  # noqa: E402
from search_app.indexer import LEAD_CHARS  # noqa: E402
from search_app.text import canonical, fold  # noqa: E402

def fragments(titles, count, seed=7):
    """``count`` runs of 3-6 words (no digits or punctuation inside) from ``titles``."""
    rng = random.Random(seed)
    runs = [seg.split() for title in titles for seg in RUN_RE.findall(title)]
    runs = [words for words in runs if len(words) >= 3]
    chosen = []
    while len(chosen) < count and runs:
        words = rng.choice(runs)
        size = rng.randint(3, min(6, len(words)))
        start = rng.randint(0, len(words) - size)
        chosen.append(words[start : start + size])
    return chosen


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--train", type=int, default=49_000)
    parser.add_argument("--fragments", type=int, default=1000)
    args = parser.parse_args(argv)
    corpus = args.shared / "corpus" / "news-50k.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        articles = [json.loads(line) for line in itertools.islice(lines, args.train + 1000)]
    counter = AccentCounter()
    started = time.perf_counter()
    for article in articles[: args.train]:
        counter.add(article["title"])
        counter.add(article["body"][:LEAD_CHARS])
    model = counter.model(min_pair_count=2)
    learn = time.perf_counter() - started
    held_out = fragments([a["title"] for a in articles[args.train :]], args.fragments)
    right = total = whole = 0
    times = []
    for words in held_out:
        typed = [fold(w) for w in words]
        began = time.perf_counter()
        restored = model.restore_words(typed)
        times.append((time.perf_counter() - began) * 1000)
        expected = [canonical(w) for w in words]
        hits = sum(a == b for a, b in zip(restored, expected))
        right += hits
        total += len(words)
        whole += hits == len(words)
    print(f"model: {len(model.unigrams):,} syllables, {len(model.bigrams):,} pairs from "
          f"{args.train:,} articles (titles and leads), learned in {learn:.1f} s\n")
    print("| fragments | syllables | syllables right | fragments right | median ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    times.sort()
    print(f"| {len(held_out)} | {total} | {right / total:.3f} | {whole / len(held_out):.3f} "
          f"| {statistics.median(times):.2f} | {times[int(0.95 * (len(times) - 1))]:.2f} |")


if __name__ == "__main__":
    main()
