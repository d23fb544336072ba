"""Counted terms: the index terms whose postings hold a count and no positions, kept out of Whoosh.

Accented syllables and compound words are scored, never matched as
phrases (:func:`search_app.analysis.index_terms`). Their postings are
written once, into a table of the generation's arrays, instead of into
Whoosh's segments and then read back out of them.

A writer keeps what it adds in a :class:`Spill`: per field, each posting's
term, its document's number in the segment and its count, and each
document's field length (Whoosh counts only the syllables it holds). The
spill is saved beside the segment, named by the segment's id
(:func:`spill_path`). :func:`write_counted` then makes one table of the
spills and of the previous generation's table, renumbered::

    arrays/counted-keys.bin, .npy   every "field<TAB>term" key, sorted (UTF-8, and where each starts)
    arrays/counted-spans.npy        where each key's postings start, and where the last ends (int64)
    arrays/counted-docs.npy, -tf.npy  document numbers (int32) and counts, key after key

:class:`CountedTerms` finds a key through a sparse index of every
:data:`BLOCK`-th key held in memory and one block read with ``pread``.
"""

import bisect
import json

import numpy as np

from ..errors import IndexCorrupt
from .files import ArrayFile, ByteFile

BLOCK = 64
NAME = "counted"
SPILL_PREFIX, SPILL_SUFFIX = "spill-", ".npz"  # not a name Whoosh takes for its own and cleans up


def spill_path(folder, segment_id):
    """Where the spill of segment ``segment_id`` is saved (beside Whoosh's segment files)."""
    return folder / f"{SPILL_PREFIX}{segment_id}{SPILL_SUFFIX}"


def spill_segment(path):
    """The segment id a spill file is named for."""
    return path.name[len(SPILL_PREFIX) : -len(SPILL_SUFFIX)]


def key(field, term):
    return f"{field}\t{term}"


class Spill:
    """The counted terms and field lengths of the documents one writer adds, in the order it adds them."""

    def __init__(self, fields):
        self.fields = tuple(fields)
        self.ids = []  # each document's id, to check the numbering against Whoosh's
        self._terms = {name: {} for name in self.fields}  # term -> its number in this spill
        self._postings = {name: ([], [], []) for name in self.fields}  # term numbers, documents, counts
        self._lengths = {name: [] for name in self.fields}

    def __len__(self):
        return len(self.ids)

    def add(self, doc_id, counts, lengths):
        """Add the next document: ``counts`` ``{field: {term: count}}``, ``lengths`` ``{field: length}``."""
        docnum = len(self.ids)
        self.ids.append(doc_id)
        for name in self.fields:
            found = counts.get(name) or {}
            numbers, docs, tf = self._postings[name]
            terms = self._terms[name]
            numbers.extend([terms.setdefault(term, len(terms)) for term in found])
            docs.extend([docnum] * len(found))
            tf.extend(found.values())
            self._lengths[name].append(lengths.get(name, 0))

    def save(self, path):
        arrays = {"ids": _encode(self.ids)}
        for name in self.fields:
            numbers, docs, tf = self._postings[name]
            arrays[f"{name}.terms"] = _encode(list(self._terms[name]))
            arrays[f"{name}.term"] = np.array(numbers, dtype=np.int32)
            arrays[f"{name}.doc"] = np.array(docs, dtype=np.int32)
            arrays[f"{name}.count"] = np.array(tf, dtype=np.uint32)
            arrays[f"{name}.lengths"] = np.array(self._lengths[name], dtype=np.int64)
        with open(path, "wb") as out:
            np.savez(out, **arrays)


class SavedSpill:
    """A spill read back: ``ids``, and per field ``terms``, the postings and the lengths."""

    def __init__(self, path, fields):
        with np.load(path) as saved:
            self.ids = _decode(saved["ids"])
            self.terms = {name: _decode(saved[f"{name}.terms"]) for name in fields}
            self.postings = {
                name: (saved[f"{name}.term"], saved[f"{name}.doc"], saved[f"{name}.count"]) for name in fields
            }
            self.lengths = {name: saved[f"{name}.lengths"] for name in fields}

    def __len__(self):
        return len(self.ids)


def _encode(strings):
    return np.frombuffer(json.dumps(strings, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def _decode(array):
    return json.loads(array.tobytes().decode("utf-8"))


def write_counted(directory, live, spills, previous=None, carried=None):
    """Write the counted-terms table of a generation of ``len(live)`` documents into ``directory``.

    ``spills``: ``[(first document number of its segment, SavedSpill)]``.
    ``previous``: the previous generation's :class:`CountedTerms`, whose
    document ``d`` is this generation's ``carried[d]`` (-1: not carried).
    Only live documents' postings are written.
    """
    parts = []  # (keys, key numbers, documents, counts)
    if previous is not None:
        keys, spans = previous.all_keys(), previous.spans()
        docs = carried[previous.docs()]
        numbers = np.repeat(np.arange(len(keys), dtype=np.int64), np.diff(spans))
        parts.append((keys, numbers, docs, previous.tf()))
    for offset, spill in spills:
        for name, (numbers, docs, tf) in spill.postings.items():
            keys = [key(name, term) for term in spill.terms[name]]
            parts.append((keys, numbers.astype(np.int64), docs.astype(np.int64) + offset, tf))
    every = sorted({k for keys, *_ in parts for k in keys})
    place = {k: n for n, k in enumerate(every)}
    numbers, docs, tf = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0, np.uint32)]
    for keys, key_numbers, key_docs, key_tf in parts:
        renumber = np.array([place[k] for k in keys], dtype=np.int64)
        keep = key_docs >= 0
        keep[keep] = live[key_docs[keep]]
        numbers.append(renumber[key_numbers[keep]])
        docs.append(key_docs[keep])
        tf.append(key_tf[keep].astype(np.uint32))
    numbers, docs, tf = np.concatenate(numbers), np.concatenate(docs), np.concatenate(tf)
    order = np.argsort(numbers << 32 | docs, kind="stable")
    numbers, docs, tf = numbers[order], docs[order], tf[order]
    counts = np.bincount(numbers, minlength=len(every))
    held = np.flatnonzero(counts)  # a key whose documents all went holds nothing
    spans = np.zeros(len(held) + 1, dtype=np.int64)
    np.cumsum(counts[held], out=spans[1:])
    _save_strings(directory / f"{NAME}-keys", [every[n] for n in held])
    np.save(directory / f"{NAME}-spans.npy", spans)
    np.save(directory / f"{NAME}-docs.npy", docs.astype(np.int32))
    small = not tf.size or tf.max() <= np.iinfo(np.uint16).max
    np.save(directory / f"{NAME}-tf.npy", tf.astype(np.uint16 if small else np.uint32))


def _save_strings(path, strings):
    encoded = [s.encode("utf-8") for s in strings]
    starts = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=starts[1:])
    path.with_suffix(".bin").write_bytes(b"".join(encoded))
    np.save(path.with_suffix(".npy"), starts)


class CountedTerms:
    """A generation's counted-terms table, opened: a sparse index in memory, the rest read on demand."""

    def __init__(self, directory):
        self._starts = ArrayFile(directory / f"{NAME}-keys.npy", "the count of keys says")
        self._data = ByteFile(directory / f"{NAME}-keys.bin", f"{NAME}-keys.npy says")
        self._spans = ArrayFile(directory / f"{NAME}-spans.npy", "the count of keys says")
        self._docs = ArrayFile(directory / f"{NAME}-docs.npy", f"{NAME}-spans.npy says")
        self._tf = ArrayFile(directory / f"{NAME}-tf.npy", f"{NAME}-spans.npy says")
        self.size = self._starts.length - 1
        self._sparse = [self._block(b)[0] for b in range(0, self.size, BLOCK)]

    @staticmethod
    def exist(directory):
        return (directory / f"{NAME}-spans.npy").exists()

    def _block(self, first):
        """The keys ``first`` to ``first + BLOCK`` (fewer at the end)."""
        starts = self._starts.read(first, min(BLOCK, self.size - first) + 1)
        data = self._data.read(int(starts[0]), int(starts[-1] - starts[0]))
        ends = (starts - starts[0]).tolist()
        try:
            return [data[a:b].decode("utf-8") for a, b in zip(ends, ends[1:])]
        except UnicodeDecodeError:
            raise IndexCorrupt(
                f"{NAME}-keys.bin is damaged: a key does not read", f"{NAME}-keys.bin"
            ) from None

    def _find(self, field, term):
        """The key's number, or None."""
        wanted = key(field, term)
        block = bisect.bisect_right(self._sparse, wanted) - 1
        if block < 0:
            return None
        keys = self._block(block * BLOCK)
        n = bisect.bisect_left(keys, wanted)
        return block * BLOCK + n if n < len(keys) and keys[n] == wanted else None

    def postings(self, field, term):
        """``(docnums, counts)`` of a counted term (empty when no live document holds it)."""
        n = self._find(field, term)
        if n is None:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=self._tf.dtype)
        start, end = (int(s) for s in self._spans.read(n, 2))
        return self._docs.read(start, end - start), self._tf.read(start, end - start)

    # What an update reads of the previous table, whole.

    def all_keys(self):
        bounds = self._starts.read(0, self.size + 1).tolist()
        data = self._data.read(0, bounds[-1])
        return [data[a:b].decode("utf-8") for a, b in zip(bounds, bounds[1:])]

    def spans(self):
        return self._spans.read(0, self.size + 1)

    def docs(self):
        return self._docs.read(0, self._docs.length).astype(np.int64)

    def tf(self):
        return self._tf.read(0, self._tf.length)
