"""Score the extractor against the hand-made gold file; print one table.

    python bench/extraction.py [--shared ../shared] [--errors]
    python bench/extraction.py --draw 15 --seed 2029   # articles for the next held-out set
    python bench/extraction.py --draw 15 --meetings --max-chars 4000 --seed 5007

Gold: ``bench/gold/extraction.jsonl``, one article per line with its split:

* ``dev``: the seeds and the bundled sample, which the rules were tuned on;
* ``news-seen``: 12 articles drawn at random from news-50k;
* ``news-seen-2`` to ``news-seen-7``: 15 news-50k articles of under 2,500
  characters each, seeds 2026 to 2031 (the last three drawn by ``--draw``);
* ``genre-1`` to ``genre-15``: 15 news-50k reports of meetings at
  institutions each, the seeds' genre (``--draw 15 --genre --seed 4001`` to
  ``4015``; from ``genre-6`` on ``--max-chars 4000``, 5000 for ``genre-10``,
  6000 for ``genre-11`` to ``genre-13``, 7000 for ``genre-14`` and 10000
  for ``genre-15``, as the short ones ran out). ``genre-6``,
  ``genre-9``, ``genre-11`` and ``genre-13`` have 14: the article dropped
  from each had had its extraction read in the 50-article check;
* ``meetings-1`` to ``meetings-6``: 15 news-50k reports of any meeting with
  a speech each, under 4,000 characters (``--draw 15 --meetings --max-chars
  4000 --seed 5001`` to ``5006``), as the institutions' reports ran out;
* ``heldout``: the next set (``--draw --seed 2032``), once annotated.

Each set was annotated and committed before the extractor ever ran on it,
run once as a held-out set, then read and tuned on. A role counts as right
when it matches the gold role once folded.

What the gold counts: a speaker is a person named after an honorific (ông,
bà, anh, chị, cô, thầy, bạn, đồng chí, academic titles) or next to a role
("Tổng thống Nga Vladimir Putin", "Emily Langlie, phát ngôn viên ..."), once,
under their fullest name; not bylines, not people named bare, not names the
article keeps anonymous ("Nguyễn Văn K.", "ông N.": nobody to search for; two
such entries left news-seen-5's gold when this was settled). The date is a
full day-month-year date only. The organisation is the named institution that
is the subject of the title, else of the first sentence, else none. Speakers
match when their names have one key (``text.name_key``: folded, "Jong-un" as
"Jong Un", "Sỹ" as "Sĩ"), the way the product tells people apart.
"""

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search_app.articles import Article, read_sources  # noqa: E402
from search_app.cli import SAMPLE_DIR  # noqa: E402
from search_app.extract import extract  # noqa: E402
from search_app.text import fold, name_key  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "extraction.jsonl"


def norm(text):
    return " ".join(fold(text).replace("–", "-").split())


def load_articles(shared, wanted):
    """``{(corpus, id): Article}`` for every gold article."""
    found = {}
    for item in read_sources([SAMPLE_DIR]):
        found[("sample", item.id)] = item
    seeds = shared / "corpus" / "seeds"
    if seeds.is_dir():
        for item in read_sources([seeds]):
            found[("seeds", item.id)] = item
    news = shared / "corpus" / "news-50k.jsonl.gz"
    ids = {doc_id for corpus, doc_id in wanted if corpus == "news-50k"}
    if news.is_file() and ids:
        with gzip.open(news, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["id"] in ids:
                    found[("news-50k", record["id"])] = Article(
                        id=record["id"], title=record["title"], body=record["body"], origin="news"
                    )
    return found


def score(gold_rows, articles):
    totals = defaultdict(lambda: defaultdict(int))
    errors = []
    for row in gold_rows:
        article = articles.get((row["corpus"], row["id"]))
        if article is None:
            continue
        t = totals[row["split"]]
        result = extract(article)
        gold = {name_key(s["name"]): norm(s["role"]) for s in row["speakers"]}
        got = {name_key(s["name"]): norm(s["role"]) for s in result.speakers}
        matched = gold.keys() & got.keys()
        t["articles"] += 1
        t["gold"] += len(gold)
        t["extracted"] += len(got)
        t["matched"] += len(matched)
        t["roles_right"] += sum(gold[k] == got[k] for k in matched)
        t["dates_right"] += result.date == row["date"]
        t["orgs_right"] += norm(result.organisation) == norm(row["organisation"])
        for name in sorted(got.keys() - gold.keys()):
            errors.append((row["split"], row["id"], "extra speaker", name))
        for name in sorted(gold.keys() - got.keys()):
            errors.append((row["split"], row["id"], "missed speaker", name))
        for name in sorted(k for k in matched if gold[k] != got[k]):
            errors.append((row["split"], row["id"], "role", f"{name}: {got[name]!r} vs {gold[name]!r}"))
        if result.date != row["date"]:
            errors.append((row["split"], row["id"], "date", f"{result.date!r} vs {row['date']!r}"))
        if norm(result.organisation) != norm(row["organisation"]):
            errors.append(
                (
                    row["split"],
                    row["id"],
                    "organisation",
                    f"{result.organisation!r} vs {row['organisation']!r}",
                )
            )
    return totals, errors


GENRE_MEETING = re.compile(r"\bhoi (nghi|thao)\b")
GENRE_INSTITUTION = re.compile(
    r"\b(vien (nghien cuu|khoa hoc|han lam|cong nghe)|vien truong|trung tam|dai hoc|hoc vien"
    r"|khoa hoc (va )?cong nghe)\b"
)


def in_genre(record, institution=True):
    """True for a report of a meeting at an institution, like the seeds.

    Folded text that names a conference or workshop ("hội nghị", "hội
    thảo") but not a summit ("thượng đỉnh"), an institution of research or
    teaching ("viện nghiên cứu", "viện trưởng", "trung tâm", "đại học",
    "học viện", "khoa học và công nghệ") and a speech ("phát biểu"): 83 of
    news-50k's articles under 3,000 characters. Without ``institution``,
    a meeting with a speech at any organisation, the genre's wider family.
    """
    text = fold(record["title"] + " " + record["body"]).lower()
    return bool(
        GENRE_MEETING.search(text)
        and (not institution or GENRE_INSTITUTION.search(text))
        and "phat bieu" in text
        and "thuong dinh" not in text
    )


def draw(shared, used, count, seed, genre=False, max_chars=None, meetings=False):
    """Print ``count`` unannotated news-50k articles, drawn at random: the next held-out set.

    With ``genre``, only reports of the seeds' kind (``in_genre``), under
    ``max_chars`` (3,000 by default); with ``meetings``, reports of any
    meeting with a speech (the same default); otherwise any article under
    ``max_chars`` (2,500 by default).
    """
    with gzip.open(shared / "corpus" / "news-50k.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    limit = max_chars or (3000 if genre or meetings else 2500)
    pool = [
        r
        for r in records
        if len(r["body"]) < limit
        and r["id"] not in used
        and (not (genre or meetings) or in_genre(r, institution=genre))
    ]
    if len(pool) < count:
        sys.exit(f"only {len(pool)} unannotated articles fit; raise --max-chars")
    for record in random.Random(seed).sample(pool, count):
        print(f"===== {record['id']}\nTITLE: {record['title']}\n{record['body']}\n")


def ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="List every disagreement.")
    parser.add_argument(
        "--draw",
        type=int,
        metavar="N",
        help="Print N news-50k articles to annotate (in no split yet; see --genre and --max-chars) and stop.",
    )
    parser.add_argument("--seed", type=int, default=2032, help="The seed --draw samples with.")
    parser.add_argument(
        "--genre",
        action="store_true",
        help="--draw only meeting reports from institutions, the seeds' genre.",
    )
    parser.add_argument(
        "--meetings",
        action="store_true",
        help="--draw only reports of meetings with a speech, at any organisation.",
    )
    parser.add_argument(
        "--max-chars",
        type=int,
        help="--draw articles shorter than this (default 3,000 with --genre or --meetings, else 2,500).",
    )
    args = parser.parse_args()
    gold_rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    if args.draw:
        used = {r["id"] for r in gold_rows}
        return draw(args.shared, used, args.draw, args.seed, args.genre, args.max_chars, args.meetings)
    started = time.perf_counter()
    articles = load_articles(args.shared, {(r["corpus"], r["id"]) for r in gold_rows})
    totals, errors = score(gold_rows, articles)
    print("| split | articles | gold speakers | speaker P | speaker R | role acc. | date acc. | org acc. |")
    print("|---|---|---|---|---|---|---|---|")
    for split in dict.fromkeys([row["split"] for row in gold_rows] + ["heldout"]):
        t = totals.get(split)
        if not t:
            print(f"| {split} | 0 (none annotated, or ../shared not found) | | | | | | |")
            continue
        print(
            f"| {split} | {t['articles']} | {t['gold']} | {ratio(t['matched'], t['extracted'])} "
            f"| {ratio(t['matched'], t['gold'])} | {ratio(t['roles_right'], t['matched'])} "
            f"| {ratio(t['dates_right'], t['articles'])} | {ratio(t['orgs_right'], t['articles'])} |"
        )
    print(f"\n({time.perf_counter() - started:.1f}s)")
    if args.errors:
        for split, doc_id, kind, detail in errors:
            print(f"{split}\t{doc_id}\t{kind}\t{detail}")


if __name__ == "__main__":
    main()
