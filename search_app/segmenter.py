"""underthesea's word segmenter, decoded without building its feature strings.

underthesea segments words with a linear-chain CRF (model
``ws_crf_vlsp2013_20230727``): for every token its featurizer writes 43
strings such as ``"T[-1,0].lower=hội nghị"`` or ``"T[0].is_in_dict=True"``,
and its tagger looks each one up in the model and runs Viterbi. Building
those strings and handing them from Rust to Python and back was two thirds of
all indexing time (about 17 ms of a 26 ms article).

:class:`Segmenter` reads the same model files and gives the same answer, but
works per n-gram instead of per string: every template is a function of the
one, two or three tokens it looks at, so the weight a given n-gram adds to
each position is computed once and cached (news text repeats its n-grams),
and positions near the start and end of a line take the weights of the
model's ``BOS``/``EOS`` attributes. With two labels only the difference
between their scores matters to Viterbi, so a token's score is one float.

The feature functions follow underthesea_core's featurizer exactly
(``isdigit`` is "parses as a 32-bit integer", ``istitle`` is "the first
character of every part is unchanged by upper-casing", ``is_in_dict`` looks
up the lower-cased text); ``tests/test_segmenter.py`` checks the result
against underthesea's own tagger.
"""

import re
import struct
from functools import lru_cache
from itertools import repeat
from pathlib import Path

import joblib
import numpy as np

_TEMPLATE_RE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?$")
# Labels of the segmentation model: a word begins here, or goes on.
BEGIN, INSIDE = "B-W", "I-W"
_INT32 = re.compile(r"[+-]?[0-9]+")
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


@lru_cache(maxsize=1 << 18)
def _token_properties(token):
    """``(lower-cased, istitle, isdigit)`` of one token, as the featurizer sees them.

    An n-gram is a title when each of its tokens is (:meth:`Segmenter.starts`
    ands them), and never an integer (it has a space).
    """
    integer = bool(_INT32.fullmatch(token)) and -(2**31) <= int(token) < 2**31
    return token.lower(), token[:1] == token[:1].upper(), integer


class _Length:
    """The templates that read n-grams of one length, as lookup tables."""

    def __init__(self, templates):
        # templates: (first offset, function, {value: weight}) each
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


class Segmenter:
    """Labels tokens as starting a word or not, as underthesea's CRF does."""

    def __init__(self, directory=None):
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
            self.lengths[length] = _Length(group)
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
        Working on all the lines of a text together costs one round of array
        operations per text instead of per line.
        """
        sizes = np.array([len(line) for line in lines], dtype=np.int64)
        tokens = [token for line in lines for token in line]
        n = len(tokens)
        if not n:
            return [[] for _ in lines]
        line_of = np.repeat(np.arange(len(lines)), sizes)
        place = np.arange(n) - np.repeat(np.cumsum(sizes) - sizes, sizes)  # index within its line
        reach = self.reach
        score = self._edge_table[
            np.minimum(place, reach), np.minimum(np.repeat(sizes, sizes) - 1 - place, reach)
        ]
        lowers, titles, digits = zip(*map(_token_properties, tokens))
        titles = np.array(titles)
        for length, tables in self.lengths.items():
            count = n - length + 1
            if count <= 0:
                continue
            if length == 1:
                texts, lowered, flags = tokens, lowers, np.array(digits) * 4 + titles * 2
            else:
                # More than one token: the text has a space, so never an integer.
                texts = list(map(" ".join, zip(*(tokens[i:] for i in range(length)))))
                lowered = list(map(" ".join, zip(*(lowers[i:] for i in range(length)))))
                flags = np.logical_and.reduce([titles[i : i + count] for i in range(length)]) * 2
            flags = flags + np.fromiter(map(self.dictionary.__contains__, lowered), bool, count)
            weights = (
                tables.by_text[np.fromiter(map(tables.text_rows.get, texts, repeat(0)), np.intp, count)]
                + tables.by_lower[np.fromiter(map(tables.lower_rows.get, lowered, repeat(0)), np.intp, count)]
                + tables.by_flags[flags]
            )
            # The n-gram at j lies on one line, and adds to position j - offset on that line.
            gram = np.arange(count)
            whole = line_of[:count] == line_of[length - 1 :]
            for column, offset in enumerate(tables.offsets):
                position = gram - offset
                ok = whole & (position >= 0) & (position < n)
                ok[ok] = line_of[position[ok]] == line_of[gram[ok]]
                score[position[ok]] += weights[ok, column]
        score = score.tolist()
        ends = np.cumsum(sizes).tolist()
        return [
            self._viterbi(score[end - size : end]) if size else [] for size, end in zip(sizes.tolist(), ends)
        ]

    def _viterbi(self, score):
        (bb, bi), (ib, ii) = self.transition
        begin, inside = score[0], 0.0  # best path scores ending in each label
        back = []
        for s in score[1:]:
            # Ties go to "begins", the first label, as in underthesea's tagger.
            to_begin = (True, begin + bb) if begin + bb >= inside + ib else (False, inside + ib)
            to_inside = (True, begin + bi) if begin + bi >= inside + ii else (False, inside + ii)
            back.append((to_begin[0], to_inside[0]))
            begin, inside = to_begin[1] + s, to_inside[1]
        label = begin >= inside
        labels = [label]
        for came_from in reversed(back):
            label = came_from[0] if label else came_from[1]
            labels.append(label)
        labels.reverse()
        return labels
