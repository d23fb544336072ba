"""Second pass over the best documents: which of them hold the query's words, and together.

The first pass (:mod:`.scoring`) ranks every document from postings alone.
It cannot see whether a document holds *all* the rare words of a question
or holds them side by side: "Lý Bí lên ngôi" in a passage about Lý Bí,
against a passage where another king "lên ngôi" and "Lý" and "Bí" are
common syllables. This pass reads the head of the list (the leads of the first
``Weights.rerank_depth`` documents: their titles and the starts of their
bodies, folded, written beside the postings at reindex time) and orders it by

    score / best score
    + rerank_coverage * (IDF-weighted share of the query's words the document holds,
                         question words aside)
    + rerank_adjacency * (share of the query's adjacent word pairs found side by side)

Both weights were chosen by 5-fold cross-validation on the dev sets
(``bench/rerank_cv.py``, which imports :func:`features` from here).
"""

import math

import numpy as np

from .scoring import FOLDED_QUESTION_WORDS


def features(syllables, leads, idf, scores):
    """``(len(leads), 3)`` features: the score relative to the best, coverage, adjacency.

    ``syllables`` are the query's (folded) words in order, ``leads`` the
    documents' leads (:func:`search_app.store.arrays.folded_lead`: the folded
    words of the title and of the start of the body), ``idf`` the inverse
    document frequency of each syllable, ``scores`` the first pass's scores.
    """
    query = [s for s in syllables if s]
    distinct = sorted({s for s in query if s not in FOLDED_QUESTION_WORDS} or set(query))
    total = sum(idf.get(s, 0.0) for s in distinct) or 1.0
    spaced = [(f" {s} ", idf.get(s, 0.0)) for s in distinct]
    pairs = [f" {a} {b} " for a, b in set(zip(query, query[1:]))]
    out = np.zeros((len(leads), 3))
    best = max(max(scores, default=0.0), 1e-9)
    for i, (text, score) in enumerate(zip(leads, scores)):
        out[i, 0] = score / best
        out[i, 1] = sum(weight for word, weight in spaced if word in text) / total
        if pairs:
            out[i, 2] = sum(pair in text for pair in pairs) / len(pairs)
    return out


def idf_of(postings, syllables):
    """BM25's inverse document frequency of each syllable, from the body's postings."""
    n = postings.count
    out = {}
    for s in set(syllables):
        df = postings.holders("body", s)
        out[s] = math.log(1 + (n - df + 0.5) / (df + 0.5))
    return out


def rerank(listing, scores, syllables, postings, weights):
    """``listing`` with its first ``weights.rerank_depth`` documents in their new order.

    The scores of those documents become the combined score times the best
    one's, so scores still fall down the list (a document below the head
    scored no more than any in it).
    """
    depth = min(weights.rerank_depth, len(listing))
    if depth < 2 or len(syllables) < 2:
        return listing
    head = listing[:depth]
    leads = postings.leads([int(d) for d in head])
    x = features(syllables, leads, idf_of(postings, syllables), [float(scores[d]) for d in head])
    combined = x @ np.array([1.0, weights.rerank_coverage, weights.rerank_adjacency])
    order = np.argsort(-combined, kind="stable")
    scores[head] = combined * scores[head[0]]
    return np.concatenate([head[order], listing[depth:]])
