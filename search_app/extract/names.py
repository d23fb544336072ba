"""People's names: where a name starts and ends in a run of capitalised words,
foreign or Vietnamese, and which mentions are one person.
"""

import difflib
import functools
import itertools
import re

from ..text import FOREIGN_PLACES, INITIALS_RE, LATIN_WORD_RE, fold, foreign_word, name_key, word_list
from ..text import canonical_phrase as canonical
from .lexicon import (
    ADMINISTRATIVE_UNITS,
    LOWER,
    MISSPELT_MIN_LETTERS,
    NAME_LIKE_WORDS,
    NAME_PARTICLES,
    NOT_HEADS,
    PLACES,
    ROLE_STARTS,
    SURNAME_WORD,
    SURNAMES,
    UPPER,
)

# A foreign name written with a spaced hyphen ("Julia Louis - Dreyfus",
# "Moon Jae - in", "Bashar al - Assad"): joined before names are looked for.
SPACED_HYPHEN_RE = re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?|al|el) - ([A-Za-z][a-z]*)\b")
# A romanised name right before a given name or a surname's next part:
# "Choe " in "Choe Son - hui", "Prayuth " in "Prayuth Chan - o - cha".
KOREAN_SURNAME_BEFORE_RE = re.compile(r"(?<![\w-])[A-Z][a-z]+ $")
# An Irish name written with a spaced apostrophe: "Peter O ' Neill".
SPACED_APOSTROPHE_RE = re.compile(r"\b(O) ?['’‘] ?([A-Z][a-z]+)")
# A Dutch particle written with a spaced apostrophe: "Gerard ' t Hooft".
SPACED_PARTICLE_RE = re.compile(r" ['’‘] t (?=[A-Z])")
APOSTROPHES = "'’‘"
# A Korean given name written with a hyphen: "Jae-in", "Jong-un".
KOREAN_GIVEN_NAME_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")
# Short Vietnamese words written without diacritics.
UNACCENTED_WORDS = frozenset(word_list("unaccented-words"))
# One syllable of a romanised East Asian name: "Tong" in "Goh Chok Tong", not "II" nor "Y".
ROMANISED_SYLLABLE_RE = re.compile(r"[A-Z][a-z]{2,}")
# A romanised East Asian name's word: "Kyung", "Jae-in", "Tarō".
ROMANISED_RE = re.compile(r"[A-ZĀĒĪŌŪ][a-zāēīōū]+(?:-[a-z]+)?")
# Countries whose people's names, romanised, read like Vietnamese syllables.
EAST_ASIA = {"triều tiên", "hàn quốc", "bình nhưỡng", "nhật bản", "trung quốc", "đài loan"}
# Those whose names Vietnamese reads in its own syllables ("Tập Cận Bình", "Cảnh Sảng").
SINO_VIETNAMESE = {"trung quốc", "đài loan"}
# Vietnamese words with no diacritics that open a clause: "Theo James Borton, ...".
UNACCENTED_LEADS = {
    "theo",
    "sau",
    "khi",
    "trong",
    "cho",
    "con",
    "tuy",
    "nam",
    "hai",
    "ba",
    "anh",
    "chi",
    "em",
}
# Capitalised Latin words before a foreign word that make it a title or a
# place, not a person: "HLV The Voice", "thị trưởng San Juan", "Man United".
NAME_LEADS_NOT_NAMES = {"the", "san", "sao", "santa", "los", "las", "man", "nou", "top"}
# Countries whose Vietnamese names are spelt in Latin letters alone.
LATIN_COUNTRIES = {"nga", "anh", "lao", "ai", "cap", "thai", "lan", "han", "nhat", "ban"}
# Words before a place's name ("phường Yên Hoà", "xã Tân Lộc"), or before a
# person's name that names something else ("Quỹ Jeff Henley", "giải Nobel").
PLACE_UNITS = {
    "phường",
    "xã",
    "huyện",
    "quận",
    "tỉnh",
    "thị",
    "trấn",
    "ấp",
    "thôn",
    "xóm",
    "quỹ",
    "giải",
    "đường",
    "phố",
    "làng",
    "trường",
    "học",
    "chuyên",
    "thpt",
    "thcs",
}


@functools.lru_cache(maxsize=8192)
def _name_patterns(name):
    """Compiled patterns for ``name`` with a Latin word before or after it, and for it alone."""
    word = LATIN_WORD_RE.pattern
    return (
        re.compile(rf"(?<![\w-])(?:({word}) {re.escape(name)}|{re.escape(name)} ({word}))(?![\w-])"),
        re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])"),
    )


def fuller_name(text, name, others=()):
    """The fuller form of a foreign ``name`` that introduces it in ``text`` ("Ivanka" -> "Ivanka Trump"), or "".

    The article must name the person in full first, one way only: "...
    của Conte Bashuayi đã lập công" after "HLV Conte" is two people. The
    title may use the short name first ("Con gái Obama khóc ..."). A full
    name found as someone else's (``others``) is not this one's.
    """
    fuller_re, alone = _name_patterns(name)
    forms = {}
    for match in fuller_re.finditer(text):
        other = match[1] or match[2]
        if (
            foreign_word(other)
            and other.lower() not in LATIN_COUNTRIES
            and name_key(match.group()) not in others
        ):
            forms.setdefault(match.group(), match)  # not "Michelle Obama", found as herself
    if len(forms) != 1:
        return ""
    ((fuller, match),) = forms.items()
    for first in (alone.search(text), alone.search(text, text.find("\n") + 1)):
        if first is None or match.start() <= first.start() < match.end():
            return fuller
    return ""


def misspelt(word, surname):
    """Whether ``word`` is ``surname`` misspelt: the same first letter, 80 % alike."""
    return word[0] == surname[0] and difflib.SequenceMatcher(None, word, surname).ratio() >= 0.8


def mentions(text, name):
    """How many times ``name`` stands in ``text`` as whole words."""
    return len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def misspelt_name(key, other):
    """Whether the foreign name ``key`` is ``other`` with one word misspelt (both keys, folded)."""
    words, others = key.split(), other.split()
    if len(words) != len(others) or len(words) < 2 or not all(map(foreign_word, map(str.title, words))):
        return False
    differ = [(word, them) for word, them in zip(words, others) if word != them]
    return len(differ) == 1 and len(differ[0][0]) >= MISSPELT_MIN_LETTERS and misspelt(*differ[0])


def anonymous(name):
    """Whether a Vietnamese ``name`` is cut short, as an article hides who it is: "Bùi Thị Th", "Đức T.", "ông Ph"."""
    words = name.split()
    last = fold(words[-1]).rstrip(".")
    vietnamese = len(words) == 1 or canonical(words[0]) in SURNAMES or not name.isascii()
    return vietnamese and len(last) <= 2 and not re.search("[aeiouy]", last)


def join_hyphens(text):
    """``text`` with the spaced hyphens and apostrophes inside names closed.

    A chain too: "Chan - o - cha" -> "Chan-o-cha", "O ' Neill" -> "O'Neill".
    """
    # Each pattern only where its apostrophe or " - " is: most texts have neither, and a
    # pattern tried at every character costs more than looking for one.
    if any(mark in text for mark in APOSTROPHES):
        text = SPACED_PARTICLE_RE.sub(" 't ", SPACED_APOSTROPHE_RE.sub(r"\1'\2", text))
    if " - " not in text:
        return text
    joined = SPACED_HYPHEN_RE.sub(_join_hyphen, text)
    return joined if joined == text else SPACED_HYPHEN_RE.sub(_join_hyphen, joined)


def _join_hyphen(match):
    left, right = match.groups()
    if left in ("al", "el"):
        joined = right[:1].isupper()
    elif right[:1].islower() and len(right) <= 4:
        # A Korean given name ("Jae - in", "Choe Son - hui"), not a sentence going
        # on ("Exports - cho") nor a Vietnamese name then a role ("Đặng Quang Vinh - chi cục
        # trưởng"): after a foreign word or a romanised surname.
        before = match.string[max(0, match.start() - 12) : match.start()]
        vietnamese = any(not word.isascii() and canonical(word) in SURNAMES for word in before.split()[-2:])
        joined = (
            right not in UNACCENTED_WORDS
            and not vietnamese
            and (
                foreign_word(left) and len(right) <= 3 or KOREAN_SURNAME_BEFORE_RE.search(before) is not None
            )
        )
    else:
        joined = foreign_word(left) and foreign_word(right[0].upper() + right[1:])
    return f"{left}-{right}" if joined else match.group()


def place_before(words):
    """Whether ``words`` end with a word that puts a place next ("phường", "trường").

    Not when it ends a longer word: "thành phố", "Sở Tài nguyên và Môi trường".
    """
    return (
        bool(words)
        and canonical(words[-1]) in PLACE_UNITS
        and canonical(" ".join(words[-2:])) not in NOT_HEADS
    )


def name_in(run, text=""):
    """``(start, end)`` of the person's name in a run of capitalised words, or (0, 0).

    A Vietnamese name is 2 to 4 capitalised syllables from a known surname
    ("Hà Nội Nguyễn Văn An" -> "Nguyễn Văn An"). A foreign name starts at the
    first word that is not Vietnamese spelling ("Mỹ Barack Obama", "Nga
    Putin", "Mỹ George H.W. Bush"), and takes the capitalised word before
    a lone surname ("Apple Tim Cook").
    """
    # A place's name after "phường", "tỉnh", "phố": "tỉnh Hải Dương Nguyễn Đại Dân", "phố Lê Văn Hưu";
    # not "Cục trưởng Đường sắt Nguyễn Hữu Thắng", "Bộ ... Xã hội Doãn Mậu Diệp".
    place = {
        i + n
        for i in range(len(run) - 1)
        for n in (1, 2)
        if run[i].lower() in PLACE_UNITS
        and place_before(run[: i + 1])
        and run[i + 1][:1].isupper()
        and canonical(" ".join(run[i : i + 2])) != "xã hội"
        and not (run[i].lower() in ADMINISTRATIVE_UNITS and name_after_unit(run[i + 1 :]))
    }
    for start, word in enumerate(run):
        if start in place or canonical(word) not in SURNAMES:
            continue
        if canonical(" ".join(run[max(0, start - 1) : start + 1])) in PLACES:
            continue  # "Hạm đội Thái Bình Dương Mỹ", "Hà Giang": the end of a place's name
        end = start
        while (
            end < len(run)
            and run[end][:1].isupper()
            and run[end].isalpha()
            and canonical(run[end]) != "ảnh"
            and (canonical(" ".join(run[end : end + 2])) not in ROLE_STARTS or not run[end + 1][:1].islower())
        ):
            # not "Ảnh" ("Lý Khắc Cường Ảnh: Reuters", a caption's photo credit), nor a post run on
            # without a stop ("Hoàng Trung Hải Bí thư Thành ủy ..."; but "Nguyễn Trung Tâm")
            end += 1
        if end < len(run) and canonical(f"{run[end - 1]} {run[end]}") in NAME_LIKE_WORDS:
            continue  # "Bí thư Đoàn Thanh niên": the Youth Union, not "Đoàn Thanh"
        if end - start > 4:
            start = _name_start(run, start, end)  # "Bệnh viện Bạch Mai Ngô Quý Châu"
        if not run[start].isascii() and any(map(foreign_word, run[start + 1 : end])):
            continue  # "châu Âu Jyrki Katainen", but "Kim Jong Un": a Vietnamese name is Vietnamese syllables
        if start and canonical(" ".join(run[start : start + 3])) == "hồ chí minh":
            continue  # "TP Hồ Chí Minh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"; not "Chủ tịch Hồ Chí Minh"
        if 2 <= end - start <= 4 and canonical(" ".join(run[start : start + 2])) not in PLACES:
            return start, end
    for i in range(len(run) - 2):
        if canonical(" ".join(run[i : i + 2])) in EAST_ASIA:
            # "Ngoại trưởng Triều Tiên Ri Yong Ho": romanised, the name reads like Vietnamese.
            tail = list(itertools.takewhile(ROMANISED_RE.fullmatch, run[i + 2 :]))
            if not tail and canonical(" ".join(run[i : i + 2])) in SINO_VIETNAMESE:
                # "Bộ Ngoại giao Trung Quốc Cảnh Sảng": a Chinese name read the Vietnamese way.
                tail = capitalised(run[i + 2 :])
            if 2 <= len(tail) <= 3:
                return i + 2, i + 2 + len(tail)
    for start, word in enumerate(run):
        if not foreign_word(word):
            continue
        end = start + 1
        while (
            end < len(run)
            and end - start < 3
            and (foreign_word(run[end]) and (end - start < 2 or INITIALS_RE.fullmatch(run[end - 1])))
        ):
            end += 1
        if end + 1 < len(run) and run[end] in NAME_PARTICLES and foreign_word(run[end + 1]):
            return start, end + 2  # "Mohammed bin Salman"
        if end < len(run) and run[end][:1].isupper():
            more = list(itertools.takewhile(lambda w: w[:1].isupper(), run[end:]))
            if all(map(foreign_word, more)):
                if (
                    len(more) == 1
                    and end - start == 2
                    and text
                    and _only_before(text, run[start], run[start + 1])
                ):
                    return start, end + 1  # "Mohammad Javad Zarif": three names, the first never alone
                # "Điện Kremlin Dmitry Peskov", "Facebook Mark Zuckerberg": the last two foreign words.
                return end + len(more) - 2, end + len(more)
            if (
                len(more) == 1
                and end - start == 1
                and more[0].isalpha()
                and more[0].lower() not in FOREIGN_PLACES
                and (more[0].isascii() or canonical(more[0]) in SURNAMES)
            ):
                return start, end + 1  # "Peter Lim", "Janet Nguyễn": a surname spelt like a syllable
            if (
                len(more) == 1
                and end - start == 2
                and ROMANISED_SYLLABLE_RE.fullmatch(more[0])
                and all(len(word) <= 4 for word in run[start:end])
                and more[0].lower() not in FOREIGN_PLACES
                and not any(w[:1].isupper() for w in run[end + 1 :])
            ):
                # "Goh Chok Tong": a romanised Chinese name whose last syllable is spelt like Vietnamese
                return start, end + 1
            if (
                len(more) == 2
                and end - start == 1
                and ROMANISED_RE.fullmatch(more[0])
                and (KOREAN_GIVEN_NAME_RE.fullmatch(more[1]))
            ):
                # "Michael Tien Puk-sun": a Hong Kong name, English then Chinese; but "tập đoàn
                # Samsung Lee Kun-hee": the company, then a Korean name
                return (start if text and _only_before(text, run[start], more[0]) else end), end + 2
            return 0, 0  # more capitals follow: an organisation ("Huawei Mạnh Vãn Chu")
        if (
            end - start == 1
            and start
            and (run[start - 1].isupper() or run[start - 1].lower() in NAME_LEADS_NOT_NAMES)
        ):
            return 0, 0  # "CLB Valencia", "FC Barcelona": the acronym's organisation; "The Voice", "San Juan"
        if end - start == 1 and start and latin_given_name(run[start - 1]):
            start -= 1
        elif (
            end - start == 1
            and start
            and KOREAN_GIVEN_NAME_RE.fullmatch(run[start])
            and (LATIN_WORD_RE.fullmatch(run[start - 1]))
        ):
            start -= 1  # "Tổng thống Moon Jae-in", "Liên Hợp Quốc Ban Ki-moon": the surname before a Korean given name
        return start, end
    return 0, 0


def name_after_unit(words):
    """Whether the capitalised ``words`` after "tỉnh", "huyện" ... are a person's name, not a place's.

    "UBND tỉnh Trần Văn Chuyện", "Chánh Thanh tra tỉnh Võ Văn Phúc": three
    words from a surname, or a surname then "Văn" or "Thị"; not "tỉnh Hải
    Dương Nguyễn Đại Dân".
    """
    capitals = capitalised(words)
    if not capitals or canonical(capitals[0]) not in SURNAMES or canonical(" ".join(capitals[:2])) in PLACES:
        return False
    if canonical(capitals[0]) == "đoàn":
        return False  # "Bí thư tỉnh Đoàn Nghệ An": the province's Youth Union
    return len(capitals) == 3 or len(capitals) > 2 and canonical(capitals[1]) in ("văn", "thị")


def capitalised(words):
    """The capitalised words of letters that open ``words``."""
    return list(itertools.takewhile(lambda w: w[:1].isupper() and w.isalpha(), words))


def _only_before(text, word, following):
    """Whether ``word`` appears in ``text`` only right before ``following``: a given name, not a company."""
    return text.count(word) == text.count(f"{word} {following}")


def latin_given_name(word):
    """Whether ``word``, before a foreign name, is its first part: Latin letters, not a place."""
    return (
        word.isascii()
        and LATIN_WORD_RE.fullmatch(word) is not None
        and word.lower() not in FOREIGN_PLACES
        and word.lower() not in LATIN_COUNTRIES
        and word.lower() not in UNACCENTED_LEADS
    )


def _name_start(run, start, end):
    """Where the name ends a stretch of over four capitalised words from ``start``.

    The stretch holds an organisation or a place, then the name; a surname
    opens the name: the one before "Văn" or "Thị", else the one three
    words from the end, else four, else two ("Bạch Mai Ngô Quý Châu" ->
    "Ngô Quý Châu").
    """
    for i in range(start, end - 2):
        if canonical(run[i + 1]) in ("văn", "thị") and end - i <= 4:
            return i  # a surname, even one not in SURNAMES ("Đường sắt Hà Ninh Đậu Văn Long")
    surnames = [i for i in range(start, end - 1) if canonical(run[i]) in SURNAMES]
    for length in (3, 4, 2):
        if end - length in surnames:
            return end - length
    return start


# A Vietnamese name of three or four syllables listed after another's honorific:
# ", Võ Văn Kiệt" in "ông Nguyễn Văn Linh, Võ Văn Kiệt".
LISTED_AFTER = r"(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)"  # ", " or " và "
LISTED_NAME = rf"{LISTED_AFTER}(?P<name>{SURNAME_WORD}(?:[ \t]+[{UPPER}][{LOWER}]*){{2,3}})"
LISTED_END = r"(?!\w)(?=[ \t]*(?:[,;.)–—-]|và[ \t]|$))"
LISTED_NAME_RE = re.compile(LISTED_NAME + LISTED_END)
# A name of two syllables, listed after a longer one: "ông Doãn Mậu Diệp, Lê Tấn Dũng, Lê Quân và ...".
LISTED_SHORT_NAME_RE = re.compile(
    rf"{LISTED_AFTER}(?P<name>{SURNAME_WORD}[ \t]+[{UPPER}][{LOWER}]*){LISTED_END}"
)


def more_names(rest):
    """The whole Vietnamese names listed at the start of ``rest`` (", Võ Văn Kiệt, ..."), up to one that is not.

    After a name of three or four syllables, one of two may follow (", Lê Quân").
    """
    names = []
    while more := LISTED_NAME_RE.match(rest) or names and LISTED_SHORT_NAME_RE.match(rest):
        if (
            name_in(more["name"].split()) != (0, len(more["name"].split()))
            or canonical(more["name"]) in PLACES
        ):
            break
        names.append(more["name"])
        rest = rest[more.end() :]
    return names
