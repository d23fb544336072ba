"""Queries typed with Telex or VNI keystrokes, as a Vietnamese keyboard would have turned them.

Without a Vietnamese keyboard, people type the marks as letters or digits:
Telex "hooij nghij" and VNI "ho6i5 nghi5" both mean "hội nghị". :func:`convert`
turns such a word into the syllable it stands for; the searcher uses the
conversion only when the converted syllable is in the index and the word as
typed is not, so English words and codes ("class", "N95", "IMET") stay as they
are.
"""

import re

from ..text import fold, normalize_tone

# Tone marks, as combining characters.
_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VNI_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
# Letter marks, applied before the tone (longest first).
_TELEX_LETTERS = [
    ("uow", "ươ"),
    ("dd", "đ"),
    ("aa", "â"),
    ("aw", "ă"),
    ("ee", "ê"),
    ("oo", "ô"),
    ("ow", "ơ"),
    ("uw", "ư"),
]
_VNI_LETTERS = {
    "6": {"a": "â", "e": "ê", "o": "ô"},
    "7": {"o": "ơ", "u": "ư"},
    "8": {"a": "ă"},
    "9": {"d": "đ"},
}
# The shape of a Vietnamese syllable, folded: onset, vowels, coda.
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"[aeiouy]{1,3}"
    r"(?:ng|nh|ch|[cmnpt])?"
)


def convert(word):
    """The syllable a Telex or VNI word stands for, or None if it is not one.

    >>> convert("hooij"), convert("nghij"), convert("ho6i5"), convert("dduwowngf")
    ('hội', 'nghị', 'hội', 'đường')
    >>> convert("class"), convert("N95"), convert("IMET"), convert("hoi")
    (None, None, None, None)
    """
    if not word.isascii() or not word.isalnum():
        return None
    lower = word.lower()
    converted = _vni(lower) if any(ch.isdigit() for ch in lower) else _telex(lower)
    if converted is None or converted == lower:
        return None
    if not _SYLLABLE_RE.fullmatch(fold(converted)):
        return None
    return converted[0].upper() + converted[1:] if word[0].isupper() else converted


def _telex(word):
    tone = ""
    if len(word) > 2 and word[-1] in _TELEX_TONES:
        tone, word = _TELEX_TONES[word[-1]], word[:-1]
    for keys, letter in _TELEX_LETTERS:
        word = word.replace(keys, letter)
    if "w" in word:
        return None
    return _with_tone(word, tone)


def _vni(word):
    tone = ""
    letters = []
    for ch in word:
        if ch in _VNI_TONES:
            if tone:
                return None
            tone = _VNI_TONES[ch]
        elif ch in _VNI_LETTERS:
            # The mark goes on the last letter it can go on ("uo7" -> "ươ").
            marks = _VNI_LETTERS[ch]
            spots = [i for i, c in enumerate(letters) if c in marks]
            if not spots:
                return None
            if ch == "7" and len(spots) > 1 and letters[spots[-2]] == "u" and spots[-1] == spots[-2] + 1:
                letters[spots[-2]] = "ư"
            letters[spots[-1]] = marks[letters[spots[-1]]]
        elif ch.isdigit():
            return None
        else:
            letters.append(ch)
    return _with_tone("".join(letters), tone)


def _with_tone(word, tone):
    # normalize_tone moves the mark to where the traditional rule puts it; a
    # word with no vowel to carry it fails the syllable check in convert().
    return normalize_tone(word + tone)
