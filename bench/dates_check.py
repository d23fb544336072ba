"""Draw news-50k articles whose first full date is likely not the event's, for a hand check.

    python bench/dates_check.py [--seed 22] [--count 50]

An article is drawn when the first full date in its body follows, within 40
characters, a word of birth, death, anniversary, founding or deadline
("sinh", "qua đời", "kỷ niệm", "thành lập", "hạn", "trước", "hiệu lực" ...).
Prints each drawn article's id, that first date, the date the extractor
chose, and the text around the first date. Read each and judge whether the
chosen date is a birth, death, anniversary, founding or deadline date; the
judged draws are kept in bench/results/.
"""

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search_app.articles import read_sources  # noqa: E402
from search_app.extract.boilerplate import clean_body  # noqa: E402
from search_app.extract.dates import DATE_PATTERNS, find_date  # noqa: E402
from search_app.extract.titles import fix_title  # noqa: E402

SUSPECT_BEFORE = re.compile(
    r"(?i)(sinh|qua đời|từ trần|tạ thế|hy sinh|mất|giỗ|kỷ niệm|thành lập|hạn|trước|chậm nhất|hiệu lực)[^.]{0,25}$"
)


def first_date(body):
    return min((m for p in DATE_PATTERNS for m in p.finditer(body)), key=lambda m: m.start(), default=None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=ROOT.parent / "shared" / "corpus" / "news-50k.jsonl.gz")
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args()
    pool = []
    for article in read_sources([Path(args.corpus)]):
        title, body = fix_title(article.title, article.body)
        body, _ = clean_body(body, title)
        first = first_date(body)
        if first and SUSPECT_BEFORE.search(body, max(0, first.start() - 40), first.start()):
            pool.append((article.id, title, body, first))
    random.seed(args.seed)
    print(
        f"{len(pool)} articles whose first full date follows such a word; {args.count} drawn, seed {args.seed}\n"
    )
    for i, (doc_id, title, body, first) in enumerate(random.sample(pool, args.count), 1):
        date, year = find_date("", title, body)
        around = body[max(0, first.start() - 80) : first.end() + 30].replace("\n", " ")
        print(
            f"{i}. {doc_id} | first: {first.group(0)} | chosen: {date or '-'} ({year or '-'})\n   …{around}…"
        )


if __name__ == "__main__":
    main()
