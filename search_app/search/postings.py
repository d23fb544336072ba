"""The postings of one open generation, as numpy arrays, and its columns.

:class:`Postings` is what scoring, filters and facets read: each term's
document numbers and frequencies (and a syllable's positions, for phrases)
from the generation's arrays, the per-field document lengths, the live
documents, the folded titles and leads, and what is derived from the
sortable columns (``year``, ``organisation``, ``date``, ``speaker_keys``),
once per generation.
"""

import threading

import numpy as np

from ..errors import IndexCorrupt
from ..store.arrays import META, Arrays, leaves


class Postings:
    """Array view of one generation: its arrays (:func:`search_app.store.arrays.write_arrays`) and its searcher.

    Raises :class:`~search_app.errors.IndexCorrupt` when the arrays are
    missing, of another format, or not those of the searcher's segments.
    """

    def __init__(self, searcher, fields, arrays):
        self.searcher = searcher
        reader = searcher.reader()
        self.size = reader.doc_count_all()
        self._arrays = Arrays(arrays, fields)
        segments = [[leaf.segment().segment_id(), leaf.doc_count_all()] for leaf, _ in leaves(reader)]
        if segments != self._arrays.segments or len(self._arrays.live) != self.size:
            raise IndexCorrupt("the arrays are not those of the generation's segments", f"arrays/{META}")
        self.live, self.lengths = self._arrays.live, self._arrays.lengths
        self.count = int(self.live.sum())
        # A field no document has (no speakers anywhere) must not divide by zero.
        self.average = {
            name: (float(lengths[self.live].mean()) if self.count else 0.0) or 1.0
            for name, lengths in self.lengths.items()
        }
        self._lock = threading.Lock()
        self._memos = {}

    # -- terms ---------------------------------------------------------------

    def docs(self, field, term):
        """Document numbers (sorted) that hold ``term`` in ``field``."""
        return self._arrays.table.postings(field, term)[0]  # the frequencies not made float32: unused

    def holders(self, field, term):
        """How many documents hold ``term`` in ``field`` (without reading its postings)."""
        return self._arrays.table.count(field, term)

    def entry(self, field, term):
        """``(docnums, frequencies)`` of ``term`` in ``field`` (live documents only; frequencies as float32).

        The docnums are numpy's index type: indexing with int32 costs twice
        as much (numpy converts the index element by element).
        """
        docs, tf = self._arrays.table.postings(field, term)
        return docs.astype(np.intp), tf.astype(np.float32)

    def phrase(self, field, syllables):
        """Documents that hold the folded ``syllables`` one after another in ``field`` (sorted)."""
        found = None
        for offset, syllable in enumerate(syllables):
            docs, tf, positions = self._arrays.table.positions(field, syllable)
            # Where the phrase would start: this syllable's position less its place in the phrase.
            starts = np.repeat(docs, tf).astype(np.int64) << 32 | (
                positions.astype(np.int64) + len(syllables) - offset
            )
            found = starts if found is None else np.intersect1d(found, starts, assume_unique=True)
            if not found.size:
                break
        return np.unique(found >> 32) if found is not None else np.zeros(0, dtype=np.int64)

    def folded_title(self, docnum):
        """A document's indexed title, folded, words joined by one space, with a space at each end."""
        return self._arrays.titles[docnum]

    def leads(self, docnums):
        """The leads of ``docnums`` (:func:`~search_app.store.arrays.folded_lead`), for the second pass."""
        return [self._arrays.leads[docnum] for docnum in docnums]

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
        """Each document's place when sorted newest first (full dates before bare years), then by id."""

        def compute():
            dates, years, by_id = self.column("date"), self.column("year"), self.id_rank()
            order = sorted(
                range(self.size), key=lambda d: (dates[d] or "", years[d] or 0, -by_id[d]), reverse=True
            )
            return _places(order)

        return self.memo("newest", compute)

    def id_rank(self):
        """Each document's place when sorted by id: what equal scores and dates go by.

        Not the document numbers: a build's writer processes store the
        documents in whatever order they finish, and two builds of the same
        articles must answer alike.
        """

        def compute():
            ids = self.column("id")
            return _places(sorted(range(self.size), key=ids.__getitem__))

        return self.memo("ids", compute)


def _places(order):
    """``place[d]``: where document ``d`` is in ``order`` (a list of every document number)."""
    place = np.empty(len(order), dtype=np.int64)
    place[order] = np.arange(len(order))
    return place
