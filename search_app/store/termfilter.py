"""Which terms a Whoosh segment may hold: one Bloom filter per segment, written with the arrays.

A query looks up each of its words, and the compounds of neighbouring words,
in every field it scores, and two thirds of those lookups find nothing (at
50k articles, 7,391 of 11,198 for 600 known-item queries). In Whoosh each
lookup costs a walk of the segment's hash table, a dozen reads, in Python.
The filter answers "not here" from memory instead: a term it says a segment
lacks is not looked up there. It never says a held term is missing; it says
"may hold" for about 1 % of the terms a segment lacks, which then cost the
Whoosh lookup they cost without it.

Each segment's filter has :data:`BITS_PER_KEY` bits for each of its
``(field, term)`` keys and :data:`HASHES` bit positions per key, from one
BLAKE2b digest (double hashing), so every process computes the same bits::

    arrays/filters.npy    the segments' bit arrays, one after another (uint8, bit i of byte j is bit 8j + i)
    arrays/meta.json      "filters": [[first byte, bytes], ...], one per segment, in the segments' order

About 1.3 bytes a term: 0.5 MB at 50k articles.
"""

from hashlib import blake2b

import numpy as np

BITS_PER_KEY = 10
HASHES = 7
_MASK = (1 << 64) - 1
FILE = "filters.npy"


def filter_key(field, btext):
    """The bytes a ``(field, term)`` pair is hashed as."""
    return field.encode("utf-8") + b"\0" + btext


def _halves(key):
    digest = blake2b(key, digest_size=16).digest()
    return int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little") | 1


def build_filter(keys):
    """The bit array (uint8) of a filter holding ``keys`` (an iterable of bytes)."""
    halves = np.array([_halves(key) for key in keys], dtype=np.uint64).reshape(-1, 2)
    size = max(8, -(-len(halves) * BITS_PER_KEY // 64) * 8)  # bytes: whole 64-bit words, at least one
    bits = np.zeros(size * 8, dtype=bool)
    first, step = halves[:, 0], halves[:, 1]
    for i in range(HASHES):  # uint64 arithmetic wraps at 2**64, as _holds' masking does
        bits[(first + np.uint64(i) * step) % np.uint64(size * 8)] = True
    return np.packbits(bits, bitorder="little")


def save_filters(directory, filters):
    """Write the segments' filters (bit arrays, in the segments' order) into ``directory``; their spans."""
    sizes = [len(bits) for bits in filters]
    starts = np.cumsum([0, *sizes[:-1]], dtype=np.int64).tolist() if sizes else []
    np.save(directory / FILE, np.concatenate(filters) if filters else np.zeros(0, dtype=np.uint8))
    return [[start, size] for start, size in zip(starts, sizes)]


class TermFilters:
    """The filters of a generation's segments, held in memory (a few MB at most)."""

    def __init__(self, data, spans):
        self._data = bytes(data)
        self._spans = [(int(start), int(size)) for start, size in spans]

    @classmethod
    def load(cls, directory, spans):
        """The filters :func:`save_filters` wrote into ``directory``, with the spans it returned."""
        return cls(np.load(directory / FILE), spans)

    def __len__(self):
        return len(self._spans)

    @property
    def data(self):
        """Every segment's bits, one after another."""
        return self._data

    @property
    def covered(self):
        """Whether every span lies within the data and is a whole number of 64-bit words."""
        return all(
            size >= 8 and size % 8 == 0 and start + size <= len(self._data) for start, size in self._spans
        )

    def bits(self, segment):
        """Segment number ``segment``'s filter, as :func:`build_filter` made it."""
        start, size = self._spans[segment]
        return np.frombuffer(self._data, dtype=np.uint8, count=size, offset=start)

    def may_hold(self, field, btext):
        """The numbers of the segments that may hold ``btext`` in ``field`` (the others surely lack it)."""
        first, step = _halves(filter_key(field, btext))  # one digest, whatever the number of segments
        return [segment for segment in range(len(self._spans)) if self._holds(segment, first, step)]

    def _holds(self, segment, first, step):
        start, size = self._spans[segment]
        data, bits = self._data, size * 8
        for i in range(HASHES):
            position = ((first + i * step) & _MASK) % bits
            if not data[start + (position >> 3)] >> (position & 7) & 1:
                return False
        return True
