"""Autocomplete cost and usefulness on an index: what /api/suggest does, in process.

    python bench/suggest.py --index /tmp/search-app-bench/news-50k/ours

Prefixes are cut from the known-item title fragments as a user types them:
the first one to three words and part of the next (accented and folded
halves of the set). Prints latency (the first call, which opens the index,
is reported apart) and how often the fragment's next word, completed, is
among the completions offered.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from relevance import percentile, read_jsonl  # noqa: E402

from search_app.search import SearchEngine  # noqa: E402
from search_app.text import fold  # noqa: E402


def prefixes(shared, count, seed=7):
    rng = random.Random(seed)
    out = []
    for q in read_jsonl(shared / "eval" / "news-50k-known-item.jsonl"):
        words = q["query"].split()
        if len(words) < 2:
            continue
        n = rng.randint(1, min(3, len(words) - 1))
        partial = words[n][: rng.randint(1, len(words[n]))]
        out.append((" ".join(words[:n] + [partial]), " ".join(words[: n + 1])))
    rng.shuffle(out)
    return out[:count]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args(argv)
    engine = SearchEngine(args.index)
    typed = prefixes(args.shared, args.count)
    started = time.perf_counter()
    engine.complete("a")
    first = (time.perf_counter() - started) * 1000
    times, found = [], 0
    for prefix, intended in typed:
        began = time.perf_counter()
        completions = engine.complete(prefix)
        times.append((time.perf_counter() - began) * 1000)
        found += any(fold(c.text).startswith(fold(intended)) for c in completions)
    print(f"index {args.index}; first call (opens the index) {first:.0f} ms\n")
    print("| prefixes | median ms | p95 ms | next word offered |")
    print("|---|---|---|---|")
    print(
        f"| {len(typed)} | {statistics.median(times):.2f} | {percentile(times, 95):.2f} | {found / len(typed):.3f} |"
    )


if __name__ == "__main__":
    main()
