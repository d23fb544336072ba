"""The postings of one open generation, as numpy arrays, and its columns.

:class:`Postings` is what scoring, filters and facets read: each term's
document numbers and frequencies (from the generation's arrays, or from
Whoosh for rarer folded syllables, cached), the per-field document lengths, the live
documents, the folded titles and leads, and what is derived from the
sortable columns (``year``, ``organisation``, ``date``, ``speaker_keys``),
once per generation.
"""

import threading
from collections import OrderedDict

import numpy as np

from ..analysis import is_counted
from ..errors import IndexCorrupt
from ..store.arrays import (
    META,
    Arrays,
    field_lengths,
    folded_lead,
    folded_title,
    leaves,
    live_mask,
    read_postings,
)

# Titles read from Whoosh for an index without arrays (an older generation).
CACHED_TITLES = 20_000
# Score vectors and postings read from Whoosh are cached up to this many
# bytes each, per process (the arrays' postings are read when needed).
# 64 MB each held a 179k worker at 425 MB private for no more requests a
# second (wrk, 2 workers: 94-95 req/s at 64 MB, 97-98 at 32, 95 at 16).
CACHE_BYTES = 32 * 1024 * 1024


class Postings:
    """Array view of one generation, built from a Whoosh searcher.

    ``arrays`` is the generation's arrays directory, written at reindex time
    (:func:`search_app.store.arrays.write_arrays`). Without it everything is
    read from Whoosh (slower to open and to warm).
    """

    def __init__(self, searcher, fields, arrays=None):
        self.searcher = searcher
        reader = searcher.reader()
        self.leaves = list(leaves(reader))
        self.size = reader.doc_count_all()
        self._arrays = Arrays(arrays, fields) if arrays is not None and Arrays.exist(arrays) else None
        self._filters = None  # the segments' term filters, when the arrays have them for these segments
        if self._arrays is not None and self._arrays.filters is not None:
            ids = [leaf.segment().segment_id() for leaf, _ in self.leaves]
            if ids != [segment_id for segment_id, _ in self._arrays.segments]:
                raise IndexCorrupt(
                    "the arrays' term filters are not those of the generation's segments", f"arrays/{META}"
                )
            self._filters = self._arrays.filters
        if self._arrays is not None:
            self.live, self.lengths = self._arrays.live, self._arrays.lengths
        else:
            self.live = live_mask(reader)
            self.lengths = {name: field_lengths(reader, name) for name in fields}
        self.count = int(self.live.sum())
        # A field no document has (no speakers anywhere) must not divide by zero.
        self.average = {
            name: (float(lengths[self.live].mean()) if self.count else 0.0) or 1.0
            for name, lengths in self.lengths.items()
        }
        self._cache = LruCache()  # (field, term) -> (docnums, frequencies)
        self._lock = threading.Lock()
        self._memos = {}
        self._titles = OrderedDict()

    # -- terms ---------------------------------------------------------------

    def docs(self, field, term):
        """Document numbers (sorted) that hold ``term`` in ``field``."""
        return self.entry(field, term)[0]

    def holders(self, field, term):
        """How many documents hold ``term`` in ``field`` (without reading the postings where the arrays say)."""
        if self._arrays is not None and (field, term) in self._arrays:
            return self._arrays.holders(field, term)
        return len(self.docs(field, term))

    def entry(self, field, term):
        """``(docnums, frequencies)`` of ``term`` in ``field``: from the arrays, or from Whoosh once (cached)."""
        key = (field, term)
        if self._arrays is not None and key in self._arrays:
            return self._arrays.postings(field, term)  # one read of the arrays, not worth a cache
        if self._arrays is not None and self._arrays.counted is not None and is_counted(term):
            return self._arrays.counted.postings(field, term)  # Whoosh does not hold them
        with self._lock:
            entry = self._cache.get(key)
            if entry is not None:
                self._cache.move_to_end(key)
                return entry
        entry = read_postings(self.leaves, self.live, field, term, self._filters)
        with self._lock:
            self._cache.remember(key, entry)
        return entry

    def folded_title(self, docnum):
        """A document's indexed title, folded, words joined by one space, with a space at each end."""
        if self._arrays is not None:
            return self._arrays.titles[docnum]
        with self._lock:
            title = self._titles.get(docnum)
        if title is None:
            title = folded_title(self.searcher.stored_fields(docnum).get("title") or "")
            with self._lock:
                self._titles[docnum] = title
                if len(self._titles) > CACHED_TITLES:
                    self._titles.popitem(last=False)
        return title

    def leads(self, docnums):
        """The leads of ``docnums`` (:func:`~search_app.store.arrays.folded_lead`), for the second pass."""
        if self._arrays is not None and self._arrays.has_leads:
            return [self._arrays.leads[docnum] for docnum in docnums]
        stored = (self.searcher.stored_fields(docnum) for docnum in docnums)  # arrays older than leads
        return [folded_lead(f.get("title") or "", f.get("body") or "") for f in stored]

    # -- columns (filters, facets, sorting) ------------------------------------

    def memo(self, key, compute):
        """``compute()``, once per generation (columns are read on first use)."""
        with self._lock:
            if key in self._memos:
                return self._memos[key]
        value = compute()
        with self._lock:
            return self._memos.setdefault(key, value)

    def column(self, name):
        """The values of a sortable field, one per document number, as a list read afresh.

        Not kept: what is derived from it (codes, the date order, the
        speakers) is, as arrays; the lists are a Python string a document
        (16 MB of a worker's heap at 179k articles, measured).
        """
        reader = self.searcher.reader()
        return list(reader.column_reader(name)) if reader.has_column(name) else []

    def codes(self, name):
        """``(codes array, values list)``: each document's value as a small integer.

        Code 0 is always "no value" (an empty string, or 0 for a year).
        """

        def compute():
            values = self.column(name)
            index = {"": 0}
            codes = np.fromiter(
                (index.setdefault(v or "", len(index)) for v in values), dtype=np.int64, count=len(values)
            )
            return codes, list(index)

        return self.memo(("codes", name), compute)

    def newest_rank(self):
        """Each document's place when sorted newest first (full dates before bare years)."""

        def compute():
            dates, years = self.column("date"), self.column("year")
            order = sorted(range(self.size), key=lambda d: (dates[d] or "", years[d] or 0), reverse=True)
            rank = np.empty(self.size, dtype=np.int64)
            rank[order] = np.arange(self.size)
            return rank

        return self.memo("newest", compute)


class LruCache(OrderedDict):
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
