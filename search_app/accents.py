"""Accent restoration for queries typed without diacritics ("Có phải bạn muốn tìm").

"hoi nghi can bo" -> "hội nghị cán bộ". The model is learned from the index's
own text at reindex time (no downloads): how often each accented syllable,
each pair and each triple of adjacent syllables occurs in the titles and
bodies. A query is restored by a beam search over the accented forms of each
folded syllable, scored by a trigram language model with interpolated
absolute discounting (each order backs off to the one below it), so context
picks "cán bộ" over "cần bộ" although "cần" is the commoner syllable.

Counting and lookup are numpy: a syllable is a 21-bit id, an n-gram one
uint64 key, and the counts are sorted arrays that a searcher memory-maps, so
the worker processes share them through the page cache. The lookups (a
syllable's id, a folded syllable's accented forms) are saved beside them as
arrays and packed strings: a server process loads a model in milliseconds
and holds no Python object per syllable. See
docs/design.md#accent-restoration.
"""

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import numpy as np

from .packed import PackedStrings
from .text import WORD_RE, canonical, fold, fold_text, has_diacritics, nfc, replace_words

# Accented forms kept per folded syllable, most frequent first.
CANDIDATES = 30
# Queries are written like titles: a title counts this many times.
TITLE_WEIGHT = 2
# Partial paths kept at each word of a query.
BEAM = 64
# Absolute discount of each n-gram count; it is the weight given to the order below.
DISCOUNT = 0.75
# Bits per syllable id in an n-gram key; the last id marks a break between runs.
BITS = 21
BREAK = (1 << BITS) - 1
# A run of words with no punctuation, digit or line break inside: n-grams are
# counted within runs only.
RUN_RE = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")
# The letters of folded Vietnamese, for spelling corrections.
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Syllables buffered before their n-grams are counted; partial counts merged
# once they hold this many keys.
_FLUSH_TOKENS = 1_000_000
_MERGE_KEYS = 8_000_000
_SHIFT = np.uint64(BITS)
# The counts a model is, saved as ``<name>.npy`` beside ``syllables.txt``.
COUNTS = (
    "unigrams",
    "context",
    "followers",
    "pair_keys",
    "pairs",
    "pair_context",
    "pair_followers",
    "triple_keys",
    "triples",
)
# What a model looks syllables up in, derived from the counts and saved with them.
LOOKUPS = ("by_text", "form_starts", "form_ids")
FORM_KEYS = "form-keys.txt"


def _key(*ids):
    """The uint64 key of an n-gram of syllable ids (arrays or scalars)."""
    key = np.asarray(ids[0], dtype=np.uint64)
    for part in ids[1:]:
        key = (key << _SHIFT) | np.asarray(part, dtype=np.uint64)
    return key


def _merged(parts):
    """The sorted distinct keys of ``parts`` (``[(sorted distinct keys, counts)]``) with their counts summed.

    ``parts`` is emptied. The largest part (an update's whole previous model)
    is not sorted again: the others, summed, are added to its counts where it
    has their keys and inserted where it does not.
    """
    parts.sort(key=lambda part: len(part[0]))
    keys, counts = parts.pop()
    if parts:
        others, added = _summed(parts)
        at = np.searchsorted(keys, others)
        found = at < len(keys)
        found[found] = keys[at[found]] == others[found]
        counts[at[found]] += added[found]  # counts is the part's own, not a model's
        new = ~found
        keys, counts = np.insert(keys, at[new], others[new]), np.insert(counts, at[new], added[new])
    return keys, counts


def _summed(parts):
    """:func:`_merged` by sorting: ``parts`` emptied first, the keys sorted stably and summed a
    run at a time (about half the memory of ``np.unique(..., return_inverse=True)`` and a
    weighted ``bincount``)."""
    keys, counts = np.concatenate([k for k, _ in parts]), np.concatenate([c for _, c in parts])
    parts.clear()
    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], counts[order]
    del order
    starts = _run_starts(keys)
    return keys[starts], np.add.reduceat(counts, starts)


def _run_starts(values):
    """Where each run of equal values starts in sorted ``values`` (``np.unique``'s index, without sorting again).

    >>> _run_starts(np.array([3, 3, 5, 7, 7, 7])).tolist()
    [0, 2, 3]
    """
    if not len(values):
        return np.zeros(0, dtype=np.intp)
    return np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))


class AccentCounter:
    """Counts the syllables, pairs and triples of articles; :meth:`model` freezes them.

    Started from a saved model, it updates that model's counts: add the new
    and changed articles, remove the changed and deleted ones as they were,
    and the counts equal those of counting every article afresh.

    Memory grows with the distinct n-grams, not with the text: syllables are
    buffered as ids and their n-grams counted a million at a time.
    """

    def __init__(self, model=None):
        self.syllables = list(model.syllables) if model else []  # id -> canonical syllable
        self._ids = {syllable: i for i, syllable in enumerate(self.syllables)}
        self._seen = {}  # a word as written -> id, which skips canonical() for repeats
        self._buffers = {1: [], -1: []}  # syllable ids of text added, and removed
        self._unigrams = np.zeros(len(self.syllables), dtype=np.int64)
        self._parts = {2: [], 3: []}  # order -> [(keys, counts)]
        if model:
            self._unigrams += model.arrays["unigrams"]
            for order, keys, counts in ((2, "pair_keys", "pairs"), (3, "triple_keys", "triples")):
                self._parts[order].append(
                    (np.array(model.arrays[keys]), model.arrays[counts].astype(np.int64))
                )

    def add_article(self, title, body, sign=1):
        """Count an article's title (:data:`TITLE_WEIGHT` times) and body; or,
        with ``sign=-1``, take them back out."""
        for _ in range(TITLE_WEIGHT):
            self.add(title, sign)
        self.add(body, sign)

    def add(self, text, sign=1):
        buffer, seen = self._buffers[sign], self._seen
        for run in RUN_RE.findall(nfc(text)):
            for word in run.split():
                i = seen.get(word)
                if i is None:
                    i = seen[word] = self._id(canonical(word))
                buffer.append(i)
            buffer.append(BREAK)
        if len(buffer) >= _FLUSH_TOKENS:
            self._flush(sign)

    def _id(self, syllable):
        i = self._ids.get(syllable)
        if i is None:
            if len(self.syllables) >= BREAK - 1:
                return BREAK  # out of ids (two million syllables): counted as a break
            i = self._ids[syllable] = len(self.syllables)
            self.syllables.append(syllable)
        return i

    def _flush(self, sign):
        ids = np.array(self._buffers[sign], dtype=np.uint64)
        self._buffers[sign].clear()
        if len(self._seen) > _FLUSH_TOKENS:
            self._seen.clear()  # bounded, whatever the archive's spellings
        known = ids[ids != BREAK]
        counts = sign * np.bincount(known.astype(np.int64), minlength=len(self.syllables))
        counts[: len(self._unigrams)] += self._unigrams
        self._unigrams = counts
        for order, parts in self._parts.items():
            grams = [ids[k : len(ids) - order + 1 + k] for k in range(order)]
            inside = np.logical_and.reduce([gram != BREAK for gram in grams])
            keys, counts = np.unique(_key(*(gram[inside] for gram in grams)), return_counts=True)
            parts.append((keys, sign * counts.astype(np.int64)))
            if sum(len(keys) for keys, _ in parts) > _MERGE_KEYS:
                self._merge(order)

    def _merge(self, order):
        """The counts of one order in one sorted part, without n-grams counted to zero."""
        parts = self._parts[order]
        if len(parts) > 1:
            keys, counts = _merged(parts)
            parts[:] = [(keys[counts > 0], counts[counts > 0])]
        return parts[0] if parts else (np.zeros(0, np.uint64), np.zeros(0, np.int64))

    def model(self):
        for sign in self._buffers:
            self._flush(sign)
        pair_keys, pairs = self._merge(2)
        triple_keys, triples = self._merge(3)
        n = len(self.syllables)
        firsts = (pair_keys >> _SHIFT).astype(np.int64)
        # How often each pair starts a triple, and before how many distinct syllables:
        # the triples are sorted, so a pair's are one run.
        histories = triple_keys >> _SHIFT
        start = _run_starts(histories)
        distinct = np.diff(np.append(start, len(histories)))
        histories = histories[start]
        at = np.searchsorted(pair_keys, histories)
        pair_context = np.zeros(len(pair_keys), np.int64)
        pair_followers = np.zeros(len(pair_keys), np.int64)
        if len(triples):
            pair_context[at] = np.add.reduceat(triples, start)
            pair_followers[at] = distinct
        arrays = {
            "unigrams": self._unigrams,
            "context": np.bincount(firsts, weights=pairs, minlength=n),
            "followers": np.bincount(firsts, minlength=n),
            "pair_keys": pair_keys,
            "pairs": pairs,
            "pair_context": pair_context,
            "pair_followers": pair_followers,
            "triple_keys": triple_keys,
            "triples": triples,
        }
        return AccentModel(
            list(self.syllables),
            {
                name: array if name.endswith("keys") else array.astype(np.uint32)
                for name, array in arrays.items()
            },
        )


class AccentModel:
    """The n-gram counts of an index's text, and the restoration built on them.

    ``arrays``: per syllable id ``unigrams``, ``context`` (pairs it starts)
    and ``followers`` (distinct syllables after it); per pair, sorted
    ``pair_keys`` with ``pairs``, ``pair_context`` and ``pair_followers``
    (the same for the pair as the start of a triple); sorted ``triple_keys``
    with ``triples``.
    """

    def __init__(self, syllables, arrays, lookups=None):
        """``syllables`` by id (a list, or packed); ``arrays`` the counts; ``lookups`` as :meth:`save` wrote them."""
        self.syllables = syllables if isinstance(syllables, PackedStrings) else PackedStrings.of(syllables)
        self.arrays = arrays
        # One more slot, all zero, for a word the model does not know.
        self._unknown = len(self.syllables)
        self._per_syllable = {
            name: np.append(np.asarray(arrays[name], dtype=np.float64), 0.0)
            for name in ("unigrams", "context", "followers")
        }
        self.total = float(self._per_syllable["unigrams"].sum()) or 1.0
        # A server process holds a model per generation: its lookups are
        # arrays and packed strings, not a Python object per syllable.
        by_text, form_keys, form_starts, form_ids = lookups or _lookups(self.syllables, arrays["unigrams"])
        self._by_text = by_text  # syllable ids in the order of their text
        self._form_keys, self._form_starts, self._form_ids = form_keys, form_starts, form_ids
        self._restore_cached = lru_cache(maxsize=1024)(lambda words: tuple(self._restore(words, {})))

    def _id(self, syllable):
        """The id of a (canonical) syllable, or None."""
        order, text = self._by_text, self.syllables
        at = bisect_left(order, syllable, key=lambda i: text[int(i)])
        return int(order[at]) if at < len(order) and text[int(order[at])] == syllable else None

    def _forms(self, folded):
        """The ids of a folded syllable's accented forms, most frequent first (at most :data:`CANDIDATES`)."""
        at = bisect_left(self._form_keys, folded)
        if at == len(self._form_keys) or self._form_keys[at] != folded:
            return []
        return self._form_ids[self._form_starts[at] : self._form_starts[at + 1]].tolist()

    def count(self, *words):
        """How often the syllables ``words`` (one to three) occur in a row.

        >>> counter = AccentCounter()
        >>> counter.add("Hội nghị cán bộ. Cán bộ trẻ")
        >>> m = counter.model()
        >>> m.count("cán", "bộ"), m.count("bộ", "cán"), m.count("hội", "nghị", "cán")
        (2, 0, 1)
        """
        ids = [self._id(canonical(w)) for w in words]
        if None in ids:
            return 0
        if len(ids) == 1:
            return int(self.arrays["unigrams"][ids[0]])
        keys, counts = (("pair_keys", "pairs"), ("triple_keys", "triples"))[len(ids) - 2]
        (n,) = _lookup(self.arrays[keys], _key(*ids), self.arrays[counts])
        return int(n)

    # -- persistence ---------------------------------------------------------

    def save(self, directory):
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "syllables.txt").write_text("\n".join(self.syllables), encoding="utf-8")
        for name in COUNTS:
            np.save(directory / f"{name}.npy", self.arrays[name])
        (directory / FORM_KEYS).write_text("\n".join(self._form_keys), encoding="utf-8")
        for name, array in zip(LOOKUPS, (self._by_text, self._form_starts, self._form_ids)):
            np.save(directory / f"{name}.npy", array)

    @classmethod
    def load(cls, directory):
        """The model saved in ``directory``, its arrays memory-mapped.

        A model saved before its lookups were (counts only) computes them.
        """
        directory = Path(directory)
        arrays = {name: np.load(directory / f"{name}.npy", mmap_mode="r") for name in COUNTS}
        lookups = None
        if (directory / FORM_KEYS).exists():
            by_text, form_starts, form_ids = (np.load(directory / f"{name}.npy") for name in LOOKUPS)
            lookups = (by_text, _read_lines(directory / FORM_KEYS), form_starts, form_ids)
        return cls(_read_lines(directory / "syllables.txt"), arrays, lookups)

    # -- restoration -----------------------------------------------------------

    def restore_words(self, words, spellings=None):
        """The most likely accented form of each (folded) word.

        A word the model does not know comes back as it was, in lower case.
        ``spellings`` maps a word's index to the folded syllables it may stand
        for instead (corrections of a typo): the search then also picks among
        their accented forms, so context decides both the spelling and the
        accents.

        >>> counter = AccentCounter()
        >>> counter.add("Hội nghị cán bộ. Cần làm ngay. Cần thiết. Cần cù")
        >>> counter.model().restore_words(["hoi", "nghi", "can", "bo"])
        ['hội', 'nghị', 'cán', 'bộ']
        >>> counter.model().restore_words(["can", "thiet", "laser"])
        ['cần', 'thiết', 'laser']
        """
        if not words:
            return []
        if not spellings:
            # A search restores the same query twice (to rank, to suggest).
            return list(self._restore_cached(tuple(w.lower() for w in words)))
        return self._restore(words, spellings)

    def _restore(self, words, spellings):
        lattice = [
            [i for syllable in spellings[k] for i in self._forms(syllable)]
            if spellings.get(k)
            else self._forms(fold(w)) or [self._unknown]
            for k, w in enumerate(words)
        ]
        # The states after each word: (previous id, this id, score); and for
        # each state the one it came from.
        current = np.array(lattice[0], dtype=np.int64)
        before = np.full(len(current), BREAK, dtype=np.int64)
        score = np.log(self._unigram(current))
        steps = [(current, None)]
        for candidates in lattice[1:]:
            candidates = np.array(candidates, dtype=np.int64)
            parent = np.repeat(np.arange(len(current)), len(candidates))
            following = np.tile(candidates, len(current))
            total = score[parent] + np.log(self._next(before, current, parent, following))
            # The best path into each (previous, this) pair, then the best BEAM of those.
            order = np.argsort(-total, kind="stable")
            _, first = np.unique(current[parent[order]] * (BREAK + 1) + following[order], return_index=True)
            keep = order[np.sort(first)][:BEAM]
            before, current, score = current[parent[keep]], following[keep], total[keep]
            steps.append((current, parent[keep]))
        at = int(np.argmax(score))
        path = []
        for ids, parents in reversed(steps):
            path.append(int(ids[at]))
            if parents is not None:
                at = int(parents[at])
        path.reverse()
        return [self.syllables[i] if i != self._unknown else w.lower() for i, w in zip(path, words)]

    def _unigram(self, ids):
        return (self._per_syllable["unigrams"][ids] + 0.5) / self.total

    def _next(self, first, second, parent, third):
        """P(third | first[parent], second[parent]) for arrays of ids (``first`` may be BREAK).

        ``first`` and ``second`` are the states', ``parent`` and ``third``
        each candidate's: what depends on the state alone is looked up once
        a state, not once a candidate.
        """
        arrays, per_syllable = self.arrays, self._per_syllable
        second_each = second[parent]
        (pair,) = _lookup(arrays["pair_keys"], _key(second_each, third), arrays["pairs"])
        p = _smooth(
            pair,
            per_syllable["context"][second_each],
            per_syllable["followers"][second_each],
            self._unigram(third),
        )
        context, followers = _lookup(
            arrays["pair_keys"],
            _key(first, second),
            arrays["pair_context"],
            arrays["pair_followers"],
        )
        (triple,) = _lookup(arrays["triple_keys"], _key(first[parent], second_each, third), arrays["triples"])
        return _smooth(triple, context[parent], followers[parent], p)

    def spellings(self, word):
        """The syllables the model knows one edit away from ``word`` (folded):
        a letter left out, added, changed, or two letters swapped.

        >>> counter = AccentCounter()
        >>> counter.add("Hội nghị cán bộ, nghe nhìn")
        >>> counter.model().spellings("nghj")
        ['nghe', 'nghi']
        """
        word = fold(word)
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        edits |= {a + c + b for a, b in splits for c in _LETTERS}
        edits.discard(word)
        return sorted(edit for edit in edits if self._forms(edit))

    def suggest(self, query):
        """The query with accents restored, or None when there is nothing to suggest.

        Only a query typed entirely without accents gets a suggestion; its
        punctuation and operators stay where they were.
        """
        query = nfc(query)
        matches = list(WORD_RE.finditer(query))
        if not matches or any(has_diacritics(m.group()) for m in matches):
            return None
        restored = self.restore_words([m.group() for m in matches])
        if all(r == m.group().lower() for r, m in zip(restored, matches)):
            return None
        return replace_words(query, matches, restored)


def _lookups(syllables, unigrams):
    """``(ids in text order, folded forms sorted, where each one's ids start, the ids)`` of a model.

    A folded form's ids are its accented syllables seen at least once, most
    frequent first (then by id), at most :data:`CANDIDATES` of them.
    """
    names = list(syllables)
    folded = fold_text("\n".join(names)).split("\n") if names else []
    counts = np.asarray(unigrams)
    seen = [i for i in range(len(folded)) if counts[i] > 0]  # not the syllables of removed articles only
    seen.sort(key=lambda i: (folded[i], -int(counts[i]), i))
    keys, starts, ids = [], [], []
    for i in seen:
        if not keys or keys[-1] != folded[i]:
            keys.append(folded[i])
            starts.append(len(ids))
        if len(ids) - starts[-1] < CANDIDATES:
            ids.append(i)
    starts.append(len(ids))
    by_text = sorted(range(len(names)), key=names.__getitem__)
    return (
        np.array(by_text, dtype=np.int32),
        PackedStrings.of(keys),
        np.array(starts, dtype=np.int64),
        np.array(ids, dtype=np.int32),
    )


def _read_lines(path):
    """A text file's lines, packed: the bytes read once, where each line starts found with numpy."""
    data = path.read_bytes()
    if not data:
        return PackedStrings(b"", np.zeros(1, dtype=np.int64))
    breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n"))
    starts = np.concatenate([[0], breaks + 1, [len(data) + 1]]) - np.arange(len(breaks) + 2)
    return PackedStrings(data.replace(b"\n", b""), starts.astype(np.int64))


def _lookup(keys, wanted, *values):
    """For each array of ``values`` (aligned with the sorted array ``keys``),
    its value at each of ``wanted``, or 0 where the key is absent; as floats."""
    if not len(keys):
        return [np.zeros(np.shape(wanted)) for _ in values]
    # Searched in order: numpy starts each search where the last ended, and
    # n-grams that share their first syllables are neighbours in ``keys``
    # (a memory-mapped file of millions): far fewer pages and cache lines touched.
    flat = np.ravel(wanted)
    order = np.argsort(flat, kind="stable")
    at = np.empty(len(flat), dtype=np.intp)
    at[order] = np.searchsorted(keys, flat[order])
    at = np.minimum(at, len(keys) - 1).reshape(np.shape(wanted))
    found = keys[at] == wanted
    return [np.where(found, column[at], 0).astype(np.float64) for column in values]


def _smooth(seen, context, followers, lower):
    """Interpolated absolute discounting: an n-gram seen ``seen`` times after a
    context seen ``context`` times before ``followers`` distinct syllables,
    backed off to ``lower`` (the probability one order down)."""
    return np.where(
        context > 0,
        (np.maximum(seen - DISCOUNT, 0) + DISCOUNT * followers * lower) / np.maximum(context, 1),
        lower,
    )
