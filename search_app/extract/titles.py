"""Titles: a first line that is really body text, and a title for an article without one."""

import re
from urllib.parse import urlparse

from ..text import fold, word_list
from .lexicon import SENTENCE_END_RE

TITLE_MAX_CHARS = 250
# A first line that opens like a report's first sentence ("Ngày 15/3/2024, ...",
# "Tham dự ...") and ends with a full stop is body text, if longer than this.
BODY_OPENER_RE = re.compile(r"(?:Ngày|Sáng|Chiều|Tối|Trưa|Hôm nay|Hôm qua|Vừa qua|Tham dự|Tới dự|Đến dự)\b")
BODY_OPENER_MIN_WORDS = 12


def fix_title(title, body):
    """Return ``(title, body)``, moving a first line that is really body text.

    Some articles have no title line: their first line is a sentence far
    longer than a headline, or one that opens like a report ("Ngày 15/3,
    ...", "Tham dự ...") and ends with a full stop.
    """
    sentence = title.endswith(".") and not title.endswith("..")
    words = len(title.split())
    looks_like_body = len(title) > TITLE_MAX_CHARS or (
        sentence and (words > 25 or (words > BODY_OPENER_MIN_WORDS and BODY_OPENER_RE.match(title)))
    )
    if looks_like_body:
        return "", (title + "\n" + body).strip()
    return title, body


def title_from_body(body, url="", max_words=14):
    """A title for an article that has none.

    The URL slug, when every syllable of it can be given its accents from
    the article's own words ("hoi-nghi-can-bo" -> "Hội nghị cán bộ");
    otherwise the first sentence, shortened.
    """
    restored = title_from_slug(url, body)
    if restored:
        return restored
    first = SENTENCE_END_RE.split(body.strip(), maxsplit=1)[0]
    words = first.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]).rstrip(",;:-–") + " …"
    return first.rstrip(".")


def _place_pairs():
    """``{(folded syllable, next folded syllable): (syllable, next syllable)}`` of the place names."""
    pairs = {}
    for name in word_list("place-names"):
        words = name.split()
        for first, second in zip(words, words[1:]):
            pairs.setdefault((fold(first), fold(second)), (first, second))
    return pairs


PLACE_PAIRS = _place_pairs()


def title_from_slug(url, body):
    """Restore an unaccented URL slug with the spellings the body uses.

    A place the body never names takes the spelling of ``words/place-names.txt``.
    """
    path = urlparse(url).path.rstrip("/") if url else ""
    slug = re.sub(r"\.\w+$", "", path.rsplit("/", 1)[-1])
    syllables = [s for s in re.split(r"[-_]+", slug.lower()) if s]
    if len(syllables) < 3 or not all(s.isalnum() for s in syllables):
        return ""
    # Each syllable must be covered by a pair of the body's words: a lone
    # syllable has too many accented readings to guess ("ha" is hà, hạ, há).
    pairs = {}
    body_words = re.findall(r"[^\W_]+", body)
    for first, second in zip(body_words, body_words[1:]):
        pairs.setdefault((fold(first), fold(second)), (first, second))
    for key, spelling in PLACE_PAIRS.items():
        pairs.setdefault(key, spelling)
    out = []
    for i, syllable in enumerate(syllables):
        after = pairs.get(tuple(syllables[i : i + 2]))
        before = pairs.get(tuple(syllables[i - 1 : i + 1])) if i else None
        if after:
            out.append(after[0])
        elif before:
            out.append(before[1])
        elif syllable.isdigit():
            out.append(syllable)
        else:
            return ""
    # Sentence case, keeping the capitals of names the body capitalises.
    out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)
