"""underthesea's word segmenter, decoded without building its feature strings.

underthesea segments words with a linear-chain CRF (model
``ws_crf_vlsp2013_20230727``): for every token its featurizer writes 43
strings such as ``"T[-1,0].lower=hội nghị"`` or ``"T[0].is_in_dict=True"``,
and its tagger looks each one up in the model and runs Viterbi. Building
those strings and handing them from Rust to Python and back was two thirds of
all indexing time (about 17 ms of a 26 ms article).

:class:`Segmenter` reads the same model files and gives the same answer, but
works per n-gram instead of per string: every template is a function of the
one, two or three tokens it looks at. Each token is looked up once (in a
cache of what the featurizer sees of it) and given an id; an n-gram is a key
of packed ids, looked up among the n-grams the model knows with array
operations over the whole text. Positions near the start and end of a line
take the weights of the model's ``BOS``/``EOS`` attributes. With two labels
only the difference between their scores matters to Viterbi, so a token's
score is one float, and so is the forward pass's state.

The feature functions follow underthesea_core's featurizer exactly
(``isdigit`` is "parses as a 32-bit integer", ``istitle`` is "the first
character of every part is unchanged by upper-casing", ``is_in_dict`` looks
up the lower-cased text); ``tests/test_segmenter.py`` checks the result
against underthesea's own tagger.
"""

import re
import struct
from itertools import accumulate, repeat
from pathlib import Path

import joblib
import numpy as np

_TEMPLATE_RE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?$")
# Labels of the segmentation model: a word begins here, or goes on.
BEGIN, INSIDE = "B-W", "I-W"
_INT32 = re.compile(r"[+-]?[0-9]+")
# A token id's bits: three ids pack into one int64 key of an n-gram.
ID_BITS = 21
# The yes/no feature functions, in the order of their bits in a flags row.
_FLAGS = ("isdigit", "istitle", "is_in_dict")


def model_directory():
    import underthesea.pipeline.word_tokenize as word_tokenize

    return Path(word_tokenize.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"


def underthesea_starts():
    """underthesea's own featurizer and tagger on the same model files, as ``starts(tokens)``.

    The reference :class:`Segmenter` is tested and timed against (one line at a time).
    """
    from underthesea_core import CRFFeaturizer, CRFTagger

    directory = model_directory()
    featurizer = CRFFeaturizer(
        joblib.load(directory / "features.bin"), joblib.load(directory / "dictionary.bin")
    )
    tagger = CRFTagger()
    tagger.load(str(directory / "models.bin"))

    def starts(tokens):
        features = featurizer.process([[[token] for token in tokens]])[0]
        return [tag != INSIDE for tag in tagger.tag(features)]

    return starts


def read_crfsuite(path):
    """``(labels, attributes, state, transitions)`` of a CRFsuite model file.

    ``state`` maps ``(attribute id, label id)`` and ``transitions``
    ``(label id, label id)`` to a weight. The layout is CRFsuite's
    (crf1d_model.c): a header of offsets, a chunk of fixed-size feature
    records, and string tables (CQDB) for labels and attributes.
    """
    data = Path(path).read_bytes()
    if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        raise ValueError(f"{path} is not a CRFsuite first-order model")
    _, _, num_labels, num_attrs, off_features, off_labels, off_attrs = struct.unpack_from("<7I", data, 12)
    if data[off_features : off_features + 4] != b"FEAT":
        raise ValueError(f"{path}: no feature chunk where the header says")
    (count,) = struct.unpack_from("<I", data, off_features + 8)
    state, transitions = {}, {}
    for kind, source, target, weight in struct.iter_unpack(
        "<IIId", data[off_features + 12 : off_features + 12 + 20 * count]
    ):
        (transitions if kind == 1 else state)[source, target] = weight
    return (
        _read_strings(data, off_labels, num_labels),
        _read_strings(data, off_attrs, num_attrs),
        state,
        transitions,
    )


def _read_strings(data, offset, count):
    """The strings of a CQDB chunk, by id (through its backward array)."""
    if data[offset : offset + 4] != b"CQDB":
        raise ValueError("no string table where the header says")
    bwd_size, bwd_offset = struct.unpack_from("<II", data, offset + 16)
    strings = []
    for record in struct.unpack_from(f"<{min(count, bwd_size)}I", data, offset + bwd_offset):
        _, size = struct.unpack_from("<II", data, offset + record)
        start = offset + record + 8
        strings.append(data[start : start + size - 1].decode("utf-8"))  # size counts the NUL
    return strings


class _Length:
    """The templates that read n-grams of one length, as lookup tables.

    An n-gram's text and lower-cased text each pick a row of weights (row 0:
    one the model never saw); :meth:`number` turns the n-grams the model
    knows into keys of token ids (:class:`_Tokens`) in a :class:`KeySet`.
    """

    def __init__(self, length, templates):
        # templates: (first offset, function, {value: weight}) each
        self.length = length
        self.offsets = sorted({first for first, _, _ in templates})
        width = len(self.offsets)
        self.text_rows, self.lower_rows = {}, {}
        rows = {None: ([np.zeros(width)], self.text_rows), "lower": ([np.zeros(width)], self.lower_rows)}
        flags = np.zeros((2 ** len(_FLAGS), width))
        for first, function, weights in templates:
            column = self.offsets.index(first)
            if function in _FLAGS:
                bit = 2 ** (len(_FLAGS) - 1 - _FLAGS.index(function))
                for row in range(len(flags)):
                    flags[row, column] += weights.get(str(bool(row & bit)), 0.0)
                continue
            table, index = rows[function]
            for value, weight in weights.items():
                if value in ("BOS", "EOS"):
                    continue
                if value not in index:
                    index[value] = len(table)
                    table.append(np.zeros(width))
                table[index[value]][column] += weight
        self.by_text = np.array(rows[None][0])
        self.by_lower = np.array(rows["lower"][0])
        self.by_flags = flags

    def number(self, tokens):
        """Key the model's n-grams by token id: by id for single tokens, packed keys in a :class:`KeySet` for longer."""
        if self.length == 1:
            self.text_by_id, self.lower_by_id = (
                _by_id(tokens, rows) for rows in (self.text_rows, self.lower_rows)
            )
        else:
            self._text = _keyed_rows(tokens, self.text_rows, self.length)
            self._lower = _keyed_rows(tokens, self.lower_rows, self.length)

    def text_rows_of(self, keys):
        return _rows_of(*self._text, keys)

    def lower_rows_of(self, keys):
        return _rows_of(*self._lower, keys)


def _by_id(tokens, rows):
    """``rows`` (text -> row) as an array indexed by token id (0 for a token not in it)."""
    by_id = np.zeros(tokens.unknown + 1, dtype=np.intp)
    for text, row in rows.items():
        by_id[tokens.model[text]] = row
    return by_id


def _keyed_rows(tokens, rows, length):
    """``rows`` (n-gram text -> row) as (a :class:`KeySet` of keys, their rows), keyed as :meth:`_Tokens.keys` keys them."""
    texts = [text for text in rows if text.count(" ") == length - 1]  # others never match our tokens
    return KeySet(tokens.keys(texts, length)), np.array([rows[text] for text in texts], dtype=np.intp)


def _rows_of(keys, rows, wanted):
    """The row of each of ``wanted`` (0 where it is not among the :class:`KeySet` ``keys``)."""
    at = keys.find(wanted)
    return np.where(at >= 0, rows[at], 0) if len(rows) else np.zeros(len(wanted), dtype=np.intp)


class KeySet:
    """Where each of a fixed set of int64 keys is, found by hashing: a table of at least eight slots a key.

    ``find`` looks up a whole array of keys at once: each goes to its slot
    (Fibonacci hashing), and those that find another key there try the next
    slot, a round of array operations at a time. A text's n-gram keys in a
    sorted array took three times as long to find (``searchsorted``, 58 ns
    a key, against 17 here).
    """

    def __init__(self, keys):
        self.keys = np.asarray(keys, dtype=np.int64)
        bits = max((len(self.keys) * 8).bit_length(), 4)
        self._mask = (1 << bits) - 1
        self._shift = np.uint64(64 - bits)
        self._slots = np.full(1 << bits, -1, dtype=np.intp)  # the index of the key held, or -1
        for i, slot in enumerate(self._home(self.keys).tolist()):
            while self._slots[slot] >= 0:
                slot = (slot + 1) & self._mask
            self._slots[slot] = i

    def _home(self, keys):
        slots = keys.view(np.uint64) * _FIBONACCI  # wraps around, as hashing wants
        slots >>= self._shift
        return slots.view(np.intp)

    def find(self, wanted):
        """The index in ``keys`` of each of ``wanted`` (int64), or -1 where it is not one of them."""
        wanted = np.ascontiguousarray(wanted, dtype=np.int64)
        if not len(self.keys):
            return np.full(len(wanted), -1, dtype=np.intp)
        slots = self._home(wanted)
        looking = found = None  # looking: which of wanted are still looked for, after the first round
        while True:
            held = self._slots[slots]
            match = (held >= 0) & (self.keys[held] == (wanted if looking is None else wanted[looking]))
            if looking is None:
                found = np.where(match, held, -1)
            else:
                found[looking[match]] = held[match]
            going_on = (held >= 0) & ~match  # another key in the slot: try the next
            if not going_on.any():
                return found
            looking = np.flatnonzero(going_on) if looking is None else looking[going_on]
            slots = (slots[going_on] + 1) & self._mask


# 2**64 / the golden ratio: multiplying by it spreads keys over the table (Knuth).
_FIBONACCI = np.uint64(0x9E3779B97F4A7C15)


class _Tokens:
    """Token ids, and what the featurizer sees of each token.

    Every token that occurs in the model's n-grams or in its dictionary has
    an id (fewer than 2**21, so three pack into one int64 key); any other
    token has the id :attr:`unknown`, which no n-gram the model knows
    holds. What a token is (its id and its lower-cased form's, whether it
    is a title and an integer) is worked out once and cached, so a text
    costs one dictionary lookup a token; the cache is emptied when it holds
    ``cache_size`` tokens. ``normalize`` (say, :func:`~search_app.text.normalize_tone`)
    is applied to a token before the model sees it.
    """

    def __init__(self, lengths, dictionary, normalize, cache_size):
        texts = [*dictionary]
        for tables in lengths.values():
            texts += [*tables.text_rows, *tables.lower_rows]
        self.model = {}
        for text in texts:
            for token in text.split(" "):
                self.model.setdefault(token, len(self.model))
        self.unknown = len(self.model)
        if self.unknown >= 1 << ID_BITS:
            raise ValueError(f"the model has {self.unknown:,} tokens; ids have {ID_BITS} bits")
        self.in_dictionary = np.zeros(self.unknown + 1, dtype=bool)
        self.in_dictionary[[self.model[word] for word in dictionary if " " not in word]] = True
        self.normalize = normalize or (lambda token: token)
        self.cache_size = cache_size
        self._rows = {}  # token -> its row in self._table
        self._table = np.zeros((1024, 4), dtype=np.int64)  # rows of (id, lower-cased id, istitle, isdigit)

    def keys(self, texts, length):
        """The int64 key of each n-gram text (tokens joined by spaces)."""
        keys = np.zeros(len(texts), dtype=np.int64)
        if texts:
            ids = np.array(
                [[self.model[token] for token in text.split(" ")] for text in texts], dtype=np.int64
            )
            for column in range(length):
                keys = (keys << ID_BITS) | ids[:, column]
        return keys

    def properties(self, tokens):
        """``(ids, lower-cased ids, istitle, isdigit)`` of ``tokens``, as arrays."""
        if len(self._rows) + len(tokens) > self.cache_size:
            self._rows = {}
        rows = self._rows
        found = np.fromiter(map(rows.get, tokens, repeat(-1)), np.intp, len(tokens))
        for i in np.flatnonzero(found < 0).tolist():
            token = tokens[i]
            row = rows.get(token)  # a new token seen earlier in this text has one now
            if row is None:
                row = rows[token] = len(rows)
                if row == len(self._table):
                    self._table = np.concatenate([self._table, np.zeros_like(self._table)])
                self._table[row] = self._describe(token)
            found[i] = row
        table = self._table[found]
        return table[:, 0], table[:, 1], table[:, 2], table[:, 3]

    def _describe(self, token):
        token = self.normalize(token)
        lower = token.lower()
        integer = bool(_INT32.fullmatch(token)) and -(2**31) <= int(token) < 2**31
        return (
            self.model.get(token, self.unknown),
            self.model.get(lower, self.unknown),
            token[:1] == token[:1].upper(),
            integer,
        )


class Segmenter:
    """Labels tokens as starting a word or not, as underthesea's CRF does."""

    def __init__(self, directory=None, normalize=None, cache_size=1 << 18):
        directory = Path(directory or model_directory())
        syntaxes = joblib.load(directory / "features.bin")
        self.dictionary = joblib.load(directory / "dictionary.bin")
        labels, attributes, state, transitions = read_crfsuite(directory / "models.bin")
        begin, inside = labels.index(BEGIN), labels.index(INSIDE)

        def weight(attribute_id):
            """What an attribute adds to "begins a word" over "goes on"."""
            return state.get((attribute_id, begin), 0.0) - state.get((attribute_id, inside), 0.0)

        by_text = {}  # "T[0].lower" -> {"hội": weight, ...}
        for number, attribute in enumerate(attributes):
            syntax, _, value = attribute.partition("=")
            by_text.setdefault(syntax, {})[value] = weight(number)
        self.transition = [[transitions.get((a, b), 0.0) for b in (begin, inside)] for a in (begin, inside)]

        # Templates grouped by the length of the n-gram they read. For each
        # length: the offsets of the first token they read (the n-gram at
        # token j adds to position j - offset), and tables of what an
        # n-gram adds at each offset through its text, its lower-cased text
        # (row 0: a text the model never saw) and its three yes/no
        # properties (row isdigit*4 + istitle*2 + is_in_dict).
        self.reach = 0  # the farthest a template looks from its position
        self.boundary_templates = []  # (first offset, last offset, BOS weight, EOS weight)
        parsed = []
        for syntax in syntaxes:
            match = _TEMPLATE_RE.match(syntax)
            if not match or match[3] not in (None, "lower", *_FLAGS):
                raise ValueError(f"unsupported feature template {syntax!r}")
            first = int(match[1])
            last = int(match[2]) if match[2] is not None else first
            weights = by_text.get(syntax, {})
            parsed.append((last - first + 1, first, match[3], weights))
            self.boundary_templates.append((first, last, weights.get("BOS", 0.0), weights.get("EOS", 0.0)))
            self.reach = max(self.reach, abs(first), abs(last))
        self.lengths = {}  # length -> _Length
        for length in sorted({entry[0] for entry in parsed}):
            group = [entry[1:] for entry in parsed if entry[0] == length]
            self.lengths[length] = _Length(length, group)
        self.tokens = _Tokens(self.lengths, self.dictionary, normalize, cache_size)
        for tables in self.lengths.values():
            tables.number(self.tokens)
        self.dictionary_keys = {
            length: KeySet(
                self.tokens.keys([w for w in self.dictionary if w.count(" ") == length - 1], length)
            )
            for length in self.lengths
        }
        self._edge_table = self._edges()

    def _edges(self):
        """``table[before, after]``: the BOS/EOS attributes' weight at a position with ``before``
        tokens before it on its line and ``after`` after it (both capped at the reach)."""
        table = np.zeros((self.reach + 1, self.reach + 1))
        for before in range(self.reach + 1):
            for after in range(self.reach + 1):
                for first, last, bos, eos in self.boundary_templates:
                    if first < -before:
                        table[before, after] += bos
                    elif first > after or last > after:
                        table[before, after] += eos
        return table

    def starts(self, tokens):
        """For each token, whether a word begins there (underthesea's B-W)."""
        return self.starts_lines([tokens])[0]

    def starts_lines(self, lines):
        """:meth:`starts` of each line (a list of tokens), computed for all of them at once.

        A line is a sentence to the model: no template reads across its ends.
        The lines are laid out in one array with ``reach`` empty places before
        and after each, so an n-gram is the model's only if it holds no
        empty place, and what it adds never lands on another line: one round
        of array operations per text instead of per line.
        """
        sizes = [len(line) for line in lines]
        tokens = [token for line in lines for token in line]
        n = len(tokens)
        if not n:
            return [[] for _ in lines]
        reach = self.reach
        line_of = np.repeat(np.arange(len(lines)), sizes)
        place = np.arange(n) - np.repeat(np.cumsum(sizes) - sizes, sizes)  # index within its line
        at = np.arange(n) + reach * (line_of + 1)  # each token's place in the laid-out text
        width = n + reach * (len(lines) + 1)
        token = np.zeros(width, dtype=bool)
        token[at] = True
        ids, lowers = np.full((2, width), self.tokens.unknown, dtype=np.int64)
        titles, digits = np.zeros((2, width), dtype=np.int64)
        ids[at], lowers[at], titles[at], digits[at] = self.tokens.properties(tokens)
        score = np.zeros(width)
        score[at] = self._edge_table[
            np.minimum(place, reach), np.minimum(np.repeat(sizes, sizes) - 1 - place, reach)
        ]
        for length, tables in self.lengths.items():
            count = width - length + 1
            if length == 1:
                text_rows, lower_rows = tables.text_by_id[ids], tables.lower_by_id[lowers]
                flags = digits * 4 + titles * 2 + self.tokens.in_dictionary[lowers]
                whole = token
            else:
                # More than one token: the text has a space, so never an integer.
                text_keys, lower_keys = ids[:count], lowers[:count]
                for i in range(1, length):
                    text_keys = (text_keys << ID_BITS) | ids[i : i + count]
                    lower_keys = (lower_keys << ID_BITS) | lowers[i : i + count]
                text_rows, lower_rows = tables.text_rows_of(text_keys), tables.lower_rows_of(lower_keys)
                flags = np.logical_and.reduce([titles[i : i + count] for i in range(length)]) * 2
                flags = flags + (self.dictionary_keys[length].find(lower_keys) >= 0)
                whole = np.logical_and.reduce([token[i : i + count] for i in range(length)])
            weights = tables.by_text[text_rows] + tables.by_lower[lower_rows] + tables.by_flags[flags]
            weights[~whole] = 0.0
            # The n-gram at j adds to the place j - offset.
            for column, offset in enumerate(tables.offsets):
                first, stop = max(offset, 0), min(count, width + offset)
                score[first - offset : stop - offset] += weights[first:stop, column]
        labels = self._viterbi(score[at], sizes).tolist()
        ends = np.cumsum(sizes).tolist()
        return [labels[end - size : end] for size, end in zip(sizes, ends)]

    def _viterbi(self, score, sizes):
        """The best labels (True: begins a word) of each line, given each token's score, as one array.

        With two labels only the difference between the best path scores
        ending in "begins" and in "goes on" matters: at each token it is the
        token's score plus a function of the difference before it, so the
        forward pass is one ``accumulate`` a line. Which label each position
        came from, and the walk back, are array operations over the whole text.
        """
        (bb, bi), (ib, ii) = self.transition
        # The best path into "begins" comes from a "begins" when the difference
        # d is at least to_begin (ties go to "begins", the first label, as in
        # underthesea's tagger); into "goes on", when d is at least to_inside.
        to_begin, to_inside = ib - bb, ii - bi

        def step(d, s):
            return s + (d if d > to_begin else to_begin) - (d if d > to_inside else to_inside)

        shifted = (score + (bb - bi)).tolist()
        score = score.tolist()
        differences = []
        start = 0
        for size in sizes:
            if size:
                differences += accumulate(shifted[start + 1 : start + size], step, initial=score[start])
            start += size
        d = np.array(differences)
        from_begin, from_inside = d >= to_begin, d >= to_inside
        # The label at p, given the label at p + 1 on its line: where
        # from_begin and from_inside agree it is fixed; where they differ it
        # is the next label, or its negation. A line's last label is fixed.
        last = np.zeros(len(d), dtype=bool)
        last[np.cumsum([size for size in sizes if size]) - 1] = True
        fixed = last | (from_begin == from_inside)
        value = np.where(last, d >= 0, from_begin)
        negated = ~fixed & from_inside
        # Each label is the next fixed one's, flipped once per negation between.
        positions = np.arange(len(d))
        anchor = np.minimum.accumulate(np.where(fixed, positions, len(d))[::-1])[::-1]
        flips = np.concatenate(([0], np.cumsum(negated)))
        return value[anchor] ^ ((flips[anchor] - flips[positions]) & 1).astype(bool)
