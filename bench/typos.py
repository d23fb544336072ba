"""Spelling correction: known-item queries with one typo, searched with and without correction.

    python bench/typos.py --index /tmp/search-app-bench/news-50k/ours

Takes the folded known-item title fragments (typed without accents, as most
users type) and puts one typo in each: in one word of three letters or more,
a letter left out, added, changed or swapped with the next (chosen at
random, seeded). Searches the clean fragment, the typo'd fragment as our
engine answers it (correction on), and the typo'd fragment with correction
switched off. Prints MRR@10 for each, how often the corrected word is the
one the user meant, and how often a clean query was "corrected" at all.

A typo that makes another word the index holds ("nghi" -> "nghe") cannot be
seen as a typo and is searched as typed; those fragments are counted apart.
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

from relevance import percentile, read_jsonl, reciprocal_rank  # noqa: E402

from search_app.search import SearchEngine, interpret

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def with_typo(query, rng):
    """``(query with one typo, index of the word changed)``, or None when no word is long enough."""
    words = query.split()
    long_enough = [i for i, word in enumerate(words) if len(word) >= 3 and word.isalpha()]
    if not long_enough:
        return None
    i = rng.choice(long_enough)
    word = words[i]
    at = rng.randrange(len(word))
    kind = rng.choice(("delete", "insert", "replace", "swap"))
    if kind == "delete":
        typo = word[:at] + word[at + 1 :]
    elif kind == "insert":
        typo = word[:at] + rng.choice(LETTERS) + word[at:]
    elif kind == "replace":
        typo = word[:at] + rng.choice(LETTERS.replace(word[at], "")) + word[at + 1 :]
    else:
        at = min(at, len(word) - 2)
        typo = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if typo == word:
        return None
    return " ".join(words[:i] + [typo] + words[i + 1 :]), i


def ranked(result, relevant):
    return reciprocal_rank([hit.id for hit in result.results], relevant)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    engine = SearchEngine(args.index)
    rng = random.Random(7)
    cases = []
    for q in read_jsonl(args.shared / "eval" / "news-50k-known-item.jsonl"):
        if q["qid"].endswith("#a"):  # the folded half
            typo = with_typo(q["query"], rng)
            if typo:
                cases.append((q["query"], *typo, set(q["relevant"])))
    rows = {"clean": [], "typo, corrected": [], "typo, as typed": []}
    seen_as_typo = right_word = clean_corrected = 0
    times = []
    corrected_at = interpret.MIN_CORRECTED_LETTERS
    for clean, typo, i, relevant in cases:
        result = engine.search(clean)
        rows["clean"].append(ranked(result, relevant))
        clean_corrected += "spelling" in result.interpreted_because
        began = time.perf_counter()
        result = engine.search(typo)
        times.append((time.perf_counter() - began) * 1000)
        rows["typo, corrected"].append(ranked(result, relevant))
        if "spelling" in result.interpreted_because:
            seen_as_typo += 1
            right_word += result.interpreted_as.split()[i] == clean.split()[i]
        interpret.MIN_CORRECTED_LETTERS = 10**9  # correction off
        try:
            rows["typo, as typed"].append(ranked(engine.search(typo), relevant))
        finally:
            interpret.MIN_CORRECTED_LETTERS = corrected_at
    print(f"index {args.index}; {len(cases)} folded known-item fragments, one typo each\n")
    print("| queries | MRR@10 |\n|---|---|")
    for name, values in rows.items():
        print(f"| {name} | {statistics.fmean(values):.3f} |")
    print(
        f"\ntypo'd word not in the index (so corrected): {seen_as_typo} of {len(cases)} "
        f"({seen_as_typo / len(cases):.0%}); corrected to the word meant: {right_word} "
        f"({right_word / max(seen_as_typo, 1):.0%} of those)\n"
        f"clean fragments 'corrected': {clean_corrected}; typo'd search median "
        f"{statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms"
    )


if __name__ == "__main__":
    main()
