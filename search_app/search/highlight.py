"""Snippets and marks: where the query's words are in a text, as character spans.

The words are the analyzer's own (:data:`search_app.analysis.WORD_RE`),
compared folded, so a query typed without accents marks the accented text.
Nothing here is HTML: :mod:`search_app.web.markup` renders the spans.
"""

import bisect
import re
from dataclasses import dataclass

from ..analysis import WORD_RE, folds_in_place
from ..text import fold, fold_text

SNIPPET_CHARS = 240
# A passage that repeats this many words of one already chosen shows nothing new.
REPEATED_WORDS = 8
TRAILING_PUNCTUATION = ".,;:!?…)]\"'”»"
_SPACES_RE = re.compile(r"\s+")
_NOT_SPACE_RE = re.compile(r"\S")
_WORD_START_RE = re.compile(f"(?<![^\\W_]){WORD_RE.pattern}")
_LAST_WORD_END_RE = re.compile(r"(?s).*[^\W_](?![^\W_])")
_LAST_WORD_BEFORE_RE = re.compile(r"(?s).*[^\W_](?=[\W_])")


@dataclass(frozen=True)
class Passage:
    """A stretch of text, white space squeezed, and the spans of its matched words.

    Adjacent matched words are one span. ``cut_before`` and ``cut_after``
    say whether the text goes on before and after the passage.
    """

    text: str
    marks: tuple = ()  # ((start, end), ...) into ``text``
    cut_before: bool = False
    cut_after: bool = False


def snippet(text, terms, chars=SNIPPET_CHARS):
    """Up to two passages of ``text`` around the words in ``terms`` (folded), best first.

    A passage runs from about a third of ``chars`` before a matched word to
    as far as ``chars`` allows past the last matched word it takes in, on
    word boundaries, with the punctuation that closes it. The passages with
    the most different query words (then the most matches, then the
    earliest) are chosen, but never one that repeats :data:`REPEATED_WORDS`
    words of a passage already chosen (an article that says a thing twice,
    as a photo caption does, shows it once). Without a match, the start of
    the text.

    >>> [p.text for p in snippet("Mở đầu. Hội nghị cán bộ năm 2023, hội nghị lần hai.", {"hoi"}, chars=30)]
    ['Mở đầu. Hội nghị cán bộ năm', '2023, hội nghị lần hai.']
    >>> snippet("Hội  nghị", {"hoi", "nghi"})[0].marks
    ((0, 8),)
    """
    folded, hits = _matches(text, terms)  # hits: (start, end, folded word)
    if not hits:
        head = text[:chars]
        if len(text) > chars:
            head = head.rsplit(" ", 1)[0]
        return [Passage(" ".join(head.split()), cut_after=len(text) > chars)]
    surround = chars // 3
    passages = []  # (startchar, endchar, matched words); never overlapping
    i = 0
    while i < len(hits):
        floor = passages[-1][1] if passages else 0
        start = _WORD_START_RE.search(text, max(hits[i][0] - surround, floor)).start()
        j = i + 1
        while j < len(hits) and hits[j][1] - start <= chars - surround // 2:
            j += 1
        end = _last_word_end(text, hits[j - 1][1], start + chars)
        while j < len(hits) and hits[j][0] < end:  # matches the stretch took in: this passage's
            j += 1
        passages.append((start, end, hits[i:j]))
        i = j

    def quality(passage):
        start, _, matched = passage
        return (-len({word for _, _, word in matched}), -len(matched), start)

    chosen, shown = [], set()
    for start, end, matched in sorted(passages, key=quality):
        runs = _runs(WORD_RE.findall(folded[start:end]) if folded else folded_words(text[start:end]))
        if not runs & shown:
            chosen.append((start, end, matched))
            shown |= runs
        if len(chosen) == 2:
            break
    return [_passage(text, [(s, e) for s, e, _ in matched], start, end) for start, end, matched in chosen]


def _last_word_end(text, start, limit):
    """Where the last word of ``text[start:]`` that ends by ``limit`` ends; ``start`` if none does."""
    if limit >= len(text):
        found = _LAST_WORD_END_RE.match(text, start)
    else:  # a word cut at limit + 1 would seem to end there: ask for what follows its end
        found = _LAST_WORD_BEFORE_RE.match(text, start, limit + 1)
    return found.end() if found else start


def _runs(words):
    """Every run of :data:`REPEATED_WORDS` consecutive words."""
    return set(zip(*(words[i:] for i in range(REPEATED_WORDS))))


def _passage(text, spans, start, end):
    """``text[start:end]`` (and the punctuation closing it), white space squeezed, ``spans`` moved along.

    ``start`` is a word's start, so the stretch opens and closes on other
    than white space.
    """
    while end < len(text) and text[end] in TRAILING_PUNCTUATION:
        end += 1
    stretch = text[start:end]
    squeezed = " ".join(stretch.split())  # the stretch neither starts nor ends with white space
    if len(squeezed) == len(stretch):  # each run of white space was one character: nothing moves
        marked = [(s - start, e - start) for s, e in spans]
    else:
        # Where each run of white space ends in the stretch, and how much squeezing took up to there.
        run_ends, taken = [0], [0]
        for run in _SPACES_RE.finditer(stretch):
            run_ends.append(run.end())
            taken.append(taken[-1] + len(run.group()) - 1)

        def moved(at):
            at -= start
            return at - taken[bisect.bisect_right(run_ends, at) - 1]

        marked = [(moved(s), moved(e)) for s, e in spans]
    return Passage(
        squeezed,
        tuple(_joined(squeezed, marked)),
        _NOT_SPACE_RE.search(text, 0, start) is not None,  # not text[:start].strip(): no copies
        _NOT_SPACE_RE.search(text, end) is not None,
    )


def _joined(text, spans):
    """``spans`` with those only spaces apart made one: "<mark>Giang Mạnh Khôi</mark>"."""
    joined = []
    for start, end in spans:
        between = text[joined[-1][1] : start] if joined else None
        if between and not between.strip(" \t"):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def marks(text, terms):
    """The spans of the words of ``text`` in ``terms`` (folded), in order.

    >>> marks("Hội nghị <b>", {"hoi"})
    [(0, 3)]
    """
    return _joined(text, [(start, end) for start, end, _ in matching_words(text, terms)])


def matching_words(text, words):
    """``[(startchar, endchar, folded word)]`` of each word of ``text`` (NFC) whose folded form is in ``words``.

    >>> matching_words("Hội nghị, 2023! Hội", {"hoi", "2023"})
    [(0, 3, 'hoi'), (10, 14, '2023'), (16, 19, 'hoi')]
    >>> matching_words("Cæsar và Đảng", {"caesar", "dang"})
    [(0, 5, 'caesar'), (9, 13, 'dang')]
    """
    return _matches(text, words)[1]


def _matches(text, words):
    """``(text folded, or None where folding moves its words; the hits of matching_words)``.

    The whole text is folded at once and searched for the words
    themselves (``str.find``, faster than a pattern of alternatives even for
    one-letter words), not split into all its words: Vietnamese folds letter
    for letter, so the offsets hold, and a results page searches ten whole
    articles for its snippets. A text with a letter that folds to more or
    less than one letter ("æ") is split and folded word by word.
    """
    if not words or not text:
        return None, []
    folded = fold_text(text)  # not fold(): its cache is for words, not whole articles
    if not folds_in_place(text, folded):
        found = ((m.start(), m.end(), fold(m.group())) for m in WORD_RE.finditer(text))
        return None, [hit for hit in found if hit[2] in words]
    hits, length = [], len(folded)
    for word in words:
        if not WORD_RE.fullmatch(word):  # here a folded word is one
            continue
        size = len(word)
        at = folded.find(word)
        while at >= 0:
            end = at + size
            # A whole word: no letter or digit just before or after it.
            if (not at or not folded[at - 1].isalnum()) and (end == length or not folded[end].isalnum()):
                hits.append((at, end, word))
            # One that starts inside this one follows a letter: no whole word.
            at = folded.find(word, end)
    hits.sort()
    return folded, hits


def folded_words(text):
    """The words of ``text`` (NFC), folded: folded at once where that keeps them, else one by one.

    >>> folded_words("Hội nghị, 2023!")
    ['hoi', 'nghi', '2023']
    >>> folded_words("Cæsar ǀ Đảng")
    ['caesar', '|', 'dang']
    """
    folded = fold_text(text)
    if not folds_in_place(text, folded):
        return [fold_text(word) for word in WORD_RE.findall(text)]
    return WORD_RE.findall(folded)
