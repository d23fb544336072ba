"""The posting arrays of a generation: its postings as flat arrays, with what the second pass reads.

Whoosh stores the index, but its matchers walk postings one document at a
time in Python. At reindex time :func:`write_arrays` writes every counted
term's postings (accented syllables and compound words, which Whoosh does
not hold: :mod:`search_app.store.counted`) and copies the postings of every
folded syllable in :data:`ARRAY_MIN_DOCS` or more documents out of Whoosh
into two flat arrays (document numbers and frequencies), with each field's
document lengths, the live-document mask and the folded titles;
:mod:`search_app.search.postings` reads them a term at a time. Rarer
syllables are read from Whoosh on demand (:func:`read_postings`: a block or
two, fast), in the segments whose term filter
(:mod:`search_app.store.termfilter`) says they may be::

    arrays/meta.json            {"terms": {field: {term: [start, length]}}}
    arrays/docs.npy, tf.npy     document numbers (int32) and frequencies, term after term
    arrays/counted-*            the counted terms (:mod:`search_app.store.counted`)
    arrays/live.npy             which document numbers are live (not deleted)
    arrays/lengths-<field>.npy  each document's length in the field (every term, counted ones too)
    arrays/titles.bin, .npy     each document's indexed title, folded (:func:`folded_title`)
    arrays/leads.bin, .npy      each document's lead (:func:`folded_lead`), zlib-compressed
    arrays/filters.npy          each segment's term filter (its span in meta.json's "filters")

A ``.bin`` holds one UTF-8 string per document, one after another; its
``.npy`` where each starts (int64), and where the last ends. Both are read a
document at a time with ``pread`` (a search reads a few titles, for the
title-phrase bonus, and 30 leads), so a server process holds neither.
Arrays written before these two (with ``titles.json``) are still read, and
an update of them reads everything again; arrays written before the counted
terms' table leave those terms in Whoosh, where they are read as rare ones.
"""

import json
import re
import zlib
from collections import Counter

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length, length_to_byte

from ..errors import IndexCorrupt
from ..text import WORD_RE, fold, fold_text
from . import termfilter
from .counted import CountedTerms, write_counted
from .files import ArrayFile, ByteFile
from .termfilter import TermFilters, build_filter, filter_key, save_filters

# Terms in at least this many documents are written to the arrays.
ARRAY_MIN_DOCS = 50
META = "meta.json"
TITLES, LEADS = "titles", "leads"
# A lead is the title and this much of the start of the body.
LEAD_CHARS = 1200
_LEAD_WORD_RE = re.compile(r"[^\W_]+")


def leaves(reader):
    """``[(segment reader, first document number)]`` of a Whoosh reader (none for an index without documents)."""
    if reader.is_atomic():
        return [(reader, 0)] if reader.segment() is not None else []
    return reader.leaf_readers()


def live_mask(reader):
    live = np.zeros(reader.doc_count_all(), dtype=bool)
    live[list(reader.all_doc_ids())] = True
    return live


def field_lengths(reader, name, segments=None):
    """Each document's length in field ``name``, over ``segments`` (by default all of them)."""
    segments = leaves(reader) if segments is None else segments
    lengths = []
    for leaf, _ in segments:
        # Whoosh gives None for a length of 0.
        lengths += [leaf.doc_field_length(n, name, 0) or 0 for n in range(leaf.doc_count_all())]
    return np.array(lengths, dtype=np.float32)


def read_postings(segments, live, field, term, filters=None):
    """``(docnums, frequencies)`` of ``term`` in ``field``, live documents only, read from Whoosh.

    ``filters``: the :class:`~search_app.store.termfilter.TermFilters` of
    ``segments``; a segment they say lacks the term is not looked up.
    """
    ids, weights = [], []
    btext = term.encode("utf-8")
    if filters is not None:
        segments = [segments[n] for n in filters.may_hold(field, btext)]
    for leaf, offset in segments:
        try:
            matcher = leaf.postings(field, btext)
        except TermNotFound:
            continue
        leaf_ids, leaf_weights = _read_matcher(matcher)
        ids.append(np.asarray(leaf_ids, dtype=np.int64) + offset)
        weights.append(np.asarray(leaf_weights, dtype=np.float32))
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    docs, tf = np.concatenate(ids), np.concatenate(weights)
    keep = live[docs]
    return docs[keep], tf[keep]


def write_arrays(reader, directory, fields, spills, previous=None):
    """Write the arrays of the generation ``reader`` reads into ``directory``.

    ``spills`` ``{segment id: SavedSpill}``: the counted terms and field
    lengths of the documents this run's writers added
    (:mod:`search_app.store.counted`). ``previous`` is ``(arrays directory,
    id of each document)`` of the generation this one was updated from:
    every other live document is one of its documents, found by id, whose
    counted terms and lengths are carried over. The segments an update leaves
    as they were come first, in their order (Whoosh appends what it writes or
    merges): the frequent terms' postings and the titles of their documents
    are taken from the previous arrays, and only the segments after them
    are read from Whoosh. Otherwise everything is.
    """
    directory.mkdir(exist_ok=True)
    segments, live = leaves(reader), live_mask(reader)
    before = Arrays(previous[0], fields) if previous is not None else None
    placed, carried = _place_documents(reader, segments, live, spills, before, previous)
    write_counted(directory, live, placed, before.counted if before is not None else None, carried)
    for name in fields:
        lengths = np.zeros(len(live), dtype=np.float32)
        for offset, spill in placed:
            lengths[offset : offset + len(spill)] = whoosh_lengths(spill.lengths[name])
        if before is not None:
            held = carried >= 0
            lengths[carried[held]] = before.lengths[name][held]
        np.save(directory / f"lengths-{name}.npy", lengths)
    previous = previous[0] if previous is not None else None
    listed = [[leaf.segment().segment_id(), leaf.doc_count_all()] for leaf, _ in segments]
    old, shared = _shared_segments(previous, fields, listed)
    kept = sum(count for _, count in listed[:shared])  # document numbers below this are in ``old``
    tail = segments[shared:]  # every segment when there is no ``old``
    docs, tf, terms, start = [], [], {}, 0
    keys = [[] for _ in tail]  # each segment's (field, term) keys, for its term filter
    for name in fields:
        terms[name] = {}
        frequent, in_tail = _frequent_terms(tail, name, old, segments[:shared], keys)
        for text in frequent:
            if old is not None and (name, text) in old:
                old_docs, old_tf = old.postings(name, text)
                keep = old_docs < kept
                keep[keep] = live[old_docs[keep]]
                new_docs, new_tf = read_postings(tail if text in in_tail else [], live, name, text)
                term_docs = np.concatenate([old_docs[keep], new_docs])
                term_tf = np.concatenate([old_tf[keep].astype(np.float32), new_tf])
            else:
                term_docs, term_tf = read_postings(segments, live, name, text)
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
    np.save(directory / "live.npy", live)
    titles = StringsWriter(directory, TITLES, old.titles.head(kept) if old is not None else None)
    leads = StringsWriter(
        directory, LEADS, old.leads.head(kept) if old is not None else None, compressed=True
    )
    for leaf, _ in tail:
        for n in range(leaf.doc_count_all()):
            stored = leaf.stored_fields(n)
            titles.add(folded_title(stored.get("title") or ""))
            leads.add(folded_lead(stored.get("title") or "", stored.get("body") or ""))
    titles.close()
    leads.close()
    filters = _kept_filters(old, segments[:shared], fields) + [build_filter(k) for k in keys]
    meta = {"terms": terms, "segments": listed, "filters": save_filters(directory, filters)}
    (directory / META).write_text(json.dumps(meta, ensure_ascii=False), "utf-8")


def _place_documents(reader, segments, live, spills, before, previous):
    """``([(first document number, spill)], carried)``: where each document's counted terms come from.

    ``carried[d]`` is the document number of the previous generation's
    document ``d`` in this one (-1: not carried). Raises
    :class:`~search_app.errors.IndexCorrupt` when a spill's documents are not
    those of its segment, or a live document is in no spill and not in the
    previous generation: its postings would be missing.
    """
    ids = list(reader.column_reader("id")) if segments else []
    firsts = {leaf.segment().segment_id(): first for leaf, first in segments}
    placed, spilled = [], np.zeros(len(live), dtype=bool)
    for segment_id, spill in spills.items():
        first = firsts.get(segment_id)
        if first is None or ids[first : first + len(spill)] != spill.ids:
            raise IndexCorrupt(f"the counted terms of segment {segment_id} are not those of its documents")
        placed.append((first, spill))
        spilled[first : first + len(spill)] = True
    carried = None
    if before is not None:
        old_ids = previous[1]
        found = {old_ids[d]: d for d in np.flatnonzero(before.live)}
        carried = np.full(len(old_ids), -1, dtype=np.int64)
    for n in np.flatnonzero(live & ~spilled):
        d = found.get(ids[n]) if before is not None else None
        if d is None:
            raise IndexCorrupt(f"document {ids[n]!r} has no counted terms: no writer added it")
        carried[d] = n
    return placed, carried


def whoosh_lengths(lengths):
    """Field lengths as Whoosh keeps them (a byte each, exact up to 11), so scores are what they were."""
    values, places = np.unique(np.asarray(lengths, dtype=np.int64), return_inverse=True)
    kept = [byte_to_length(length_to_byte(int(v))) for v in values]
    return np.array(kept, dtype=np.float32)[places]


def _shared_segments(previous, fields, listed):
    """``(the previous arrays, opened, how many first segments they share with listed)``, or ``(None, 0)``.

    Arrays written before titles and leads were strings files are not taken: everything is read again.
    """
    if previous is None or not Arrays.exist(previous) or not StringsFile.exists(previous, LEADS):
        return None, 0
    old = Arrays(previous, fields)
    shared = 0
    for before, now in zip(old.segments, listed):
        if before != now:
            break
        shared += 1
    return (old, shared) if shared else (None, 0)


class Arrays:
    """The arrays of one generation, opened: small parts loaded, postings read on demand."""

    def __init__(self, directory, fields):
        meta = json.loads((directory / META).read_text("utf-8"))
        self.live = np.load(directory / "live.npy")
        self.lengths = {name: np.load(directory / f"lengths-{name}.npy") for name in fields}
        self.has_leads = StringsFile.exists(directory, LEADS)
        if self.has_leads:
            self.titles = StringsFile(directory, TITLES)
            self.leads = StringsFile(directory, LEADS, compressed=True)
        else:  # written before strings files
            self.titles = json.loads((directory / "titles.json").read_text("utf-8"))
        # Every counted term's postings (none in arrays written before the table: Whoosh holds them).
        self.counted = CountedTerms(directory) if CountedTerms.exist(directory) else None
        self._docs = ArrayFile(directory / "docs.npy")
        self._tf = ArrayFile(directory / "tf.npy")
        self._terms = {
            (name, term): (start, length)
            for name, terms in meta["terms"].items()
            for term, (start, length) in terms.items()
        }
        # [segment id, documents] of each Whoosh segment, in order (not in arrays written before them).
        self.segments = meta.get("segments", [])
        self.filters = None  # arrays written before term filters have none
        if "filters" in meta:
            self.filters = TermFilters.load(directory, meta["filters"])
            if len(self.filters) != len(self.segments) or not self.filters.covered:
                raise IndexCorrupt(
                    f"arrays/{termfilter.FILE} does not hold the filters {META} lists",
                    f"arrays/{termfilter.FILE}",
                )

    def terms(self):
        """The ``(field, term)`` keys the arrays hold."""
        return self._terms.keys()

    @staticmethod
    def exist(directory):
        return (directory / META).exists()

    def __contains__(self, key):
        return key in self._terms

    def holders(self, field, term):
        """How many documents hold a term the arrays hold (they hold live documents only)."""
        return self._terms[(field, term)][1]

    def postings(self, field, term):
        """``(docnums, frequencies)`` of a term the arrays hold."""
        start, length = self._terms[(field, term)]
        return self._docs.read(start, length), self._tf.read(start, length)


class StringsFile:
    """One string per document, read a string at a time with ``pread``: ``<name>.bin`` and ``<name>.npy``.

    ``compressed``: each string is zlib-compressed.
    """

    def __init__(self, directory, name, compressed=False):
        self.name, self.compressed = f"{name}.bin", compressed
        self._starts = ArrayFile(directory / f"{name}.npy", "the count of documents says")
        self._data = ByteFile(directory / self.name, f"{name}.npy says")

    @staticmethod
    def exists(directory, name):
        return (directory / f"{name}.bin").exists()

    def __getitem__(self, docnum):
        start, end = (int(n) for n in self._starts.read(docnum, 2))
        data = self._data.read(start, end - start)
        try:
            return (zlib.decompress(data) if self.compressed else data).decode("utf-8")
        except (zlib.error, UnicodeDecodeError):
            raise IndexCorrupt(f"{self.name} is damaged: a string does not read", self.name) from None

    def head(self, count):
        """``(starts, bytes)`` of the first ``count`` strings, for an update to keep."""
        starts = self._starts.read(0, count + 1)
        return starts, self._data.read(0, int(starts[-1]))


class StringsWriter:
    """Writes a :class:`StringsFile`, after the ``kept`` strings ``(starts, bytes)`` of the previous one."""

    def __init__(self, directory, name, kept=None, compressed=False):
        self.path, self.compressed = directory / name, compressed
        starts, data = kept if kept is not None else (np.zeros(1, dtype=np.int64), b"")
        self.starts = [int(n) for n in starts]
        self.out = open(self.path.with_suffix(".bin"), "wb")
        self.out.write(data)

    def add(self, text):
        data = text.encode("utf-8")
        self.out.write(zlib.compress(data) if self.compressed else data)
        self.starts.append(self.out.tell())

    def close(self):
        self.out.close()
        np.save(self.path.with_suffix(".npy"), np.array(self.starts, dtype=np.int64))


def folded_lead(title, body):
    """What the second pass reads of a document: the folded words of its title and of its body's start.

    Each word has one space before and after it; a "|" stands between the
    title and the body, so the title's last word is not next to the body's
    first.

    >>> folded_lead("Hội nghị", "Sáng 5/1, hội nghị…")
    ' hoi nghi | sang 5 1 hoi nghi '
    """
    return _lead_words(title[:LEAD_CHARS]) + "|" + _lead_words(body[:LEAD_CHARS])


def _lead_words(text):
    return " " + " ".join(_LEAD_WORD_RE.findall(fold_text(text))) + " "


def folded_title(title):
    """A title folded, words joined by one space, with a space at each end."""
    return " " + " ".join(fold(w) for w in WORD_RE.findall(title)) + " "


def _kept_filters(old, kept, fields):
    """The term filters of the ``kept`` segments: the previous arrays', or made again when they have none."""
    if old is not None and old.filters is not None:
        return [old.filters.bits(segment) for segment in range(len(kept))]
    return [build_filter(_segment_keys(leaf, fields)) for leaf, _ in kept]


def _segment_keys(leaf, fields):
    for name in fields:
        for text, _ in leaf.iter_field(name):
            yield filter_key(name, _as_bytes(text))


def _as_bytes(text):
    return text if isinstance(text, bytes) else text.encode("utf-8")


def _frequent_terms(segments, name, old=None, before=(), keys=None):
    """``(the terms of field name in ARRAY_MIN_DOCS documents or more, in order, the terms of segments)``.

    Counted segment by segment over ``segments``: the merged view of all
    segments looks every term up in every segment, which took longer than
    reading the postings. With ``old`` (the previous arrays, which hold the
    segments ``before``; ``segments`` are the ones after them), the terms
    it holds, and the terms of ``segments`` frequent over both. ``keys``
    (a list per segment) gets each term's :func:`filter_key`.
    """
    frequency = Counter()
    for position, (leaf, _) in enumerate(segments):
        for text, info in leaf.iter_field(name):
            btext = _as_bytes(text)
            frequency[btext.decode("utf-8")] += info.doc_frequency()
            if keys is not None:
                keys[position].append(filter_key(name, btext))
    if old is None:
        return sorted(text for text, count in frequency.items() if count >= ARRAY_MIN_DOCS), frequency
    frequent = {text for field, text in old.terms() if field == name}
    for text, count in frequency.items():
        if text not in frequent:
            btext = text.encode("utf-8")
            count += sum(leaf.doc_frequency(name, btext) for leaf, _ in before)
            if count >= ARRAY_MIN_DOCS:
                frequent.add(text)
    return sorted(frequent), frequency


def _read_matcher(matcher):
    """All ``(ids, weights)`` of a posting list, a block at a time where we can.

    In a segment with deletions Whoosh wraps the list in a filter that skips
    deleted documents one posting at a time in Python (six times slower);
    the list is read unfiltered instead, and the caller drops deleted
    documents with the live mask.
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
