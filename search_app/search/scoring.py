"""Scoring: which documents match a parsed query, and in what order.

Every weight lives in one :class:`Weights` object. Scores are computed over
all documents at once with numpy, from the generation's :class:`Postings`:

* **BM25F** over ``title``, ``body`` and ``speakers``: a word's
  length-normalised frequencies in the fields are weighted and summed, then
  saturated once (:meth:`Scorer.scores`);
* each syllable scores its folded term; one typed with accents adds its
  accented term; a query typed without accents adds the accents guessed
  for it, lower;
* a word typed with accents is a precise request ("lúa" rice is not
  "lụa" silk): in a short query, whose every word must match, documents
  holding a word only with other accents rank after those holding it as
  typed, whatever their scores; they still match. (In a long question the
  words are a share, and a passage may lack "bao nhiêu" yet hold "nhiều".)
* question words ("là gì", "bao nhiêu") count little and need not match;
* adjacent query syllables found as a compound word, and the run of query
  words found in order in a title, add bonuses.
"""

import heapq
import itertools
import math
import threading
import time
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ..analysis import COMPOUND_JOINER, query_forms
from ..text import canonical, fold, has_diacritics

# Term scores are cached up to this many bytes, per process (:class:`ScoreCache`).
# A common word's scores are a vector over the whole index (200 KB at 50k) and
# cost 0.2-0.5 ms to compute; 300 known-item queries recomputed 2.7 ms of them a
# query at 32 MB, 1.6 ms at 128 (bench/scale.py's sample, 50k). A worker holds
# 90-126 MB besides (50k-179k), so 128 MB keeps it under 300.
CACHE_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class Weights:
    """Every weight of the ranking, chosen on the "tune" part of the dev sets (bench/relevance.py)."""

    # Title and speakers say more about what an article is about than its body.
    fields: dict = field(default_factory=lambda: {"title": 2.0, "speakers": 1.0, "body": 1.0})
    # BM25 saturation and length normalisation (Whoosh's defaults).
    k1: float = 1.2
    b: float = 0.75
    # A query word typed with accents scores this much more where the text has
    # exactly those accents than where it only matches once folded.
    exact_accent: float = 0.5
    # The same, for the accents restored to a query typed without any.
    guessed_accent: float = 0.25
    # A compound word (or syllable pair) of the query found as one word.
    compound: float = 0.5
    # Question words count this much, in the score and in the share of words a document holds.
    question: float = 0.2
    # The best documents whose title holds a run of the query's words in
    # order score this much more (relative); this many are checked.
    title_phrase: float = 1.0
    phrase_candidates: int = 1000
    # How many of the query's words a document must hold to match (see rank()).
    all_words_up_to: int = 3
    share_of_words: float = 0.3
    # The second pass (search/rerank.py): how many of the best documents it
    # reorders, and what holding the query's rare words, and its adjacent
    # word pairs side by side, add to a score relative to the best one.
    # Chosen by 5-fold cross-validation (bench/rerank_cv.py).
    rerank_depth: int = 30
    rerank_coverage: float = 0.4
    rerank_adjacency: float = 0.6


WEIGHTS = Weights()
QUESTION_WORDS = frozenset("là gì nào ai đâu bao nhiêu mấy sao thế không ở của có được những các và".split())
FOLDED_QUESTION_WORDS = frozenset(fold(w) for w in QUESTION_WORDS)


class TermScores(NamedTuple):
    """One term's BM25F score in each document that holds it.

    A rare term's are sparse: ``docs`` (ascending, int32 to halve what the
    cache holds) and their ``values``. A common term's (held by at least
    1/:data:`DENSE_KEPT` of the documents) are one value per document, 0
    where it is absent, and ``docs`` is None: adding a whole vector costs
    less than scattering that many postings (numpy: 6 µs against 230 µs
    for 46,000 of 50,000 documents).
    """

    docs: np.ndarray | None
    values: np.ndarray

    def at(self):
        """``docs`` as numpy's index type: converting first halves the cost of indexing with int32."""
        return self.docs.astype(np.intp)

    def add_to(self, scores, weight):
        """``scores += weight * self``."""
        values = self.values if weight == 1 else np.float32(weight) * self.values  # most words weigh 1
        if self.docs is None:
            scores += values
        else:
            scores[self.at()] += values

    def mark(self, flags):
        """Set ``flags`` (booleans, one per document) where the term is held."""
        if self.docs is None:
            flags |= self.values != 0
        else:
            flags[self.at()] = True

    def count(self, counts, step):
        """Add ``step`` to ``counts`` (one per document) where the term is held."""
        if self.docs is None:
            counts += np.int32(step) * (self.values != 0)
        else:
            counts[self.at()] += step

    def within(self, allowed):
        """These scores where ``allowed`` (booleans, one per document) is True."""
        if self.docs is None:
            return TermScores(None, self.values * allowed)
        keep = allowed[self.at()]
        return TermScores(self.docs[keep], self.values[keep])


# A term held by more than one document in this many has dense scores (see TermScores).
DENSE_SHARE = 16
# Scores computed as a whole vector are kept so only for a term held by at least
# one document in this many; a rarer one's are kept per holder (8 bytes a holder
# against 4 a document), so the cache holds more of them, and scattering under a
# quarter of the documents costs about what adding a whole vector does. A rotation
# of the 1,198 known-item queries at 50k: 6.9-7.5 -> 6.2-6.6 ms a search.
DENSE_KEPT = 4


class Scorer:
    """BM25F scores of terms over one generation's postings, cached per process."""

    def __init__(self, postings, weights=WEIGHTS):
        self.postings = postings
        self.weights = weights
        self._cache = ScoreCache()  # (term, fields) -> TermScores
        self._lock = threading.Lock()
        # Each field's length normalisation, 1 / ((1 - b) + b * length / average length).
        self._inverse_norms = {
            name: (1 / ((1 - weights.b) + weights.b * lengths / postings.average[name])).astype(np.float32)
            for name, lengths in postings.lengths.items()
        }
        self._weighted = {}  # (field, weight) -> weight * inverse norms, one per document

    def scores(self, fields, term):
        """The :class:`TermScores` of ``term`` over ``fields`` (``{name: weight}``).

        BM25F: the term's length-normalised frequency in each field, times
        the field's weight, is summed into one frequency that saturates once,
        so a word in a short title counts like a few more mentions in the
        body, not like a second document's worth of evidence.
        """
        key = (term, tuple(sorted(fields.items())))
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        started = time.perf_counter()
        postings, k1 = self.postings, self.weights.k1
        held = []  # (docs, frequencies, weighted inverse norms) per field holding the term
        for name, weight in fields.items():
            docs, tf = postings.entry(name, term)
            if len(docs):
                held.append((docs, tf, self._weighted_norms(name, weight)))
        if not held:
            result = TermScores(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
        else:
            docs, tf, found = _pooled(held, postings.size)
            idf = math.log(1 + (postings.count - found + 0.5) / (found + 0.5))
            saturation = tf + np.float32(k1)
            tf *= np.float32(idf * (k1 + 1))
            tf /= saturation
            result = TermScores(docs, tf)
        with self._lock:
            self._cache.remember(key, result, time.perf_counter() - started)
        return result

    def _weighted_norms(self, name, weight):
        """``weight`` times the field's inverse length norms (float32, one per document)."""
        found = self._weighted.get((name, weight))
        if found is None:
            found = self._weighted.setdefault((name, weight), np.float32(weight) * self._inverse_norms[name])
        return found


def _pooled(held, size):
    """``(docs or None, summed frequencies, documents holding the term)`` of per-field postings.

    ``held``: ``(docs, frequencies, weighted inverse norms)`` per field.
    Each field's frequencies are length-normalised and weighted, then
    summed (float32, in field order, the same either way): into a whole
    vector past 1/:data:`DENSE_SHARE` of the documents (kept so from
    1/:data:`DENSE_KEPT` of them: ``docs`` None), else per holder.
    """
    total = sum(len(docs) for docs, _, _ in held)
    if total * DENSE_SHARE > size:
        docs, sums = None, np.zeros(size, dtype=np.float32)
    else:
        docs = held[0][0] if len(held) == 1 else np.unique(np.concatenate([docs for docs, _, _ in held]))
        sums = np.zeros(len(docs), dtype=np.float32)
    for field_docs, tf, norms in held:
        if docs is None or field_docs is docs:  # a whole vector, or the one field's own documents
            at = field_docs if docs is None else slice(None)
        else:
            at = np.searchsorted(docs, field_docs)
        sums[at] += tf * norms[field_docs]  # a field holds a document once
    if docs is not None:
        return docs.astype(np.int32), sums, len(docs)
    found = int(np.count_nonzero(sums))
    if found * DENSE_KEPT < size:
        docs = np.flatnonzero(sums)
        return docs.astype(np.int32), sums[docs], found
    return None, sums, found


def rank(scorer, parsed, allowed, guesses=None, needed=0):
    """The documents matching ``parsed`` among ``allowed``, best first, and the scores.

    Returns ``(docnums, scores)``; ``scores`` has one entry per document
    number. Only the first ``max(needed, phrase_candidates)`` docnums are in
    order (sorting every match of a common word costs more than the rest of
    the search); the others follow in index order.

    A document matches when it holds enough of the query's words
    (question words aside): all of them for a query of up to
    ``all_words_up_to`` words, else ``share_of_words`` of them. When no
    document has that many, documents with any of the words match. A query
    of filters alone (``year:2023``) lists every allowed document, newest
    first; one with only exclusions matches nothing.

    ``guesses`` holds the accents restored to a query typed without any
    (:func:`search_app.search.interpret.accent_guesses`): they score lower
    than typed ones, so the likely reading ranks first and every reading
    still matches.
    """
    postings, weights = scorer.postings, scorer.weights
    scores = np.zeros(postings.size, dtype=np.float32)
    if not parsed.groups:
        if not parsed.years:
            return np.zeros(0, dtype=np.int64), scores
        docs = np.flatnonzero(allowed)
        return docs[np.argsort(postings.newest_rank()[docs], kind="stable")], scores
    guesses = guesses or {}
    coverage = np.zeros(postings.size, dtype=np.int32)  # content words held
    some = np.zeros(postings.size, dtype=bool)
    questions = [_is_question_word(group, guesses) for group in parsed.groups]
    content = sum(not q for q in questions) or len(questions)
    # Accented words held only with other accents, for a query whose every word must match.
    mismatched = np.zeros(postings.size, dtype=np.int32)
    exact = content <= weights.all_words_up_to
    for group, question in zip(parsed.groups, questions):
        matched = np.zeros(postings.size, dtype=bool)
        weight = weights.question if question else 1.0
        for clause in group:
            _score_clause(scorer, clause, weight, scores, matched, guesses, mismatched if exact else None)
        some |= matched
        if not question or content == len(questions):
            coverage += matched
    runs = list(parsed.runs())
    for run in runs:
        _score_compounds(scorer, run, scores)
    for clause in parsed.excluded:
        excluded = np.zeros(postings.size, dtype=bool)
        _score_clause(scorer, clause, 0.0, np.zeros_like(scores), excluded)
        allowed = allowed & ~excluded
    if content <= weights.all_words_up_to:
        words = content
    else:
        words = math.ceil(content * weights.share_of_words)
    docs = np.flatnonzero((coverage >= words) & allowed)
    if not len(docs):
        docs = np.flatnonzero(some & allowed)
    order = _ordering(scores, mismatched)
    ties = postings.id_rank()
    head, rest = _best_first(docs, order, max(needed, weights.phrase_candidates), ties)
    if _title_phrase_bonus(scorer, runs, head[: weights.phrase_candidates], scores):
        head, _ = _best_first(np.sort(head), _ordering(scores, mismatched), len(head), ties)
    return np.concatenate([head, rest]), scores


def _ordering(scores, mismatched):
    """What documents are sorted by: fewer accent mismatches first, then higher scores."""
    if not mismatched.any():
        return scores
    return scores.astype(np.float64) - mismatched * (float(scores.max()) + 1.0)


# Titles read (a pread each, 3-5 µs) rather than another syllable's title postings (20-80 µs).
TITLES_READ = 8


def _title_phrase_bonus(scorer, runs, head, scores):
    """Raise the score of the best documents whose title holds a run of the query's words in order.

    Checked on the (folded) titles of the head of the list only, so the cost
    does not grow with the index. Returns True if any score changed.
    """
    postings = scorer.postings
    changed = False
    for run in (run for run in runs if len(run) > 1):
        folded = [fold(s) for s in run]
        # Only the titles that hold every syllable of the run are read: the
        # rarest syllable's postings first, until few enough are left that
        # reading their titles costs less than reading more postings.
        candidates = head
        for syllable in sorted(set(folded), key=lambda s: postings.holders("title", s)):
            if len(candidates) <= TITLES_READ:
                break
            candidates = candidates[_in_sorted(candidates, postings.docs("title", syllable))]
        phrase = f" {' '.join(folded)} "
        for doc in candidates:
            if phrase in postings.folded_title(int(doc)):
                scores[doc] *= 1 + scorer.weights.title_phrase
                changed = True
    return changed


def _in_sorted(values, sorted_array):
    """A mask over ``values``: which of them ``sorted_array`` holds."""
    if not len(sorted_array):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_array, values), len(sorted_array) - 1)
    return sorted_array[at] == values


def _best_first(docs, scores, k, ties):
    """``(the best k of docs in order, the others)``; ``docs`` ascending.

    Equal scores go by ``ties`` (each document's :meth:`~.postings.Postings.id_rank`), at the cut too.
    """
    if len(docs) <= k:
        head, rest = docs, docs[:0]
    else:
        values = scores[docs]
        cut = np.partition(values, len(values) - k)[len(values) - k]
        chosen = values > cut
        tied = np.flatnonzero(values == cut)
        tied = tied[np.argsort(ties[docs[tied]], kind="stable")[: k - int(chosen.sum())]]
        chosen[tied] = True
        head, rest = docs[chosen], docs[~chosen]
    return head[np.lexsort((ties[head], -scores[head]))], rest


def _is_question_word(group, guesses):
    clause = group[0]
    if len(group) > 1 or clause.phrase or clause.field or len(clause.syllables) != 1:
        return False
    word = clause.syllables[0]
    if not has_diacritics(word):  # "dau" may be "đâu" or "đầu"
        guess = guesses.get(id(clause))
        return guess[0] in QUESTION_WORDS if guess else fold(word) in FOLDED_QUESTION_WORDS
    return canonical(word) in QUESTION_WORDS


def _fields(scorer, clause):
    return [clause.field] if clause.field else list(scorer.weights.fields)


def _score_clause(scorer, clause, weight, scores, matched, guesses=None, mismatched=None):
    """Add one clause's BM25F to ``scores``; mark the documents it matches.

    ``mismatched`` counts, per document, the syllables typed with accents
    that the document holds only with other accents.
    """
    weights = scorer.weights
    fields = {name: weights.fields[name] for name in _fields(scorer, clause)}
    phrase_docs = _phrase_docs(scorer, clause) if clause.phrase else None
    guessed = (guesses or {}).get(id(clause)) or [None] * len(clause.syllables)
    for syllable, guess in zip(clause.syllables, guessed):
        folded, accented = query_forms(syllable)
        forms = [(folded, weight)]
        if accented != folded:
            forms.append((accented, weight * weights.exact_accent))
        elif guess and guess != folded:
            forms.append((guess, weight * weights.guessed_accent))
        held = {}
        for term, term_weight in forms:
            found = scorer.scores(fields, term)
            if phrase_docs is not None:
                found = found.within(phrase_docs)
            found.add_to(scores, term_weight)
            held[term] = found
            if phrase_docs is None and term is folded:
                found.mark(matched)
        if mismatched is not None and accented != folded:
            held[folded].count(mismatched, 1)
            held[accented].count(mismatched, -1)
    if phrase_docs is not None:
        matched |= phrase_docs


def _phrase_docs(scorer, clause):
    """Documents holding the syllables in order, in any of the clause's fields."""
    postings = scorer.postings
    found = np.zeros(postings.size, dtype=bool)
    folded = [fold(s) for s in clause.syllables]
    for name in _fields(scorer, clause):
        found[postings.phrase(name, folded)] = True
    return found


def _score_compounds(scorer, syllables, scores):
    """Bonus for adjacent query syllables found as one word (pairs, triples).

    The index holds a compound word as one term beside its syllables, so a
    document where "hội nghị" is a word outscores one with "hội" and
    "nghị" apart. Pairs that are not words in any document cost nothing.
    """
    folded = [fold(s) for s in syllables]
    fields = {name: scorer.weights.fields[name] for name in ("title", "body")}
    for size in (2, 3):
        for i in range(len(folded) - size + 1):
            compound = COMPOUND_JOINER.join(folded[i : i + size])
            scorer.scores(fields, compound).add_to(scores, scorer.weights.compound)


class ScoreCache:
    """Term scores kept by what they save a byte: GreedyDual-Size, bounded by ``capacity`` bytes.

    Each entry's credit is the floor at its last use plus what computing it
    cost (seconds) per byte it holds. The entry with the least credit goes
    first and the floor rises to its credit, so unused entries age out as
    in LRU, but a common word's scores (a whole vector, slow to compute,
    wanted by query after query) outlast the rare words of the next
    queries, which cost little to compute again. The caller holds the lock.
    """

    def __init__(self, capacity=None):
        self.capacity = CACHE_BYTES if capacity is None else capacity
        self.bytes = 0
        self._floor = 0.0
        self._entries = {}  # key -> [value, cost a byte, credit, order of the credit]
        self._heap = []  # (credit, order, key); superseded credits are skipped when popped
        self._order = itertools.count()

    def __len__(self):
        return len(self._entries)

    def __contains__(self, key):
        return key in self._entries

    def get(self, key):
        """The value kept for ``key``, or None; a use renews its credit."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._credit(key, entry)
        return entry[0]

    def remember(self, key, value, cost):
        """Keep ``value`` (a tuple of arrays), which took ``cost`` seconds to compute."""
        if key in self._entries:
            self.bytes -= _size(self._entries.pop(key)[0])
        size = _size(value)
        entry = [value, cost / size, 0.0, 0]
        self._entries[key] = entry
        self.bytes += size
        self._credit(key, entry)
        while self.bytes > self.capacity and len(self._entries) > 1:
            self._evict()

    def _credit(self, key, entry):
        entry[2], entry[3] = self._floor + entry[1], next(self._order)
        heapq.heappush(self._heap, (entry[2], entry[3], key))
        if len(self._heap) > 2 * len(self._entries) + 64:  # mostly superseded credits: start afresh
            self._heap = [(e[2], e[3], k) for k, e in self._entries.items()]
            heapq.heapify(self._heap)

    def _evict(self):
        while True:
            credit, order, key = heapq.heappop(self._heap)
            entry = self._entries.get(key)
            if entry is not None and entry[3] == order:
                break
        del self._entries[key]
        self.bytes -= _size(entry[0])
        self._floor = credit


# What an entry holds besides its arrays' data (its key, list, arrays' headers), in
# bytes: so that entries with empty scores (words no document holds) are bounded too.
ENTRY_BYTES = 512


def _size(value):
    return ENTRY_BYTES + sum(a.nbytes for a in value if isinstance(a, np.ndarray))
