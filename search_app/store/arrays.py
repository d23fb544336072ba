"""The arrays of a generation: its postings, and what scoring and the second pass read per document.

Whoosh stores the documents and their columns; it does not index their
text. At reindex time :func:`write_arrays` writes every term's postings
into one table (:mod:`search_app.store.terms`), from what the writers
spilled and, for an update, from the previous generation's arrays, with
each field's document lengths, the live-document mask, the folded titles
and leads; :mod:`search_app.search.postings` reads them a term or a
document at a time::

    arrays/meta.json            {"format": 4, "segments": [[Whoosh segment id, documents], ...]}
    arrays/terms-*              every term's postings (:mod:`search_app.store.terms`)
    arrays/live.npy             which document numbers are live (not deleted)
    arrays/lengths-<field>.npy  each document's length in the field (its terms' frequencies, summed)
    arrays/titles.bin, .npy     each document's indexed title, folded (:func:`folded_title`)
    arrays/leads.bin, .npy      each document's lead (:func:`folded_lead`)

A ``.bin`` holds one UTF-8 string per document, one after another; its
``.npy`` where each starts (int64), and where the last ends. Both are read a
document at a time with ``pread`` (a search reads a few titles, for the
title-phrase bonus, and 30 leads), so a server process holds neither. The
leads are not compressed (format 4): inflating 30 of them cost a search
0.23 ms, more than reading them; they take 58 MB at 50k instead of 24.

Arrays of another format (written by an earlier version, when Whoosh held
the postings) are refused with a message that says to reindex.
"""

import json
import re

import numpy as np
from whoosh.util.numeric import byte_to_length, length_to_byte

from ..errors import IndexCorrupt
from ..text import WORD_RE, fold, fold_text
from .files import StringsFile, write_strings
from .terms import TermTable, write_table

FORMAT = 4
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


def write_arrays(reader, directory, fields, spills, previous=None):
    """Write the arrays of the generation ``reader`` reads into ``directory``.

    ``spills`` ``{segment id: SavedSpill}``: the postings and field lengths
    of the documents this run's writers added. ``previous`` is ``(arrays
    directory, id of each document)`` of the generation this one was
    updated from: every other live document is one of its documents, found
    by id, whose postings, lengths, title and lead are carried over.
    """
    directory.mkdir(exist_ok=True)
    segments, live = leaves(reader), live_mask(reader)
    before = Arrays(previous[0], fields) if previous is not None else None
    placed, carried = _place_documents(reader, segments, live, spills, before, previous)
    write_table(directory, live, placed, before.table if before is not None else None, carried)
    np.save(directory / "live.npy", live)
    for name in fields:
        lengths = np.zeros(len(live), dtype=np.float32)
        for first, spill in placed:
            lengths[first : first + len(spill)] = whoosh_lengths(spill.lengths[name])
        if before is not None:
            held = carried >= 0
            lengths[carried[held]] = before.lengths[name][held]
        np.save(directory / f"lengths-{name}.npy", lengths)
    _write_strings(directory, placed, len(live), before, carried)
    listed = [[leaf.segment().segment_id(), leaf.doc_count_all()] for leaf, _ in segments]
    (directory / META).write_text(json.dumps({"format": FORMAT, "segments": listed}), "utf-8")


def _write_strings(directory, placed, size, before, carried):
    """The folded titles and leads: a spilled document's from its spill, a carried one's copied."""
    files = [[deleted] * size for deleted in _DELETED]
    for first, spill in placed:
        for strings, spilled in zip(files, spill.strings):
            strings[first : first + len(spill)] = spilled
    if before is not None:
        for d in np.flatnonzero(carried >= 0).tolist():
            n = int(carried[d])
            files[0][n], files[1][n] = before.titles.raw(d), before.leads.raw(d)
    write_strings(directory, TITLES, files[0])
    write_strings(directory, LEADS, files[1])


def _place_documents(reader, segments, live, spills, before, previous):
    """``([(first document number, spill)], carried)``: where each document's postings come from.

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
            raise IndexCorrupt(
                f"the postings spilled for segment {segment_id} are not those of its documents"
            )
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
            raise IndexCorrupt(f"document {ids[n]!r} has no postings: no writer added it")
        carried[d] = n
    return placed, carried


def whoosh_lengths(lengths):
    """Field lengths as Whoosh keeps them (a byte each, exact up to 11), so scores are what they were."""
    values, places = np.unique(np.asarray(lengths, dtype=np.int64), return_inverse=True)
    kept = [byte_to_length(length_to_byte(int(v))) for v in values]
    return np.array(kept, dtype=np.float32)[places]


def check_format(directory):
    """The arrays' meta, read; raises :class:`~search_app.errors.IndexCorrupt` when they are missing or of another format."""
    try:
        meta = json.loads((directory / META).read_text("utf-8"))
    except FileNotFoundError:
        raise IndexCorrupt(f"the generation has no arrays/{META}", f"arrays/{META}") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise IndexCorrupt(
            "this index was written by an earlier version of search-app: "
            "run `search-app reindex` to rebuild it",
            f"arrays/{META}",
        )
    return meta


def arrays_current(directory):
    """Whether the arrays in ``directory`` are of this version's format (an update can keep them)."""
    try:
        check_format(directory)
    except IndexCorrupt:
        return False
    return True


class Arrays:
    """The arrays of one generation, opened: small parts loaded, the rest read on demand.

    Raises :class:`~search_app.errors.IndexCorrupt` for arrays of another
    format: an index written by an earlier version, which a reindex rebuilds.
    """

    def __init__(self, directory, fields):
        meta = check_format(directory)
        self.segments = meta["segments"]  # [segment id, documents] of each Whoosh segment, in order
        self.live = np.load(directory / "live.npy")
        self.lengths = {name: np.load(directory / f"lengths-{name}.npy") for name in fields}
        # A search reads about forty titles and leads: where each starts is kept (8 bytes a document).
        self.titles = StringsFile(directory, TITLES, starts_in_memory=True)
        self.leads = StringsFile(directory, LEADS, starts_in_memory=True)
        self.table = TermTable(directory)


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


def document_strings(title, body):
    """What the titles and leads files hold of a document, as bytes: its folded title, its lead.

    Made by the writers, which spill them (:class:`~search_app.store.terms.Spill`).
    """
    return folded_title(title).encode("utf-8"), folded_lead(title, body).encode("utf-8")


# What the titles and leads files hold of a deleted document (never read).
_DELETED = document_strings("", "")
