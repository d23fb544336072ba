"""Pure string functions for Vietnamese: Unicode form, tone placement, folding.

Nothing here knows about Whoosh or Flask. Every function is safe on any
string (non-Vietnamese text passes through unchanged) and is cheap enough to
call once per token.
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from unidecode import unidecode

# The five tone marks as combining characters (NFD).
TONE_MARKS = {
    "\u0300": "grave",  # huyền
    "\u0301": "acute",  # sắc
    "\u0303": "tilde",  # ngã
    "\u0309": "hook",  # hỏi
    "\u0323": "dot",  # nặng
}
# Vowels without tone; the ones carrying a quality mark take the tone first.
_VOWELS = set("aăâeêioôơuưy")
_MARKED_VOWELS = set("ăâêôơư")

# A word: letters and digits (Whoosh-style \w covers every script).
WORD_RE = re.compile(r"\w+")


def nfc(text):
    """Return ``text`` in Unicode NFC, the form we store and display."""
    return unicodedata.normalize("NFC", text)


def _tone_position(base):
    """Index in ``base`` (a lower-case, tone-less syllable) that takes the tone.

    The rule is the traditional one most Vietnamese news sites use
    ("hòa", "thủy", "khỏe"): a vowel with a quality mark wins (the last one,
    for "ươ"); otherwise the last vowel when a consonant closes the syllable,
    the middle of three vowels, and the first of two.
    """
    start = 0
    if base.startswith("qu"):
        start = 2
    elif base.startswith("gi") and len(base) > 2 and base[2] in _VOWELS:
        start = 2
    vowels = [i for i in range(start, len(base)) if base[i] in _VOWELS]
    if not vowels:
        # "gi" alone ("gì") or an odd token: the last vowel letter, if any.
        vowels = [i for i, ch in enumerate(base) if ch in _VOWELS]
        if not vowels:
            return None
    # Keep only the first contiguous run of vowels (the nucleus).
    run = [vowels[0]]
    for i in vowels[1:]:
        if i != run[-1] + 1:
            break
        run.append(i)
    marked = [i for i in run if base[i] in _MARKED_VOWELS]
    if marked:
        return marked[-1]
    closed = run[-1] + 1 < len(base)
    if closed:
        return run[-1]
    if len(run) == 3:
        return run[1]
    return run[0]


@lru_cache(maxsize=100_000)
def normalize_tone(word):
    """Put a syllable's tone mark where the traditional rule puts it.

    Accepts NFC or NFD, any case; returns NFC. Old and new placements of the
    same syllable ("hoà"/"hòa", "thuý"/"thúy") come out identical, and a word
    without exactly one tone mark comes back in NFC, otherwise unchanged.

    >>> normalize_tone("hoà") == normalize_tone("hòa") == "hòa"
    True
    >>> normalize_tone("Thuý")
    'Thúy'
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    if len(tones) != 1:
        return unicodedata.normalize("NFC", word)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    position = _tone_position(base.lower())
    if position is None:
        return unicodedata.normalize("NFC", word)
    return unicodedata.normalize("NFC", base[: position + 1] + tones[0] + base[position + 1 :])


# Every Latin letter with diacritics (and the combining marks of NFD text)
# and what unidecode makes of it; other scripts are not in the table, so
# ``str.translate`` leaves them alone (unidecode would turn "北京" into
# "Bei Jing "). One C-level pass instead of unidecode's per-character Python.
_LATIN = [*range(0x0080, 0x0250), *range(0x0300, 0x0370), *range(0x1E00, 0x1F00)]
_FOLD_TABLE = {code: unidecode(chr(code)) for code in _LATIN}
# The characters fold() maps itself (others are only lower-cased).
FOLDED_CHARACTERS = "".join(map(chr, _LATIN))


@lru_cache(maxsize=200_000)
def fold(word):
    """Lower-case ``word`` and strip its diacritics: "Đảng" -> "dang".

    Latin letters fold as unidecode folds them (so "đ" becomes "d", which
    plain Unicode decomposition would keep); other scripts are only
    lower-cased.

    >>> fold("Hội nghị Đảng ủy")
    'hoi nghi dang uy'
    >>> fold("Bắc Kinh 北京")
    'bac kinh 北京'
    """
    if word.isascii():
        return word.lower()
    return fold_text(word)


def fold_text(text):
    """:func:`fold` for a long text: the same folding, not cached.

    A text whose every character folds to one character is folded through
    a table of the Basic Multilingual Plane with numpy, seven times faster
    than ``str.translate`` on a news article; a short text, or any other
    ("æ", "İ", a final sigma, an emoji), with ``str.translate``.

    >>> fold_text("Hội nghị Đảng ủy")
    'hoi nghi dang uy'
    >>> fold_text("Cæsar ΟΔΟΣ")
    'caesar οδος'
    """
    text = nfc(text)
    if len(text) >= 64:
        folded = _folded_by_table(text)
        if folded is not None:
            return folded
    return text.translate(_FOLD_TABLE).lower()


def fold_by_letter(text):
    """``fold_text(text)`` where ``text`` is NFC and every character folds to one character, so its offsets hold; else None.

    >>> fold_by_letter("Hội nghị Đảng ủy"), fold_by_letter("Cæsar")
    ('hoi nghi dang uy', None)
    """
    return _folded_by_table(text) if unicodedata.is_normalized("NFC", text) else None


def _folded_by_table(text):
    """``text`` (NFC) folded through the table of the Basic Multilingual Plane; None where it cannot be."""
    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if not len(codes):
        return ""
    if codes.max() >= 0x10000:
        return None
    folded = _fold_codes().take(codes)  # take: a third of the time of indexing with an array
    if folded.max() == _SPECIAL:  # the largest uint32
        return None
    return folded.tobytes().decode("utf-32-le")


_SPECIAL = np.uint32(0xFFFFFFFF)


@cache
def _fold_codes():
    """Each BMP character's folded character, or :data:`_SPECIAL` where it is not one character.

    A final sigma lowers by its context, so capital sigma is special too.
    """
    table = np.full(0x10000, _SPECIAL, dtype=np.uint32)
    for code in range(0x10000):
        folded = chr(code).translate(_FOLD_TABLE).lower()
        if len(folded) == 1 and code != 0x3A3:
            table[code] = ord(folded)
    return table


def replace_words(text, matches, words):
    """``text`` with each regex match replaced by the word at the same place in ``words``.

    >>> query = "hoi: nghi"
    >>> replace_words(query, list(WORD_RE.finditer(query)), ["hội", "nghị"])
    'hội: nghị'
    """
    pieces, last = [], 0
    for match, word in zip(matches, words):
        pieces += [text[last : match.start()], word]
        last = match.end()
    return "".join(pieces) + text[last:]


def has_diacritics(word):
    """True when folding would change ``word`` beyond lower-casing."""
    return fold(word) != word.lower()


@lru_cache(maxsize=200_000)
def canonical(word):
    """The accented form we index and compare: NFC, lower case, one tone rule."""
    return normalize_tone(word).lower()


# A syllable of one consonant and "y", spelt with "i" as well: "sỹ"/"sĩ", "lý"/"lí".
I_SPELT_Y_RE = re.compile(r"\b([bcdghklmnpqrstvx])y\b")


def name_key(name):
    """The key a person is known by: the folded name, hyphens and dots as
    spaces, curly apostrophes straight, and "y" after one consonant as "i"
    (the two spellings of "sĩ", "lý", "kỳ"), so "Khôi" and "Khổi", "Jong-un"
    and "Jong Un", "D.Trump" and "D. Trump", "O’Neill" and "O'Neill", "Mai
    Sĩ Diến" and "Mai Sỹ Diến" are one person.

    >>> name_key("Kim Jong-un") == name_key("Kim  Jong Un")
    True
    >>> name_key("George H.W. Bush")
    'george h w bush'
    >>> name_key("Mai Sỹ Diến")
    'mai si dien'
    """
    folded = fold(name).replace("-", " ").replace(".", " ").replace("’", "'").replace("‘", "'")
    return " ".join(I_SPELT_Y_RE.sub(r"\1i", folded).split())


def words(text):
    """The words of ``text`` as strings, in order (a quick tokenizer)."""
    return WORD_RE.findall(nfc(text))


@lru_cache(maxsize=10_000)
def canonical_phrase(text):
    """:func:`canonical` applied to each word of ``text``, spacing kept.

    Remembered: extraction asks for the same short phrases (a name, a role)
    a hundred times an article. The last 10,000 answer 85 % of the asks
    (100,000: 91 %, for 27 MB more in each writer process).
    """
    return WORD_RE.sub(lambda m: canonical(m.group()), nfc(text))


# Word lists bundled with the package, one entry a line ("#" starts a comment).
WORDS_DIR = Path(__file__).parent / "words"


@cache
def word_list(name):
    """The entries of the word list ``words/<name>.txt``, in file order.

    >>> "nguyễn" in word_list("surnames")
    True
    """
    lines = (WORDS_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


# Initials in a foreign name: "H.W." in "George H.W. Bush", "D.Trump".
INITIALS = r"(?:[A-Z]\.)+(?:[A-Z][a-z]+)?"
INITIALS_RE = re.compile(INITIALS)
# A word in Vietnamese spelling, folded; a capitalised word that is not one
# (nor a place) is taken for part of a foreign name: "Putin", "Widodo".
VIETNAMESE_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
LATIN_WORD_RE = re.compile(r"(?:al-|el-|Mc|Mac|O['’])?[A-ZÄÖÜÅØÑÇ][a-zäöüåøñç]+(?:[-'’][A-Z]?[a-z]+){0,2}")
# Places written in Latin letters: never part of a person's name.
FOREIGN_PLACES = frozenset(word_list("foreign-places"))


def foreign_word(word):
    """Whether a capitalised word reads as part of a foreign name."""
    if INITIALS_RE.fullmatch(word):
        return True
    return (
        LATIN_WORD_RE.fullmatch(word) is not None
        and not VIETNAMESE_SYLLABLE_RE.fullmatch(word.lower().replace("-", ""))
        and word.lower().replace("-", "") not in FOREIGN_PLACES  # "Cam-pu-chia"
    )
