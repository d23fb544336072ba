"""Word segmentation's cost per token: our decoder against underthesea's own tagger.

    python bench/segmenter.py [--articles 1000] [--rounds 3]

Both label the same tokens of the first news-50k articles (each article's lines
together for ours, as indexing does; line by line for underthesea's featurizer
and tagger on the same model files), and must agree on every label. Prints one
table: seconds (best of the rounds, taken in turn) and microseconds a token.
"""

import argparse
import gzip
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search_app.analysis import TOKEN_RE  # noqa: E402
from search_app.segmenter import Segmenter, underthesea_starts  # noqa: E402
from search_app.text import normalize_tone  # noqa: E402


def underthesea_tagger():
    starts = underthesea_starts()
    return lambda lines: [starts(tokens) if tokens else [] for tokens in lines]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with gzip.open(args.shared / "corpus" / "news-50k.jsonl.gz", "rt", encoding="utf-8") as lines:
        articles = [json.loads(line) for line in itertools.islice(lines, args.articles)]
    documents = [
        [[normalize_tone(token) for token in TOKEN_RE.findall(line)] for line in text.split("\n")]
        for text in (f"{a['title']}\n{a['body']}" for a in articles)
    ]
    tokens = sum(len(line) for document in documents for line in document)
    ours = Segmenter()
    theirs = underthesea_tagger()
    engines = {
        "ours (search_app.segmenter, an article's lines at once)": lambda d: ours.starts_lines(d),
        "underthesea's featurizer and tagger, line by line": theirs,
    }
    seconds = {name: [] for name in engines}
    labels = {}
    for _ in range(args.rounds):
        for name, label in engines.items():
            started = time.perf_counter()
            labels[name] = [label(document) for document in documents]
            seconds[name].append(time.perf_counter() - started)
    first, second = labels.values()
    if first != second:
        sys.exit("the two segmenters disagree")
    print(f"{tokens:,} tokens in {len(documents):,} news-50k articles; best of {args.rounds} rounds\n")
    print("| segmenter | seconds | µs a token |\n|---|---|---|")
    for name, values in seconds.items():
        print(f"| {name} | {min(values):.2f} | {min(values) / tokens * 1e6:.2f} |")


if __name__ == "__main__":
    main()
