"""The index's postings: every term of the text fields, in one table of the generation's arrays.

Whoosh stores the documents; it does not index their text. A writer
analyses each text once and keeps what it adds in a :class:`Spill`: per
field, each posting's term, its document's number in the segment, its
frequency and (for a *positional* term, a folded syllable, which phrase
queries match) its positions, and each document's field length; and each
document's folded title and lead for the arrays' strings files
(:func:`~search_app.store.arrays.document_strings`). The spill is saved
beside the segment, named by the segment's id (:func:`spill_path`): a directory
of ``.npy`` files, which :class:`SavedSpill` maps instead of reading.
:func:`write_table` then makes one table of the spills and of the previous
generation's table, renumbered::

    arrays/terms-keys.bin, .npy   every "field<TAB>term" key, sorted (UTF-8, and where each starts)
    arrays/terms-index.npy        a row per key, and one after the last (save_postings)
    arrays/terms-docs.bin         the gaps between a key's documents, packed
    arrays/terms-tf.bin           the frequencies, packed
    arrays/terms-positions.bin    the positions of each positional posting, in posting order, packed

A key's values are packed in the fewest bytes that hold its largest (1, 2 or
4). :class:`TermTable` finds a key through a sparse index of every
:data:`BLOCK`-th key held in memory and one block read with ``pread``.
"""

import bisect
import collections
import contextlib
import functools
import itertools
import json
from array import array
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from ..errors import IndexCorrupt
from .files import ArrayFile, ByteFile, write_strings

BLOCK = 64
# Keys whose index rows a table remembers (about 150 bytes each).
ROWS_CACHED = 4096
# Postings sorted at a time when the table is written (about 60 bytes each),
# and values packed or unpacked at a time.
BUCKET = 1 << 22
# Ranges of keys packed at once when the table is written (threads: numpy lets go of the GIL).
TABLE_THREADS = 2
NAME = "terms"
# A spill is a directory; its name is not one Whoosh takes for its own and cleans up.
SPILL_PREFIX, SPILL_SUFFIX = "spill-", ".spill"
# terms-index.npy's columns: where a key's postings start, where its document gaps,
# frequencies and positions start in their .bin files, and its first document.
POSTINGS, DOCS, TF, POSITIONS, FIRST = range(5)


def spill_path(folder, segment_id):
    """Where the spill of segment ``segment_id`` is saved (beside Whoosh's segment files)."""
    return folder / f"{SPILL_PREFIX}{segment_id}{SPILL_SUFFIX}"


def spill_segment(path):
    """The segment id a spill file is named for."""
    return path.name[len(SPILL_PREFIX) : -len(SPILL_SUFFIX)]


def key(field, term):
    return f"{field}\t{term}"


class Spill:
    """The postings and field lengths of the documents one writer adds, in the order it adds them."""

    def __init__(self, fields):
        self.fields = tuple(fields)
        self.ids = []  # each document's id, to check the numbering against Whoosh's
        self._terms = {name: {} for name in self.fields}  # term -> its number in this spill
        self._positional = {name: [] for name in self.fields}  # by term number
        # term numbers, documents, frequencies, positions
        self._postings = {name: (array("i"), array("i"), array("i"), array("I")) for name in self.fields}
        self._lengths = {name: [] for name in self.fields}
        self.strings = []  # each document's strings for the arrays' strings files (titles, leads)

    def __len__(self):
        return len(self.ids)

    def add(self, doc_id, fields, strings=()):
        """Add the next document: ``fields`` ``{field: ({term: [positions]}, {term: frequency})}``.

        A field's length is the sum of its terms' frequencies. ``strings``:
        what the arrays' strings files hold of it, as bytes (as
        :meth:`~search_app.store.files.StringsFile.raw` reads them).
        """
        docnum = len(self.ids)
        self.ids.append(doc_id)
        self.strings.append(tuple(strings))
        for name in self.fields:
            positional, counted = fields.get(name) or ({}, {})
            numbers, docs, tf, positions = self._postings[name]
            frequencies = [len(p) for p in positional.values()] + list(counted.values())
            numbers.extend(self._numbers(name, positional, True) + self._numbers(name, counted, False))
            docs.extend([docnum] * len(frequencies))
            tf.extend(frequencies)
            positions.extend(itertools.chain.from_iterable(positional.values()))
            self._lengths[name].append(sum(frequencies))

    def _numbers(self, name, terms, positional):
        numbers, flags = self._terms[name], self._positional[name]
        found = [numbers.setdefault(term, len(numbers)) for term in terms]
        flags.extend([positional] * (len(numbers) - len(flags)))
        return found

    def save(self, path):
        """Write the spill into the directory ``path``, an ``.npy`` file an array (read mapped: :class:`SavedSpill`)."""
        arrays = {"ids": _encode(self.ids)}
        for name in self.fields:
            arrays[f"{name}.terms"] = _encode(list(self._terms[name]))
            arrays[f"{name}.positional"] = np.array(self._positional[name], dtype=bool)
            for part, values in zip(("term", "doc", "tf", "positions"), self._postings[name]):
                arrays[f"{name}.{part}"] = np.frombuffer(
                    values, dtype=np.int32 if values.typecode == "i" else np.uint32
                )
            arrays[f"{name}.lengths"] = np.array(self._lengths[name], dtype=np.int64)
        for n, strings in enumerate(zip(*self.strings)):
            arrays[f"strings.{n}"] = np.frombuffer(b"".join(strings), dtype=np.uint8)
            arrays[f"strings.{n}.lengths"] = np.array([len(s) for s in strings], dtype=np.int64)
        path.mkdir()
        for name, values in arrays.items():
            np.save(path / f"{name}.npy", values)


class SavedSpill:
    """A spill read back: ``ids``, per field its ``terms``, ``postings`` and ``lengths``, and its ``strings``."""

    def __init__(self, path, fields):
        saved = _SpillFiles(path)
        self.ids = _decode(saved["ids"])
        self.terms = {name: _decode(saved[f"{name}.terms"]) for name in fields}
        # (positional flag by term number, term numbers, documents, frequencies, positions)
        self.postings = {
            name: tuple(saved[f"{name}.{part}"] for part in ("positional", "term", "doc", "tf", "positions"))
            for name in fields
        }
        self.lengths = {name: saved[f"{name}.lengths"] for name in fields}
        self.strings = []  # per strings file, each document's bytes
        while f"strings.{len(self.strings)}" in saved:
            data = saved[f"strings.{len(self.strings)}"].tobytes()
            ends = np.cumsum(saved[f"strings.{len(self.strings)}.lengths"]).tolist()
            self.strings.append([data[start:end] for start, end in zip([0, *ends], ends)])

    def __len__(self):
        return len(self.ids)

    def take_postings(self):
        """``{field: (terms, positional, term numbers, documents, frequencies, positions)}``, handed
        over once: the spill lets go of them, so their memory goes when the taker's does."""
        taken = {name: (self.terms[name], *postings) for name, postings in self.postings.items()}
        self.terms = self.postings = None
        return taken


class _SpillFiles:
    """A saved spill's arrays by name, each mapped from its file (read-only: nothing is read twice)."""

    def __init__(self, path):
        self.path = path

    def __contains__(self, name):
        return (self.path / f"{name}.npy").exists()

    def __getitem__(self, name):
        try:
            return np.load(self.path / f"{name}.npy", mmap_mode="r")
        except (OSError, ValueError) as error:
            raise IndexCorrupt(f"the spill {self.path.name} cannot be read ({name}.npy: {error})") from None


def _encode(strings):
    return np.frombuffer(json.dumps(strings, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def _decode(array):
    return json.loads(array.tobytes().decode("utf-8"))


class _Part:
    """A spill's postings of one field, with keys of its own.

    ``numbers`` are key numbers in ``keys``; ``docs`` this generation's
    document numbers; a ``positional`` key's postings have as many
    ``positions`` each as their frequency, one posting after another.
    """

    def __init__(self, keys, positional, numbers, docs, tf, positions):
        self.keys, self.numbers, self.docs, self.tf, self.positions = keys, numbers, docs, tf, positions
        self.positional = np.asarray(positional, dtype=bool)
        self.held = np.where(self.positional[numbers], tf, 0).astype(np.int32)
        self.position_starts = _starts(self.held)  # and where the last ends
        if self.position_starts[-1] < 1 << 31:
            self.position_starts = self.position_starts.astype(np.int32)  # half the memory

    def renumber(self, place, live):
        """Number the keys as ``place`` does (in the same order); drop (-1) the documents that are not ``live``.

        Returns ``(the keys' new numbers, which of them are positional)``.
        """
        renumbered = np.array([place[k] for k in self.keys], dtype=np.int32)
        self.numbers = renumbered[self.numbers]
        self.keys = None  # the strings are not needed again (a part's can be a hundred MB)
        self.docs[~live[self.docs]] = -1
        return renumbered, self.positional

    def most(self, size):
        """How many postings each of ``size`` keys holds here, at most."""
        return np.bincount(self.numbers, minlength=size)

    def take(self, low, high):
        """``(key numbers, documents, frequencies, positions)`` of the live postings of keys ``low`` to ``high``."""
        chosen = np.flatnonzero((self.numbers >= low) & (self.numbers < high) & (self.docs >= 0))
        positions = self.positions[ranges(self.position_starts[chosen], self.held[chosen])]
        return self.numbers[chosen], self.docs[chosen], self.tf[chosen], positions


class _Carried:
    """The previous generation's table, read a range of keys at a time as this one's keys and documents.

    Its document ``d`` is this generation's ``carried[d]`` (-1: not carried).
    Only its index is read whole (40 bytes a key); the postings of a range of
    keys are read when the range is packed, so an update never holds the
    whole table.
    """

    def __init__(self, table, carried):
        self.table, self.carried = table, carried
        self.keys = table.keys()
        self.index = table.rows(0, table.size)

    def renumber(self, place, live):
        """As :meth:`_Part.renumber`; a carried document that is not ``live`` is dropped."""
        self.renumbered = np.array([place[k] for k in self.keys], dtype=np.int64)  # in the same order
        self.keys = None
        alive = self.carried >= 0
        alive[alive] = live[self.carried[alive]]
        self.carried = np.where(alive, self.carried, -1).astype(np.int32)
        return self.renumbered, np.diff(self.index[:, POSITIONS]) > 0

    def most(self, size):
        most = np.zeros(size, dtype=np.int64)
        most[self.renumbered] = np.diff(self.index[:, POSTINGS])
        return most

    def take(self, low, high):
        first, end = np.searchsorted(self.renumbered, [low, high]).tolist()
        counts, docs, tf, positions, positional = self.table.stretch(self.index[first : end + 1])
        docs = self.carried[docs]
        keep = docs >= 0
        numbers = np.repeat(self.renumbered[first:end].astype(np.int32), counts)
        if not keep.all():
            positions = positions[np.repeat(keep, np.where(np.repeat(positional, counts), tf, 0))]
            numbers, docs, tf = numbers[keep], docs[keep], tf[keep]
        return numbers, docs, tf.astype(np.int32), positions


def ranges(starts, lengths):
    """The indexes ``starts[i]`` to ``starts[i] + lengths[i]``, one range after another.

    One array as long as the result, no more: it is made of steps of one,
    with a jump where each range starts, and summed in place.

    >>> ranges(np.array([5, 9, 0]), np.array([2, 0, 3])).tolist()
    [5, 6, 0, 1, 2]
    """
    starts, lengths = np.asarray(starts, dtype=np.int64), np.asarray(lengths, dtype=np.int64)
    some = lengths > 0
    if not some.all():
        starts, lengths = starts[some], lengths[some]
    ends = np.cumsum(lengths)
    if not len(ends):
        return np.zeros(0, dtype=np.int64)
    steps = np.ones(int(ends[-1]), dtype=np.int64)
    steps[0] = starts[0]
    steps[ends[:-1]] = starts[1:] - (starts[:-1] + lengths[:-1] - 1)
    return np.cumsum(steps, out=steps)


def write_table(directory, live, spills, previous=None, carried=None):
    """Write the table of a generation of ``len(live)`` documents into ``directory``.

    ``spills``: ``[(first document number of its segment, SavedSpill)]``, whose postings it
    takes (:meth:`SavedSpill.take_postings`).
    ``previous``: the previous generation's :class:`TermTable`, whose
    document ``d`` is this generation's ``carried[d]`` (-1: not carried).
    Only live documents' postings are written. The keys are sorted and
    written a range at a time, each range holding about :data:`BUCKET` postings.
    """
    parts = [_Carried(previous, carried)] if previous is not None else []
    for offset, spill in spills:
        for name, (terms, positional, numbers, docs, tf, positions) in spill.take_postings().items():
            keys = [key(name, term) for term in terms]
            parts.append(_Part(keys, positional, numbers, docs + np.int32(offset), tf, positions))
    every = sorted({k for part in parts for k in part.keys})
    place = {k: n for n, k in enumerate(every)}
    most = np.zeros(len(every), dtype=np.int64)  # postings a key holds, counting those of documents dropped
    positional = np.zeros(len(every), dtype=bool)
    for part in parts:
        renumbered, flags = part.renumber(place, live)
        positional[renumbered[flags]] = True
        most += part.most(len(every))
    del place

    def packed(bounds):
        """``(which of keys low to high hold postings, those keys packed)`` (:func:`_packed`)."""
        low, high = bounds
        numbers, docs, tf, positions = (np.concatenate(c) for c in zip(*(p.take(low, high) for p in parts)))
        held_positions = np.where(positional[numbers], tf, 0).astype(np.int64)
        starts = np.cumsum(held_positions) - held_positions  # each posting's, in ``positions``
        order = np.argsort(numbers.astype(np.int64) << 32 | docs, kind="stable")
        docs, tf = docs[order], tf[order]
        positions = positions[ranges(starts[order], held_positions[order])]
        counts = np.bincount(numbers - low, minlength=high - low)
        held = counts > 0  # a key whose documents all went holds nothing
        return held, _packed(counts[held], docs, tf, positions, positional[low:high][held])

    held = []
    packed_ranges = _in_order(packed, _key_ranges(most), TABLE_THREADS)
    with _TableWriter(directory / NAME) as out, contextlib.closing(packed_ranges):
        for keys_held, keys in packed_ranges:
            out.add(keys)
            held.append(keys_held)
    held = np.concatenate(held) if held else np.zeros(0, dtype=bool)
    write_strings(directory, f"{NAME}-keys", [k.encode("utf-8") for k in itertools.compress(every, held)])


def _in_order(function, items, threads):
    """``function(item)`` of each of ``items``, in order, worked out by ``threads`` threads at once.

    numpy lets go of the GIL in its sorts, copies and arithmetic, so ranges of
    keys are packed side by side; at most ``threads`` are held at a time
    (one being written, the others being worked out).
    """
    with ThreadPoolExecutor(threads) as pool:
        pending = collections.deque()
        for item in items:
            if len(pending) == threads:
                yield pending.popleft().result()
            pending.append(pool.submit(function, item))
        while pending:
            yield pending.popleft().result()


class _TableWriter:
    """Writes the table's ``.bin`` files and its index, a range of keys at a time (:func:`write_table`).

    ``terms-index.npy`` has a row per key and one after the last: where its
    postings start, where its document gaps, frequencies and positions start
    in the ``.bin`` files, and its first document (its first gap is 0). A
    positional key's postings have as many positions each as their
    frequency; the others have none.
    """

    def __init__(self, path):
        self.path = path
        self.rows = []  # each range's keys' rows
        self.end = np.zeros(5, dtype=np.int64)  # the row after the last key written
        self.files = {
            column: open(path.with_name(f"{path.name}-{name}.bin"), "wb")
            for column, name in ((DOCS, "docs"), (TF, "tf"), (POSITIONS, "positions"))
        }

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for file in self.files.values():
            file.close()
        if exc[0] is None:
            np.save(self.path.with_name(f"{self.path.name}-index.npy"), np.vstack([*self.rows, self.end]))

    def add(self, keys):
        """The next keys, as :func:`_packed` packs them."""
        counts, firsts, columns = keys
        rows = np.zeros((len(counts) + 1, 5), dtype=np.int64)
        rows[0] = self.end
        rows[:, POSTINGS] = rows[0, POSTINGS] + _starts(counts)
        rows[:-1, FIRST] = firsts
        for column, (data, byte_starts) in columns.items():
            rows[:, column] = rows[0, column] + byte_starts
            self.files[column].write(data)
        self.rows.append(rows[:-1])
        self.end = rows[-1]


def _packed(counts, docs, tf, positions, positional):
    """``(counts, first documents, {column: (bytes, where each key starts)})`` of keys holding
    ``counts`` postings each, sorted by document in each key (:meth:`_TableWriter.add` writes them)."""
    starts = _starts(counts)
    gaps = np.diff(docs.astype(np.int64), prepend=0)
    gaps[starts[:-1]] = 0
    position_counts = np.where(positional, _sums(tf.astype(np.int64), starts), 0)
    columns = {
        column: _pack(np.asarray(values, dtype=np.int64), value_starts)
        for column, values, value_starts in (
            (DOCS, gaps, starts),
            (TF, tf, starts),
            (POSITIONS, positions, _starts(position_counts)),
        )
    }
    return counts, docs[starts[:-1]], columns


def _starts(counts):
    starts = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    return starts


def _sums(values, starts):
    """The sum of each key's values (every key has some)."""
    return np.add.reduceat(values, starts[:-1]) if len(values) else np.zeros(len(starts) - 1, dtype=np.int64)


def _pack(values, starts):
    """``(bytes, where each key's start)``: each key's values in the width its largest needs."""
    counts = np.diff(starts)
    largest = np.zeros(len(counts), dtype=np.int64)
    some = counts > 0
    if len(values):
        largest[some] = np.maximum.reduceat(values, starts[:-1][some])
        if values.min() < 0 or largest.max() >= 1 << 32:
            raise ValueError("a posting value does not fit in four unsigned bytes")
    widths = np.select([largest < 1 << 8, largest < 1 << 16], [1, 2], 4)
    byte_starts = _starts(counts * widths)
    data = np.zeros(byte_starts[-1], dtype=np.uint8)
    for keys, width in _by_width(counts, widths):
        raw = values[ranges(starts[keys], counts[keys])].astype(f"<u{width}").view(np.uint8)
        data[ranges(byte_starts[keys], counts[keys] * width)] = raw
    return data.tobytes(), byte_starts


def _key_ranges(counts):
    """``(low, high)``: the keys in ranges of about :data:`BUCKET` values each (one key may hold more)."""
    ends = np.searchsorted(np.cumsum(counts), np.arange(BUCKET, counts.sum() + BUCKET, BUCKET), side="right")
    bounds = np.unique(np.concatenate([[0], np.minimum(ends, len(counts)), [len(counts)]]))
    return zip(bounds.tolist(), bounds[1:].tolist())


def _by_width(counts, widths):
    """``(key numbers, width)``: the keys that hold values, by width, a range of keys at a time."""
    for low, high in _key_ranges(counts):
        for width in (1, 2, 4):
            keys = low + np.flatnonzero((widths[low:high] == width) & (counts[low:high] > 0))
            if keys.size:
                yield keys, width


def _unpack(data, count):
    """One key's ``count`` values from its bytes."""
    if not count:
        return np.zeros(0, dtype=np.int32)
    if len(data) % count or len(data) // count not in (1, 2, 4):
        raise IndexCorrupt(f"{NAME}-index.npy is damaged: a key's postings do not read", f"{NAME}-index.npy")
    return np.frombuffer(data, dtype=f"<u{len(data) // count}")  # read-only, in the width written


def _unpack_all(data, byte_starts, starts):
    """Every key's values (:func:`_pack`'s inverse)."""
    counts = np.diff(starts)
    widths = np.diff(byte_starts) // np.maximum(counts, 1)
    buffer = np.frombuffer(data, dtype=np.uint8)
    values = np.zeros(int(starts[-1]), dtype=np.uint32)
    for keys, width in _by_width(counts, widths):
        raw = buffer[ranges(byte_starts[keys], counts[keys] * width)]
        values[ranges(starts[keys], counts[keys])] = raw.view(f"<u{width}")
    return values


class TermTable:
    """A generation's table, opened: a sparse index of its keys in memory, the rest read on demand."""

    def __init__(self, directory):
        self._starts = ArrayFile(directory / f"{NAME}-keys.npy", "the count of keys says")
        self._data = ByteFile(directory / f"{NAME}-keys.bin", f"{NAME}-keys.npy says")
        self._index = ArrayFile(directory / f"{NAME}-index.npy", "the count of keys says")
        self._files = {
            column: ByteFile(directory / f"{NAME}-{name}.bin", f"{NAME}-index.npy says")
            for column, name in ((DOCS, "docs"), (TF, "tf"), (POSITIONS, "positions"))
        }
        self.size = self._starts.length - 1
        if self._index.length != 5 * (self.size + 1):
            raise IndexCorrupt(f"{NAME}-index.npy does not hold a row for each key", f"{NAME}-index.npy")
        # The first key of each block, as UTF-8 (whose byte order is the keys' order).
        self._sparse = [self._key(*self._block(b), 0) for b in range(0, self.size, BLOCK)]
        # A search looks its words up several times (to count, score, match a phrase),
        # and common words come back query after query: their rows are remembered.
        self._rows = functools.lru_cache(maxsize=ROWS_CACHED)(self._find_rows)

    @staticmethod
    def exists(directory):
        return (directory / f"{NAME}-index.npy").exists()

    def _block(self, first):
        """``(bytes, where each key starts in them and the last ends)`` of keys ``first`` to ``first + BLOCK``."""
        starts = self._starts.read(first, min(BLOCK, self.size - first) + 1)
        return self._data.read(int(starts[0]), int(starts[-1] - starts[0])), (starts - starts[0]).tolist()

    @staticmethod
    def _key(data, ends, n):
        return data[ends[n] : ends[n + 1]]

    def _find_rows(self, field, term):
        """The key's row and the next (read-only), or None when no live document holds it."""
        wanted = key(field, term).encode("utf-8")
        block = bisect.bisect_right(self._sparse, wanted) - 1
        if block < 0:
            return None
        data, ends = self._block(block * BLOCK)
        n = bisect.bisect_left(range(len(ends) - 1), wanted, key=lambda n: self._key(data, ends, n))
        if n == len(ends) - 1 or self._key(data, ends, n) != wanted:
            return None
        rows = self._index.read(5 * (block * BLOCK + n), 10).reshape(2, 5)
        rows.flags.writeable = False  # shared by every lookup of the key
        return rows

    def _read(self, rows, column, count):
        start, end = (int(v) for v in rows[:, column])
        return _unpack(self._files[column].read(start, end - start), count)

    def postings(self, field, term):
        """``(docnums, frequencies)`` of a term (empty when no live document holds it)."""
        rows = self._rows(field, term)
        if rows is None:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
        return self._postings(rows)

    def count(self, field, term):
        """How many live documents hold a term (its index rows alone)."""
        rows = self._rows(field, term)
        return 0 if rows is None else int(rows[1, POSTINGS] - rows[0, POSTINGS])

    def positions(self, field, term):
        """``(docnums, frequencies, positions)``: each posting's positions, one posting after another."""
        rows = self._rows(field, term)
        if rows is None:
            return tuple(np.zeros(0, dtype=np.int32) for _ in range(3))
        docs, tf = self._postings(rows)
        positional = rows[1, POSITIONS] > rows[0, POSITIONS]
        return docs, tf, self._read(rows, POSITIONS, int(tf.sum()) if positional else 0)

    def _postings(self, rows):
        """Documents (int32: they stay below 2**31) and frequencies (in the width written)."""
        count = int(rows[1, POSTINGS] - rows[0, POSTINGS])
        docs = np.cumsum(self._read(rows, DOCS, count), dtype=np.int32)  # the first gap is 0
        docs += np.int32(rows[0, FIRST])
        return docs, self._read(rows, TF, count)

    def keys(self):
        """Every key, in order."""
        bounds = self._starts.read(0, self.size + 1).tolist()
        data = self._data.read(0, bounds[-1])
        return [data[a:b].decode("utf-8") for a, b in zip(bounds, bounds[1:])]

    def rows(self, first, count):
        """The index rows of keys ``first`` to ``first + count``, and the row after the last."""
        return self._index.read(5 * first, 5 * (count + 1)).reshape(-1, 5)

    def stretch(self, rows):
        """``(counts, docnums, frequencies, positions, positional by key)`` of the keys of index ``rows``.

        ``rows`` are consecutive, with the row after the last key's.
        """
        starts = rows[:, POSTINGS] - rows[0, POSTINGS]
        counts = np.diff(starts)

        def unpack(column, value_starts):
            data = self._files[column].read(int(rows[0, column]), int(rows[-1, column] - rows[0, column]))
            return _unpack_all(data, rows[:, column] - rows[0, column], value_starts)

        docs, tf = unpack(DOCS, starts).astype(np.int64), unpack(TF, starts)
        docs[starts[:-1]] = rows[:-1, FIRST]  # each key's first document, then the gaps after it
        running = np.cumsum(docs)
        docs = (running - np.repeat(running[starts[:-1]] - docs[starts[:-1]], counts)).astype(np.int32)
        del running
        positional = np.diff(rows[:, POSITIONS]) > 0
        positions = unpack(POSITIONS, _starts(np.where(positional, _sums(tf.astype(np.int64), starts), 0)))
        return counts, docs, tf.astype(np.int32), positions, positional

    def everything(self):
        """``(keys, positional by key, counts, docnums, frequencies, positions)`` of the whole table."""
        counts, docs, tf, positions, positional = self.stretch(self.rows(0, self.size))
        return self.keys(), positional, counts, docs, tf, positions
