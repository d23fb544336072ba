"""Scoring on arrays: the postings of one index generation, read once from Whoosh.

Whoosh stores the index, but its matchers walk postings one document at a
time in Python: a question of ten common syllables over 50,000 articles
takes it a quarter of a second. Here each term's postings are read from
Whoosh's blocks once into numpy arrays (cached), and a query is scored with a
few vector operations over every document at once, in milliseconds.

:class:`Postings` is that view of one generation: per-field document
lengths, the live documents, cached BM25 score vectors per term, and the
columns the facets and the date sort need. The searcher decides *what* to
score (:mod:`search_app.searcher`); this module only knows *how*.
"""

import json
import math
import os
import threading
import weakref
from collections import Counter, OrderedDict, defaultdict

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher

from .extract import foreign_word
from .text import WORD_RE, fold

# BM25 parameters, as Whoosh's defaults.
K1 = 1.2
B = 0.75
# Titles read from Whoosh for an index without arrays (an older generation).
CACHED_TITLES = 20_000
# Score vectors and postings read from Whoosh are cached up to this many
# bytes each, per process (the arrays' postings are read when needed).
CACHE_BYTES = 64 * 1024 * 1024


ARRAYS_DIR = "arrays"
# A foreign surname written alone ("trump") is taken for the full name that
# holds at least this share of the articles naming someone of that surname.
ALIAS_SHARE = 0.8
# Terms in at least this many documents are written to the generation's
# arrays at reindex time; rarer ones are read from Whoosh on demand (a block
# or two, fast).
ARRAY_MIN_DOCS = 50


class Postings:
    """Array view of one generation, built from a Whoosh searcher.

    ``arrays`` is the generation's :data:`ARRAYS_DIR`, written by
    :func:`write_arrays` at reindex time: the frequent terms' postings and
    the field lengths, read a term at a time (the page cache shares them).
    Without it everything is read from Whoosh (slower to open and to warm).
    """

    def __init__(self, searcher, fields, arrays=None):
        self.searcher = searcher
        reader = searcher.reader()
        self.leaves = list(_leaves(reader))
        self.size = reader.doc_count_all()
        self._stored_terms = {}
        self._folded_titles = None
        if arrays is not None and (arrays / "meta.json").exists():
            self._open_arrays(arrays, fields)
        else:
            self.live = np.zeros(self.size, dtype=bool)
            self.live[list(reader.all_doc_ids())] = True
            self.lengths = {name: self._read_lengths(name) for name in fields}
        self.count = int(self.live.sum())
        # A field no document has (no speakers anywhere) must not divide by zero.
        self.average = {
            name: (float(lengths[self.live].mean()) if self.count else 0.0) or 1.0
            for name, lengths in self.lengths.items()
        }
        self._cache = _Cache()  # (field, term) -> (docnums, frequencies)
        self._scores = _Cache()  # (term, fields) -> (docnums, scores)
        self._lock = threading.Lock()
        self._columns = {}
        self._titles = OrderedDict()

    def _read_lengths(self, name):
        lengths = np.zeros(self.size, dtype=np.float32)
        for leaf, offset in self.leaves:
            for n in range(leaf.doc_count_all()):
                lengths[offset + n] = leaf.doc_field_length(n, name, 0) or 0  # None when 0
        return lengths

    def _open_arrays(self, arrays, fields):
        meta = json.loads((arrays / "meta.json").read_text("utf-8"))
        self.live = np.load(arrays / "live.npy")
        self.lengths = {name: np.load(arrays / f"lengths-{name}.npy") for name in fields}
        self._folded_titles = json.loads((arrays / "titles.json").read_text("utf-8"))
        self._docs_file = _ArrayFile(arrays / "docs.npy")
        self._tf_file = _ArrayFile(arrays / "tf.npy")
        self._stored_terms = {
            (name, term): (start, length)
            for name, terms in meta["terms"].items()
            for term, (start, length) in terms.items()
        }

    # -- terms ---------------------------------------------------------------

    def docs(self, field, term):
        """Document numbers (sorted) that hold ``term`` in ``field``."""
        return self._entry(field, term)[0]

    def scores(self, fields, term):
        """``(docnums, BM25F scores)`` of ``term`` over ``fields`` (``{name: weight}``).

        BM25F: the term's length-normalised frequency in each field, times
        the field's weight, is summed into one frequency that saturates once,
        so a word in a short title counts like a few more mentions in the
        body, not like a second document's worth of evidence.
        """
        key = (term, tuple(sorted(fields.items())))
        with self._lock:
            cached = self._scores.get(key)
        if cached is not None:
            return cached
        pooled = None
        for name, weight in fields.items():
            docs, tf = self._entry(name, term)
            if not len(docs):
                continue
            if pooled is None:
                pooled = np.zeros(self.size, dtype=np.float32)
            norm = (1 - B) + B * self.lengths[name][docs] / self.average[name]
            pooled[docs] += weight * tf.astype(np.float32) / norm
        if pooled is None:
            result = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
        else:
            docs = np.flatnonzero(pooled != 0)  # a mask is searched faster than floats
            idf = math.log(1 + (self.count - len(docs) + 0.5) / (len(docs) + 0.5))
            tf = pooled[docs]
            result = (docs, (idf * tf * (K1 + 1) / (tf + K1)).astype(np.float32))
        with self._lock:
            self._scores.remember(key, result)
        return result

    def _entry(self, field, term):
        """``(docnums, frequencies)`` of ``term`` in ``field``: from the arrays, or from Whoosh once (cached)."""
        key = (field, term)
        if key in self._stored_terms:
            return self._read(field, term)  # one read of the arrays, not worth a cache
        with self._lock:
            entry = self._cache.get(key)
            if entry is not None:
                self._cache.move_to_end(key)
                return entry
        entry = self._read(field, term)
        with self._lock:
            self._cache.remember(key, entry)
        return entry

    def _read(self, field, term):
        stored = self._stored_terms.get((field, term))
        if stored is not None:
            start, length = stored
            return self._docs_file.read(start, length), self._tf_file.read(start, length)
        ids, weights = [], []
        btext = term.encode("utf-8")
        for leaf, offset in self.leaves:
            if (field, btext) not in leaf:
                continue
            matcher = leaf.postings(field, btext)
            leaf_ids, leaf_weights = _read_matcher(matcher)
            ids.append(np.asarray(leaf_ids, dtype=np.int64) + offset)
            weights.append(np.asarray(leaf_weights, dtype=np.float32))
        if not ids:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        docs, tf = np.concatenate(ids), np.concatenate(weights)
        keep = self.live[docs]
        return docs[keep], tf[keep]

    def folded_title(self, docnum):
        """A document's indexed title, folded, words joined by one space, with a space at each end."""
        if self._folded_titles is not None:
            return self._folded_titles[docnum]
        with self._lock:
            title = self._titles.get(docnum)
        if title is None:
            title = folded_title(self.searcher.stored_fields(docnum).get("title") or "")
            with self._lock:
                self._titles[docnum] = title
                if len(self._titles) > CACHED_TITLES:
                    self._titles.popitem(last=False)
        return title

    # -- columns (facets, sorting) -----------------------------------------------

    def _memo(self, key, compute):
        """``compute()``, once per generation (columns are read on first use)."""
        with self._lock:
            if key in self._columns:
                return self._columns[key]
        value = compute()
        with self._lock:
            return self._columns.setdefault(key, value)

    def column(self, name):
        """The values of a sortable field, one per document number, as a list."""
        reader = self.searcher.reader()
        return self._memo(
            ("column", name),
            lambda: list(reader.column_reader(name)) if reader.has_column(name) else [],
        )

    def codes(self, name):
        """``(codes array, values list)``: each document's value as a small integer.

        Code 0 is always "no value" (an empty string, or 0 for a year).
        """
        def compute():
            values = self.column(name)
            index = {"": 0}
            codes = np.fromiter(
                (index.setdefault(v or "", len(index)) for v in values), dtype=np.int64, count=len(values),
            )
            return codes, list(index)

        return self._memo(("codes", name), compute)

    def speakers(self):
        """``(docnums, codes, keys)``: one docnum and key code per speaker of each document.

        As in :meth:`codes`, code 0 (key "") is no one. A surname alone counts
        as its full name (:meth:`speaker_aliases`).
        """
        def compute():
            aliases = self.speaker_aliases()
            docs, codes, index = [], [], {"": 0}
            for docnum, value in enumerate(self.column("speaker_keys")):
                for key in sorted({aliases.get(k, k) for k in (value or "").split(",") if k}):
                    docs.append(docnum)
                    codes.append(index.setdefault(key, len(index)))
            return np.asarray(docs, dtype=np.int64), np.asarray(codes, dtype=np.int64), list(index)

        return self._memo("speakers", compute)

    def speaker_aliases(self):
        """``{surname key: full name key}`` across the articles: "trump" -> "donald trump".

        Only a foreign surname ("trump", "putin"), and only when one full name
        ending with it holds :data:`ALIAS_SHARE` of the articles naming such
        a person: a Vietnamese given name alone ("tám") is many people.
        """
        def compute():
            counts = Counter(
                key for value in self.column("speaker_keys") for key in (value or "").split(",") if key
            )
            fuller = defaultdict(list)
            for key in counts:
                if " " in key:
                    fuller[key.rsplit(" ", 1)[1]].append(key)
            aliases = {}
            for key in counts:
                if key in fuller and foreign_word(key.capitalize()):
                    best = max(fuller[key], key=lambda k: (counts[k], k))
                    if counts[best] >= ALIAS_SHARE * sum(counts[k] for k in fuller[key]):
                        aliases[key] = best
            return aliases

        return self._memo("aliases", compute)

    def newest_rank(self):
        """Each document's place when sorted newest first (full dates before bare years)."""
        def compute():
            dates, years = self.column("date"), self.column("year")
            order = sorted(range(self.size), key=lambda d: (dates[d] or "", years[d] or 0), reverse=True)
            rank = np.empty(self.size, dtype=np.int64)
            rank[order] = np.arange(self.size)
            return rank

        return self._memo("newest", compute)


class _Cache(OrderedDict):
    """An LRU dict of array tuples, bounded by :data:`CACHE_BYTES`."""

    def __init__(self):
        super().__init__()
        self.bytes = 0

    def remember(self, key, value):
        if key in self:
            self.bytes -= _nbytes(self.pop(key))
        self[key] = value
        self.bytes += _nbytes(value)
        while self.bytes > CACHE_BYTES and len(self) > 1:
            _, dropped = self.popitem(last=False)
            self.bytes -= _nbytes(dropped)


def _nbytes(value):
    return sum(a.nbytes for a in value if isinstance(a, np.ndarray))


class _ArrayFile:
    """A one-dimensional ``.npy`` file, read a slice at a time with ``os.pread``.

    Not memory-mapped: the page cache holds the file once for every server
    process, and the pages a search reads do not stay in the process's
    resident memory (see :mod:`search_app.segfiles`).
    """

    def __init__(self, path):
        with open(path, "rb") as f:
            version = np.lib.format.read_magic(f)
            read_header = {(1, 0): np.lib.format.read_array_header_1_0}.get(
                version, np.lib.format.read_array_header_2_0,
            )
            _, _, self.dtype = read_header(f)
            self.offset = f.tell()
        self.fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self.fd)

    def read(self, start, length):
        """Items ``start`` to ``start + length`` of the array."""
        size = self.dtype.itemsize
        return np.frombuffer(os.pread(self.fd, length * size, self.offset + start * size), self.dtype)


def write_arrays(searcher, directory, fields):
    """Write the arrays :class:`Postings` reads, for the generation ``searcher`` reads."""
    postings = Postings(searcher, fields)
    directory.mkdir(exist_ok=True)
    reader = searcher.reader()
    docs, tf, terms, start = [], [], {}, 0
    for name in fields:
        terms[name] = {}
        for text in _frequent_terms(reader, name):
            term_docs, term_tf = postings._read(name, text)
            docs.append(term_docs.astype(np.int32))
            tf.append(term_tf)
            terms[name][text] = (start, len(term_docs))
            start += len(term_docs)
    np.save(directory / "docs.npy", np.concatenate(docs) if docs else np.zeros(0, dtype=np.int32))
    tf = np.concatenate(tf) if tf else np.zeros(0, dtype=np.float32)
    # Frequencies are whole numbers, and small: two bytes each instead of four.
    if tf.size and tf.max() <= np.iinfo(np.uint16).max and np.array_equal(tf, np.round(tf)):
        tf = tf.astype(np.uint16)
    np.save(directory / "tf.npy", tf)
    np.save(directory / "live.npy", postings.live)
    titles = [""] * postings.size
    for docnum, stored in reader.iter_docs():
        titles[docnum] = folded_title(stored.get("title") or "")
    (directory / "titles.json").write_text(json.dumps(titles, ensure_ascii=False), "utf-8")
    for name in fields:
        np.save(directory / f"lengths-{name}.npy", postings.lengths[name])
    (directory / "meta.json").write_text(json.dumps({"terms": terms}, ensure_ascii=False), "utf-8")


def folded_title(title):
    return " " + " ".join(fold(w) for w in WORD_RE.findall(title)) + " "


def _leaves(reader):
    if reader.is_atomic():
        return [(reader, 0)]
    return reader.leaf_readers()


def _frequent_terms(reader, name):
    """The terms of field ``name`` in ``ARRAY_MIN_DOCS`` documents or more, in order.

    Counted segment by segment: the merged view of all segments looks every
    term up in every segment, which took longer than reading the postings.
    """
    frequency = Counter()
    for leaf, _ in reader.leaf_readers():
        for text, info in leaf.iter_field(name):
            frequency[text.decode("utf-8") if isinstance(text, bytes) else text] += info.doc_frequency()
    return sorted(text for text, count in frequency.items() if count >= ARRAY_MIN_DOCS)


def _read_matcher(matcher):
    """All ``(ids, weights)`` of a posting list, a block at a time where we can.

    In a segment with deletions Whoosh wraps the list in a filter that skips
    deleted documents one posting at a time in Python (six times slower);
    the list is read unfiltered instead, and :class:`Postings` drops
    deleted documents with its live mask.
    """
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        matcher = matcher.child
        matcher.reset()
    if type(matcher) is not W3LeafMatcher:
        items = list(matcher.items_as("weight"))
        return [i for i, _ in items], [w for _, w in items]
    ids, weights = [], []
    while True:
        matcher._read_ids()
        matcher._read_weights()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        if matcher._lastblock:
            return ids, weights
        matcher._goto(matcher._nextoffset)

