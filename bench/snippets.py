"""Snippet quality over an index: text shown twice, cuts without an ellipsis, split marks.

    python bench/snippets.py --index DIR [--queries N]

Runs the first known-item fragments from ../shared and a few common words as
queries, and counts over every snippet of every first page: the snippets
that show the same text twice (a run of eight words, marks aside, in both
passages: a sentence the article repeats, as a photo caption does), the snippets that start inside
the text without "…", and the marks of adjacent query words drawn as
separate <mark>s.
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from relevance import read_jsonl  # noqa: E402

from search_app.search import SearchEngine  # noqa: E402
from search_app.web.markup import snippet_html  # noqa: E402

COMMON = ["hội nghị", "kinh tế", "bóng đá", "giáo dục", "thời tiết", "tổng thống", "công an", "giá vàng"]


def repeats(html, run=8):
    """Whether a run of ``run`` words stands in two passages of the snippet."""
    seen = set()
    for passage in html.strip("… ").split(" … "):
        words = re.sub(r"<[^>]+>", "", passage).split()
        here = {tuple(words[i : i + run]) for i in range(len(words) - run + 1)}
        if here & seen:
            return True
        seen |= here
    return False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args(argv)
    engine = SearchEngine(args.index)
    known = read_jsonl(args.shared / "eval" / "news-50k-known-item.jsonl")
    queries = [q["query"] for q, _ in zip(known, range(args.queries))] + COMMON
    snippets = repeated = split = uncut = 0
    for query in queries:
        for hit in engine.search(query, per_page=10, facets=False).results:
            html = str(snippet_html(hit.snippet))
            snippets += 1
            repeated += repeats(html)
            split += len(re.findall(r"</mark> <mark>", html))
            body = engine.document(hit.id).body
            plain = (
                re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            )
            first_words = " ".join(plain.split()[:3])
            uncut += not plain.startswith("…") and not " ".join(body.split()).startswith(first_words)
    print("| snippets | showing text twice | starting inside the text without … | adjacent marks split |")
    print("|---|---|---|---|")
    print(f"| {snippets} | {repeated} | {uncut} | {split} |")


if __name__ == "__main__":
    main()
