"""What more the second pass could learn: further features and a learned ranker, by k-fold.

    python bench/relevance.py --sets zalo,news --engines ours   # builds the indexes once
    .venv/bin/pip install -e '.[bench]'                          # LightGBM and gensim
    python bench/rerank_features.py [--work /tmp/search-app-bench] [--folds 5] [--reuse]

Issue 22 asks for more than the lexical second pass gives, and names what the
field tries. Each is measured here on the head the engine's second pass sees
(``bench/rerank_cv.py``'s :func:`heads`), with the same folds (a question and
its unaccented twin share one; weights and models are chosen on the other
folds):

* the engine's second pass (score relative to the best, coverage, adjacency,
  with its weights) plus one more feature, its weight searched on a grid;
* **lexical** extras: title coverage, query trigrams, the longest run of the
  question's words found in order, where the first one stands, how spread
  they are, the lead's length, years in the lead for a "when" question and
  numbers for a "how many", the raw score, the rank;
* **pseudo-relevance feedback**: a document's cosine with the score-weighted
  centroid of the best 3, 5 or 10 leads (RM3's idea, as a feature);
* **word vectors** trained on the index's own leads (skip-gram, gensim): how
  near the lead's words come to each question word, IDF-weighted, and the
  cosine of the two centroids;
* **learning to rank**: LightGBM's LambdaMART over all of them.

Prints one table: MRR@10 held out, per query set.
"""

import argparse
import math
import pickle
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from relevance import K, query_sets  # noqa: E402
from rerank_cv import dev_arguments, fold_of, heads  # noqa: E402

from search_app.search import SearchEngine  # noqa: E402
from search_app.search.rerank import features  # noqa: E402
from search_app.search.scoring import FOLDED_QUESTION_WORDS, WEIGHTS  # noqa: E402

YEAR_RE = re.compile(r" (?:1[0-9]{3}|20[0-9]{2}) ")
NUMBER_RE = re.compile(r" [0-9]+ ")
WHEN = (
    " nam nao ",
    " khi nao ",
    " luc nao ",
    " nam bao nhieu ",
    " ngay nao ",
    " thoi diem nao ",
    " bao gio ",
)
HOW_MANY = (" bao nhieu ", " may ")
LEXICAL = (
    "title coverage",
    "trigrams",
    "longest run",
    "first position",
    "spread",
    "lead length",
    "years, when-questions",
    "numbers, how-many",
    "raw score",
    "rank",
)
FEEDBACK = ("feedback, best 3", "feedback, best 5", "feedback, best 10")
VECTORS = ("vectors, nearest words", "vectors, centroids")
NAMES = ("score / best", "coverage", "adjacency") + LEXICAL + FEEDBACK + VECTORS


def content_words(syllables):
    return sorted(
        {s for s in syllables if s and s not in FOLDED_QUESTION_WORDS} or {s for s in syllables if s}
    )


def lexical(syllables, leads, idf, scores):
    query = [s for s in syllables if s]
    spaced = f" {' '.join(query)} "
    content = content_words(query)
    total = sum(idf.get(s, 0.0) for s in content) or 1.0
    trigrams = [f" {a} {b} {c} " for a, b, c in set(zip(query, query[1:], query[2:]))]
    when = any(cue in spaced for cue in WHEN)
    how_many = any(cue in spaced for cue in HOW_MANY)
    rows = []
    for rank, (text, score) in enumerate(zip(leads, scores)):
        title, _, body = text.partition("|")
        words = body.split()
        run = 0.0
        for start in range(len(query)):
            for end in range(start + 1, len(query) + 1):
                if f" {' '.join(query[start:end])} " not in text:
                    break
                run = max(
                    run, sum(idf.get(s, 0.0) for s in query[start:end] if s not in FOLDED_QUESTION_WORDS)
                )
        first = {}
        for position, word in enumerate(words):
            if word in content:
                first.setdefault(word, position)
        rows.append(
            [
                sum(idf.get(s, 0.0) for s in content if f" {s} " in title) / total,
                sum(t in text for t in trigrams) / len(trigrams) if trigrams else 0.0,
                run / total,
                min(first.values()) / (len(words) + 1) if first else 1.0,
                min((max(first.values()) - min(first.values()) + 1) / (len(first) + 1), 10) if first else 10,
                math.log1p(len(words)),
                when * min(len(YEAR_RE.findall(text)), 5),
                how_many * min(len(NUMBER_RE.findall(text)), 10),
                score,
                rank / max(len(leads), 1),
            ]
        )
    return rows


class Feedback:
    """A lead's cosine with the centroid of the best leads (tf-idf vectors of their folded words)."""

    def __init__(self, postings):
        self.postings = postings
        self.idf = {}

    def _idf(self, word):
        if word not in self.idf:
            df = self.postings.holders("body", word)
            n = self.postings.count
            self.idf[word] = math.log(1 + (n - df + 0.5) / (df + 0.5))
        return self.idf[word]

    def __call__(self, leads, scores):
        vectors = []
        for text in leads:
            counts = Counter(w for w in text.split() if w != "|" and w not in FOLDED_QUESTION_WORDS)
            vector = {w: math.log1p(c) * self._idf(w) for w, c in counts.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            vectors.append({w: v / norm for w, v in vector.items()})
        best = max(max(scores, default=0.0), 1e-9)
        columns = []
        for top in (3, 5, 10):
            centroid = Counter()
            for vector, score in zip(vectors[:top], scores[:top]):
                for w, v in vector.items():
                    centroid[w] += v * score / best
            norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
            columns.append(
                [sum(v * centroid.get(w, 0.0) for w, v in vector.items()) / norm for vector in vectors]
            )
        return np.array(columns).T.tolist()


def word_vectors(postings):
    """Skip-gram vectors trained on every lead of the index (folded words)."""
    from gensim.models import Word2Vec

    leads = postings.leads(range(postings.count))
    sentences = [part.split() for lead in leads for part in lead.split("|") if part.strip()]
    return Word2Vec(sentences, vector_size=100, window=5, min_count=2, workers=2, epochs=5, sg=1, seed=1).wv


def nearness(vectors, syllables, leads, idf):
    content = [w for w in content_words(syllables) if w in vectors]
    total = sum(idf.get(w, 0.0) for w in content) or 1.0
    rows = []
    for text in leads:
        words = sorted({w for w in text.split() if w in vectors})
        if not words or not content:
            rows.append([0.0, 0.0])
            continue
        lead = np.array([vectors.get_vector(w, norm=True) for w in words])
        query = np.array([vectors.get_vector(w, norm=True) for w in content])
        nearest = (query @ lead.T).max(axis=1)
        a, b = query.mean(0), lead.mean(0)
        rows.append(
            [
                float(sum(idf.get(w, 0.0) * n for w, n in zip(content, nearest)) / total),
                float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-9)),
            ]
        )
    return rows


def rows_of(engine, queries):
    """``[(qid, features, relevant, reranked)]``, every feature of :data:`NAMES`."""
    postings = engine._current().postings
    feedback = Feedback(postings)
    vectors = word_vectors(postings)
    out = []
    for q, syllables, leads, idf, scores, relevant in heads(engine, queries):
        if not leads:
            out.append((q["qid"], np.zeros((0, len(NAMES))), relevant, False))
            continue
        x = np.hstack(
            [
                features(syllables, leads, idf, scores),
                lexical(syllables, leads, idf, scores),
                feedback(leads, scores),
                nearness(vectors, syllables, leads, idf),
            ]
        )
        out.append((q["qid"], x, relevant, len(syllables) >= 2))
    return out


def reciprocal_rank(order, relevant):
    hits = np.flatnonzero(relevant[order][:K])
    return 1 / (hits[0] + 1) if len(hits) else 0.0


def ranked(rows, score):
    """Reciprocal ranks with ``score(x)`` ordering the reranked heads (the rest keep the first pass's order)."""
    return [
        reciprocal_rank(np.argsort(-score(x), kind="stable") if reranked else np.arange(len(x)), relevant)
        for _, x, relevant, reranked in rows
    ]


ENGINE = np.array([1.0, WEIGHTS.rerank_coverage, WEIGHTS.rerank_adjacency])
EXTRA_GRID = (0.0, 0.02, -0.02, 0.05, -0.05, 0.1, -0.1, 0.2, -0.2, 0.5, -0.5, 1.0, -1.0)


def linear(column, chosen):
    """Fit: the engine's second pass plus ``column`` (scaled to unit spread), its weight the grid's best.

    Each fold's weight is appended to ``chosen``.
    """

    def fit(rows):
        spread = np.std(np.concatenate([x[:, column] for _, x, _, _ in rows if len(x)])) or 1.0

        def score(weight):
            return lambda x: x[:, :3] @ ENGINE + weight * x[:, column] / spread

        best = max(EXTRA_GRID, key=lambda w: (statistics.fmean(ranked(rows, score(w))), -abs(w)))
        chosen.append(best)
        return score(best)

    return fit


def lambdamart(rows):
    import lightgbm

    train = [(x, relevant) for _, x, relevant, reranked in rows if reranked and relevant.any() and len(x) > 1]
    data = lightgbm.Dataset(
        np.vstack([x for x, _ in train]),
        np.concatenate([r.astype(int) for _, r in train]),
        group=[len(x) for x, _ in train],
    )
    params = {
        "objective": "lambdarank",
        "learning_rate": 0.05,
        "num_leaves": 15,
        "min_data_in_leaf": 50,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "feature_fraction": 0.8,
        "lambdarank_truncation_level": K,
        "verbose": -1,
        "seed": 1,
    }
    model = lightgbm.train(params, data, num_boost_round=200)
    return model.predict


def held_out(items, fit, folds):
    """``{set: held-out MRR@10}`` with ``fit`` run on the other folds (all sets pooled)."""
    pooled = [row for rows in items.values() for row in rows]
    out = {name: [] for name in items}
    for k in range(folds):
        score = fit([row for row in pooled if fold_of(row[0], folds) != k])
        for name, rows in items.items():
            out[name] += ranked([row for row in rows if fold_of(row[0], folds) == k], score)
    return {name: statistics.fmean(values) for name, values in out.items()}


def main():
    parser = dev_arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the features an earlier run saved in --work"
    )
    args = parser.parse_args()
    cache = args.work / "rerank-features.pkl"
    if args.reuse and cache.exists():
        items = pickle.loads(cache.read_bytes())
    else:
        items, engines = {}, {}
        for name, (corpus, queries) in query_sets(args.shared, args.sets.split(",")).items():
            if corpus not in engines:
                engines[corpus] = SearchEngine(args.work / corpus.name.split(".")[0] / "ours")
            items[name] = rows_of(engines[corpus], queries)
            print(f"{name}: {len(queries)} questions", file=sys.stderr)
        cache.write_bytes(pickle.dumps(items))
    names = list(items)
    print(
        f"| second pass ({args.folds}-fold held-out MRR@10) | "
        + " | ".join(names)
        + " | weight chosen per fold |"
    )
    print("|---" * (len(names) + 2) + "|")

    def line(label, scores, chosen=()):
        weights = ", ".join(f"{w:g}" for w in chosen)
        print(f"| {label} | " + " | ".join(f"{scores[name]:.3f}" for name in names) + f" | {weights} |")

    line(
        "first pass alone",
        {n: statistics.fmean(ranked(rows, lambda x: -np.arange(len(x)))) for n, rows in items.items()},
    )
    line(
        "coverage + adjacency (the engine's weights)",
        {n: statistics.fmean(ranked(rows, lambda x: x[:, :3] @ ENGINE)) for n, rows in items.items()},
    )
    for column in range(3, len(NAMES)):
        chosen = []
        line(f"... + {NAMES[column]}", held_out(items, linear(column, chosen), args.folds), chosen)
    line(f"LambdaMART over all {len(NAMES)}", held_out(items, lambdamart, args.folds))


if __name__ == "__main__":
    main()
