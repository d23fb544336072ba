"""What is not the article: share buttons, menus, captions markers, bylines,
and the ``Nguồn:`` and ``Theo <url>`` lines (kept as ``source`` and ``url``).
"""

import re
from urllib.parse import urlparse

from ..text import fold, fold_by_letter, fold_text, word_list
from .lexicon import NAME_SYLLABLE, UPPER

SHARE_WORDS = frozenset(word_list("share-words"))
NAV_LINES = frozenset(word_list("navigation-lines"))
READ_MORE_RE = re.compile(r"(?:doc|xem) them\s*[:>]")
SOURCE_RE = re.compile(r"^\s*Nguồn\s*:\s*(?P<source>.+?)\s*$", re.IGNORECASE)
THEO_URL_RE = re.compile(r"^\s*Theo\s*:?\s*(?P<url>https?://\S+)\s*$", re.IGNORECASE)
CAPTION_MARKER_RE = re.compile(r"\s+-\d+\s*$")
BYLINE_RE = re.compile(
    rf"^(?:{NAME_SYLLABLE}(?:\s+{NAME_SYLLABLE})*|[{UPPER}](?:\.[{UPPER}])+\.?)"
    rf"(?:\s*[,&-]\s*(?:{NAME_SYLLABLE}(?:\s+{NAME_SYLLABLE})*|[{UPPER}](?:\.[{UPPER}])+\.?))*$"
)


def clean_body(body, title):
    """Drop sharing, navigation, caption markers, source and byline lines.

    Returns ``(clean_body, meta)``, ``meta`` holding what was taken out
    (``source``, ``url``, ``byline``).
    """
    meta = {}
    kept = []
    folded_title = fold(title).strip()
    # The body folded at once (a call costs more than its letters), each line
    # cut from it; else each line folded on its own.
    folded_body = fold_by_letter(body)
    at = 0  # where the line starts in the body
    for line in body.split("\n"):
        start, at = at, at + len(line) + 1
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        if folded_body is None:
            folded = fold_text(stripped)  # a paragraph: not worth fold()'s cache
        else:
            start += len(line) - len(line.lstrip())
            folded = folded_body[start : start + len(stripped)]
        if _only_share_words(folded):
            continue
        if folded.rstrip(" :.") in NAV_LINES:
            break  # navigation to other articles: the article has ended
        if READ_MORE_RE.match(folded):
            continue  # a link to another article ("Đọc thêm >>> ...")
        match = SOURCE_RE.match(stripped)
        if match:
            meta["source"] = match["source"].rstrip(".")
            continue
        match = THEO_URL_RE.match(stripped)
        if match:
            meta["url"] = match["url"]
            continue
        unmarked = CAPTION_MARKER_RE.sub("", stripped)
        if unmarked.startswith("(") and unmarked.endswith(")"):
            unmarked = unmarked[1:-1].strip()
        if folded_title and (folded if unmarked == stripped else fold_text(unmarked)) == folded_title:
            continue  # the title repeated as a photo caption
        kept.append(unmarked)
    while kept and not kept[-1]:
        kept.pop()
    if kept and _is_byline(kept[-1]):
        meta["byline"] = kept.pop()
    text = "\n".join(kept).strip()
    return re.sub(r"\n{3,}", "\n\n", text), meta


_WORD_RE = re.compile(r"\w+")


def _only_share_words(folded_line):
    """Whether every word of a folded line is a share button's ("chia se", "facebook", ...).

    Read word by word: a paragraph of the article fails at its first.
    """
    return all(word.group() in SHARE_WORDS for word in _WORD_RE.finditer(folded_line))


def _is_byline(line):
    return len(line.split()) <= 6 and BYLINE_RE.match(line) is not None


def source_host(url):
    if not url:
        return ""
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")
