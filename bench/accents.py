"""Accent restoration on held-out text: syllables and whole fragments right, and its cost.

    python bench/accents.py

Learns the model exactly as a reindex does (search_app.accents, from each
article's title and body as the extractor cleans them) from the first 49,000
articles of news-50k (``--train``), then
takes 1,000 title fragments of 3 to 6 words from the next 1,000 articles
(never seen), folds them, and restores them. A syllable is right when it
equals the original's, in lower case with one tone placement. Prints one
table; ``--train 48000`` measures on a second held-out slice.
"""

import argparse
import gzip
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search_app.accents import RUN_RE, AccentCounter, AccentModel  # noqa: E402
from search_app.articles import Article  # noqa: E402
from search_app.extract import extract  # noqa: E402
from search_app.schema import to_document  # noqa: E402
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
    for record in articles[: args.train]:
        article = Article(id=record["id"], title=record["title"], body=record["body"], origin="news")
        document = to_document(article, extract(article))
        counter.add_article(document["title"], document["body"])
    model = counter.model()
    learn = time.perf_counter() - started
    held_out = fragments([a["title"] for a in articles[args.train :]], args.fragments)
    with tempfile.TemporaryDirectory() as scratch:
        model.save(scratch)  # restored as a searcher does it: memory-mapped
        size = sum(f.stat().st_size for f in Path(scratch).iterdir())
        right, total, whole, times = restore(AccentModel.load(scratch), held_out)
    print(
        f"model: {len(model.syllables):,} syllables, {len(model.arrays['pairs']):,} pairs, "
        f"{len(model.arrays['triples']):,} triples from {args.train:,} articles, "
        f"extracted and learned in {learn:.1f} s, {size / 2**20:.0f} MB on disk\n"
    )
    print("| fragments | syllables | syllables right | fragments right | median ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    times.sort()
    print(
        f"| {len(held_out)} | {total} | {right / total:.3f} | {whole / len(held_out):.3f} "
        f"| {statistics.median(times):.2f} | {times[int(0.95 * (len(times) - 1))]:.2f} |"
    )


def restore(model, held_out):
    """Syllables right, syllables, fragments wholly right, and ms per fragment."""
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
    return right, total, whole, times


if __name__ == "__main__":
    main()
