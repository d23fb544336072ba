"""Whoosh analysis for Vietnamese: syllables, compound words, folded forms.

Vietnamese writes words as space-separated syllables ("Hội nghị" is one word
of two syllables). The index holds, at each syllable's position:

* the folded syllable ("hoi"), so unaccented queries match accented text;
* the accented syllable in one canonical spelling ("hội"), so a query typed
  with accents can prefer exact matches (only when it differs from the
  folded form);
* when underthesea's segmenter says a compound word starts here, the whole
  word, folded ("hoi_nghi"), so documents holding the compound rank above
  documents holding its syllables scattered. (Its accented form would add
  a seventh of the index for nothing: accents are preferred syllable by
  syllable.)

Syllable positions count words only, so a phrase query over syllables works
whatever compounds sit beside them. Every token carries ``startchar`` and
``endchar`` into the text it came from, which must be NFC (the indexer
stores NFC), so highlights land on the article's own characters.

At query time (``mode="query"``, which is what the highlighter uses) only
folded syllables are produced: the searcher builds its own queries from
:mod:`search_app.text` and highlights by folded syllable.
"""

import itertools
import re
import threading
import unicodedata

from whoosh.analysis import Filter, Tokenizer
from whoosh.analysis.acore import Token

from .segmenter import Segmenter
from .text import FOLDED_CHARACTERS, canonical, fold, normalize_tone

# A token for the segmenter: a run of letters/digits, or one other
# non-space character (punctuation tells the model where words stop).
_SEGMENT_RE = re.compile(r"(?P<word>[^\W_]+)|[^\w\s]|_")
# A word: a run of letters and digits (not "_", which joins compounds).
WORD_RE = re.compile(r"[^\W_]+")
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
# Characters that folding turns into several characters or into a
# character of the other kind (letter or not): "æ" -> "ae", "ǀ" -> "|".
# A text without them folds character for character (see folds_in_place).
_RESHAPED = "".join(
    re.escape(c)
    for c in FOLDED_CHARACTERS
    if len(fold(c)) != 1 or bool(_WORD_SPLIT_RE.match(c)) != bool(_WORD_SPLIT_RE.match(fold(c)))
)
_RESHAPED_RE = re.compile(f"[{_RESHAPED}]")
COMPOUND_JOINER = "_"

_model = None
_model_lock = threading.Lock()


def load_model():
    """Load underthesea's CRF word segmenter once per process.

    The model ships inside the underthesea wheel, so this reads local files
    only. It labels *our* tokens (instead of ``word_tokenize`` re-tokenizing
    the text), whose character offsets we know; see
    :mod:`search_app.segmenter` for why it does not go through underthesea's
    tagger.
    """
    global _model
    with _model_lock:
        if _model is None:
            _model = Segmenter()
    return _model


def segment(tokens):
    """Return a list of booleans: True where a token starts a new word.

    ``tokens`` are the strings of one line, as matched by ``_SEGMENT_RE``.
    """
    if not tokens:
        return []
    return load_model().starts([normalize_tone(t) for t in tokens])


def words_with_offsets(text):
    """``[(word, startchar, endchar)]`` for each word of ``text``.

    The text is split once, words and what lies between them alternating,
    and the offsets are running sums of their lengths: loops in C instead
    of one Python step per regex match (a results page tokenises ten whole
    articles for their snippets).

    >>> words_with_offsets("Hội nghị, 2023!")
    [('Hội', 0, 3), ('nghị', 4, 8), ('2023', 10, 14)]
    """
    parts = _WORD_SPLIT_RE.split(text)  # between, word, between, ..., between
    ends = list(itertools.accumulate(map(len, parts)))
    return list(zip(parts[1::2], ends[0::2], ends[1::2]))


def folds_in_place(text, folded):
    """Whether ``folded`` (``fold_text(text)``) holds ``text``'s words at their places, letter for letter.

    True of Vietnamese; not of a text with "æ" (folds to two letters) or
    "ǀ" (a letter that folds to "|").

    >>> folds_in_place("Hội nghị", "hoi nghi"), folds_in_place("Cæsar", "caesar")
    (True, False)
    """
    return len(folded) == len(text) and not _RESHAPED_RE.search(text)


def compounds(text):
    """Yield ``(syllables, spans, first_index)`` per segmented word.

    ``spans`` holds each syllable's ``(startchar, endchar)`` in ``text``;
    ``first_index`` is the index of the word's first syllable among all the
    syllables of ``text``. Lines are segmented separately: no word spans a
    line break.
    """
    index = 0
    offset = 0
    for line in text.split("\n"):
        matches = list(_SEGMENT_RE.finditer(line))
        if matches:
            starts = segment([m.group() for m in matches])
            syllables, spans = [], []
            for match, starts_word in zip(matches, starts):
                word = match.group()
                is_word = match.lastgroup == "word"
                if syllables and (starts_word or not is_word):
                    yield syllables, spans, index
                    index += len(syllables)
                    syllables, spans = [], []
                if is_word:
                    syllables.append(word)
                    spans.append((offset + match.start(), offset + match.end()))
            if syllables:
                yield syllables, spans, index
                index += len(syllables)
        offset += len(line) + 1


class VietnameseTokenizer(Tokenizer):
    """Yields syllables, and in index mode the compound words that group them.

    A compound token's text joins its syllables with ``_`` and sits at the
    position of its first syllable, just before that syllable's token.
    """

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        # Offsets refer to the NFC text, which is what the index stores.
        if not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        if mode == "query":
            for pos, (word, start, end) in enumerate(words_with_offsets(value)):
                yield self._fill(token, word, start, end, start_pos + pos, start_char, keeporiginal)
            return
        for syllables, spans, first in compounds(value):
            pos = start_pos + first
            if len(syllables) > 1:
                text = COMPOUND_JOINER.join(syllables)
                yield self._fill(token, text, spans[0][0], spans[-1][1], pos, start_char, keeporiginal)
            for word, (start, end) in zip(syllables, spans):
                yield self._fill(token, word, start, end, pos, start_char, keeporiginal)
                pos += 1

    @staticmethod
    def _fill(token, text, start, end, pos, start_char, keeporiginal):
        token.text = text
        token.boost = 1.0
        token.stopped = False
        if keeporiginal:
            token.original = text
        if token.positions:
            token.pos = pos
        if token.chars:
            token.startchar = start_char + start
            token.endchar = start_char + end
        return token


class VietnameseFormsFilter(Filter):
    """Turns each syllable into its folded form, plus its accented form if different.

    Compound words and query tokens keep only the folded form.

    >>> [t.text for t in VietnameseFormsFilter()(iter([Token(text="Hoà")]))]
    ['hoa', 'hòa']
    """

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            if COMPOUND_JOINER in text:
                # Fold syllable by syllable: syllables repeat, compounds less.
                t.text = COMPOUND_JOINER.join(fold(s) for s in text.split(COMPOUND_JOINER))
                yield t
                continue
            t.text = folded = fold(text)
            yield t
            if t.mode != "query":
                accented = canonical(text)
                if accented != folded:
                    t.text = accented
                    yield t


def VietnameseAnalyzer():
    """The analyzer of every text field in the schema."""
    return VietnameseTokenizer() | VietnameseFormsFilter()


def query_forms(word):
    """The (folded, accented) index terms for one syllable of a query."""
    return fold(word), canonical(word)
