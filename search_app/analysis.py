"""Analysis for Vietnamese: syllables, compound words, folded forms.

Vietnamese writes words as space-separated syllables ("Hội nghị" is one word
of two syllables). :func:`index_terms` gives what the index holds for a
text, at each syllable's position:

* the folded syllable ("hoi"), so unaccented queries match accented text;
  with its positions, for phrase queries;
* the accented syllable in one canonical spelling ("hội"), so a query typed
  with accents can prefer exact matches (only when it differs from the
  folded form);
* when underthesea's segmenter says a compound word starts here, the whole
  word, folded ("hoi_nghi"), so documents holding the compound rank above
  documents holding its syllables scattered. (Its accented form would add
  a seventh of the index for nothing: accents are preferred syllable by
  syllable.)

Accented forms and compounds are scored, never matched as phrases, so the
index keeps only how often each occurs (:mod:`search_app.store.terms`).
Syllable positions count words only, so a phrase query over syllables works
whatever compounds sit beside them.
"""

import itertools
import re
import threading
import unicodedata
from collections import defaultdict
from typing import NamedTuple

from .segmenter import Segmenter
from .text import FOLDED_CHARACTERS, canonical, fold, normalize_tone

# A token for the segmenter: a run of letters/digits, or one other
# non-space character (punctuation tells the model where words stop).
TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]|_")
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
# Tokens whose index forms are remembered (see _forms).
FORMS_CACHE = 200_000
_FORMS = {}

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
            _model = Segmenter(normalize=normalize_tone)
    return _model


def segment(lines):
    """For each line, a list of booleans: True where a token starts a new word.

    A line is a list of tokens, the strings matched by ``TOKEN_RE``; the
    lines of a text are segmented together, each on its own. The model sees
    each token with its tone mark where the traditional rule puts it.
    """
    return load_model().starts_lines(lines)


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


def _forms(token):
    """``(folded, accented or None where it is the folded form)`` of a word token; ``()`` of another.

    Remembered for the next :data:`FORMS_CACHE` distinct tokens (then forgotten, all at once).
    """
    if len(_FORMS) >= FORMS_CACHE:
        _FORMS.clear()
    forms = ()
    if WORD_RE.fullmatch(token):
        folded, accented = fold(token), canonical(token)
        forms = (folded, accented if accented != folded else None)
    _FORMS[token] = forms
    return forms


class IndexTerms(NamedTuple):
    """What the index holds for one text: ``{term: [positions]}`` and ``{term: count}``."""

    syllables: dict  # folded syllables, with their word positions
    others: dict  # accented syllables and folded compound words, with how often each occurs


def index_terms(text):
    """The index terms of ``text`` (NFC or not).

    >>> terms = index_terms("Hội nghị, hội thảo")
    >>> terms.syllables
    {'hoi': [0, 2], 'nghi': [1], 'thao': [3]}
    >>> terms.others
    {'hội': 2, 'nghị': 1, 'hoi_nghi': 1, 'thảo': 1, 'hoi_thao': 1}
    """
    return index_terms_of([text])[0]


def index_terms_of(texts):
    """:func:`index_terms` of each of ``texts`` (a document's fields, or several documents'), their lines segmented in one call.

    A call to the segmenter costs about 0.3 ms whatever its length, about what an article's
    own tokens cost: texts segmented in one call share it.

    >>> title, body = index_terms_of(["Hội", "nghị"])
    >>> title.syllables, body.syllables
    ({'hoi': [0]}, {'nghi': [0]})
    """
    texts = [
        text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
        for text in texts
    ]
    lines = [[TOKEN_RE.findall(line) for line in text.split("\n")] for text in texts]
    labels = segment([line for text_lines in lines for line in text_lines])
    found, at = [], 0
    for text_lines in lines:
        found.append(_terms(text_lines, labels[at : at + len(text_lines)]))
        at += len(text_lines)
    return found


def _terms(lines, labels):
    """The :class:`IndexTerms` of a text: ``lines``, its lines as lists of tokens; ``labels``, :func:`segment`'s for them.

    A word is a run of word tokens (see :func:`_forms`) from one the
    segmenter says starts a word to the next such, or to a token that is
    not a word's (punctuation) or a line's end: no word spans a line break.
    One pass over the tokens, with no word made as a list of its own (a
    writer runs this on every token it indexes).
    """
    syllables, others = defaultdict(list), defaultdict(int)
    known, join = _FORMS, COMPOUND_JOINER.join
    position = 0
    for tokens, starts in zip(lines, labels):
        word = []  # the folded syllables of the word so far
        for token, starts_word in zip(tokens, starts):
            forms = known.get(token)
            if forms is None:
                forms = _forms(token)
            if not forms:
                if len(word) > 1:
                    others[join(word)] += 1
                word = []
                continue
            folded, accented = forms
            if starts_word:
                if len(word) > 1:
                    others[join(word)] += 1
                word = [folded]
            else:
                word.append(folded)
            syllables[folded].append(position)
            if accented:
                others[accented] += 1
            position += 1
        if len(word) > 1:
            others[join(word)] += 1
    return IndexTerms(dict(syllables), dict(others))


def query_forms(word):
    """The (folded, accented) index terms for one syllable of a query."""
    return fold(word), canonical(word)
