"""Snippets and marks: where the query's words are in a text, as character spans.

The words are the analyzer's own (:func:`search_app.analysis.folded_words`),
compared folded, so a query typed without accents marks the accented text.
Nothing here is HTML: :mod:`search_app.web.markup` renders the spans.
"""

import re
from dataclasses import dataclass

from ..analysis import folded_words

SNIPPET_CHARS = 240
# A passage that repeats this many words of one already chosen shows nothing new.
REPEATED_WORDS = 8
TRAILING_PUNCTUATION = ".,;:!?…)]\"'”»"
_SPACES_RE = re.compile(r"(\s+)")


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
    folded, starts, ends = folded_words(text) if terms and text else ([], [], [])
    hits = [i for i, word in enumerate(folded) if word in terms]
    if not hits:
        head = text[:chars]
        if len(text) > chars:
            head = head.rsplit(" ", 1)[0]
        return [Passage(" ".join(head.split()), cut_after=len(text) > chars)]
    surround = chars // 3
    passages = []  # (first word, last word, matched words); never overlapping
    i = 0
    while i < len(hits):
        first = last = hits[i]
        floor = passages[-1][1] + 1 if passages else 0
        while first > floor and starts[hits[i]] - starts[first - 1] <= surround:
            first -= 1
        j = i + 1
        while j < len(hits) and ends[hits[j]] - starts[first] <= chars - surround // 2:
            j += 1
        last = hits[j - 1]
        while last + 1 < len(starts) and ends[last + 1] - starts[first] <= chars:
            last += 1
        while j < len(hits) and hits[j] <= last:  # matches the stretch took in: this passage's
            j += 1
        passages.append((first, last, hits[i:j]))
        i = j

    def quality(passage):
        first, _, matched = passage
        return (-len({folded[k] for k in matched}), -len(matched), first)

    chosen, shown = [], set()
    for first, last, matched in sorted(passages, key=quality):
        runs = _runs(folded[first : last + 1])
        if not runs & shown:
            chosen.append((first, last, matched))
            shown |= runs
        if len(chosen) == 2:
            break
    return [
        _passage(text, [(starts[k], ends[k]) for k in matched], starts[first], ends[last])
        for first, last, matched in chosen
    ]


def _runs(words):
    """Every run of :data:`REPEATED_WORDS` consecutive words."""
    return {tuple(words[i : i + REPEATED_WORDS]) for i in range(len(words) - REPEATED_WORDS + 1)}


def _passage(text, spans, start, end):
    """``text[start:end]`` (and the punctuation closing it), white space squeezed, ``spans`` moved along."""
    while end < len(text) and text[end] in TRAILING_PUNCTUATION:
        end += 1
    pieces, at = [], start
    for s, e in spans:
        pieces += [(text[at:s], False), (text[s:e], True)]
        at = e
    pieces.append((text[at:end], False))
    out, spans, space = "", [], False
    for piece, marked in pieces:
        for n, chunk in enumerate(_SPACES_RE.split(piece)):
            if n % 2:  # a run of white space
                space = True
            elif chunk:
                if space and out:
                    out += " "
                space = False
                out += chunk
                if marked:
                    spans.append((len(out) - len(chunk), len(out)))
    return Passage(out, tuple(_joined(out, spans)), bool(text[:start].strip()), bool(text[end:].strip()))


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
    if not terms or not text:
        return []
    return _joined(text, [(start, end) for word, start, end in zip(*folded_words(text)) if word in terms])
