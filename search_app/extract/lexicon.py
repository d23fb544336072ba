"""The words and patterns several extractors share.

Word lists are data files in ``search_app/words/`` (:func:`search_app.text.word_list`);
the regular expressions are built from them once, at import.
"""

import re

from ..analysis import words_with_offsets
from ..text import INITIALS, word_list

UPPER = (
    "A-Z"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
    "ĀĒĪŌŪ"  # romanised Japanese: "Tarō Kōno"
    "ÄÖÜÅØÑÇ"  # European names: "Pereric Högberg"
)
LOWER = "a-z" + UPPER[3:].lower()
# "Jong-un", "Louis-Dreyfus", "al-Assad", "McCarthy", "O'Neill", "Bin’ali".
NAME_SYLLABLE = rf"(?:al-|el-|Mc|Mac|O['’])?[{UPPER}][{LOWER}]*(?:[-'’][{UPPER}]?[{LOWER}]+){{0,2}}"
# Lower-case particles inside a foreign name: "Jean-Paul de Gaudemar", "Gerard 't Hooft".
NAME_PARTICLES = ("de", "van", "von", "der", "du", "dos", "del", "bin", "ibn", "'t", "‘t", "’t")
# A foreign name alone this long may misspell a part of a full name's
# ("Sihanuc" for "Sihanouk", "Ivaka" for "Ivanka").
MISSPELT_MIN_LETTERS = 5
# Words ending with a head word that are not organisations' heads: "Hạ viện", "Sở ... Môi trường".
NOT_HEADS = {"thành phố", "môi trường", "thị trường", "quảng trường", "hạ viện", "thượng viện", "nghị viện"}
# Words that start a role or an organisation: a name stops before them.
ROLE_STARTS = frozenset(word_list("role-starts"))
# Verbs and links after which a role has ended.
ROLE_STOPS = frozenset(word_list("role-stops"))
# Roles that can stand right before a name: "Thứ trưởng Bộ ... Nguyễn Huy Dũng",
# "Tổng thống Nga Vladimir Putin", "cựu ứng viên Hillary Clinton".
ROLE_NOUN_LIST = word_list("role-nouns")


def _syllable_trie(phrases):
    """One regex for ``phrases``, lower-case, sharing first syllables ("thủ (tướng|môn|quân)").

    Case-insensitive matching of a flat list of a hundred alternatives tried each of
    them at every word; the trie tries a few. Same matches, twice as fast.
    """
    trie = {}
    for phrase in phrases:
        node = trie
        for word in phrase.lower().split():
            node = node.setdefault(word, {})
        node[""] = {}

    def build(node):
        options = []
        for word, child in sorted(node.items(), key=lambda item: -len(item[0])):
            if not word:
                continue
            if any(child):
                options.append(re.escape(word) + rf"(?:[ \t]+{build(child)})" + ("?" if "" in child else ""))
            else:
                options.append(re.escape(word))
        return "(?:" + "|".join(options) + ")"

    return build(trie)


# Match case-insensitively, within a line; "Đại sứ quán" is an embassy, not a role.
ROLE_NOUNS = rf"(?:phó[ \t]+)?{_syllable_trie(ROLE_NOUN_LIST)}(?![ \t]+quán)"
ROLE_BEFORE_RE = re.compile(
    # "tân" lower-case only ("tân Thái tử"); not "tài nguyên"
    rf"(?<!\w)(?:cựu[ \t]+|cố[ \t]+|(?<!\w )quyền[ \t]+|(?-i:tân)[ \t]+|(?<![Tt]ài )(?-i:nguyên)[ \t]+"
    rf"|(?<!Việt )(?<!miền )(?:nam|nữ)[ \t]+)?(?P<noun>{ROLE_NOUNS})(?!\w)",
    re.IGNORECASE,
)
# The words, lower-case, that a match of ROLE_BEFORE_RE starts with: its prefixes, then its nouns' first.
ROLE_FIRST_WORDS = frozenset(
    ["cựu", "cố", "quyền", "tân", "nguyên", "nam", "nữ", "phó"]
    + [noun.lower().split()[0] for noun in ROLE_NOUN_LIST]
)
# Letters that IGNORECASE matches as str.lower() does not ("ı" is "i", "ſ" is "s"; "İ" lowers to two).
_ODD_CASE_RE = re.compile("[ıſİ]")


def role_nouns_in(text):
    """``ROLE_BEFORE_RE.finditer(text)`` as a list, twice as fast on an article.

    The pattern is tried only at the words a match can start with (one word in
    ten of a news article) instead of at each one, where its hundred nouns'
    alternatives cost more than the word's lookup in :data:`ROLE_FIRST_WORDS`.

    >>> [match.group() for match in role_nouns_in("Phó Thủ tướng và cựu bộ trưởng đến.")]
    ['Phó Thủ tướng', 'cựu bộ trưởng']
    """
    lowered = text.lower()
    if len(lowered) != len(text) or _ODD_CASE_RE.search(text):
        return list(ROLE_BEFORE_RE.finditer(text))
    found, end = [], 0
    for word, start, _ in words_with_offsets(lowered):  # the same places as in text
        if start >= end and word in ROLE_FIRST_WORDS:
            match = ROLE_BEFORE_RE.match(text, start)
            if match:
                found.append(match)
                end = match.end()
    return found


# Lower-case words a role may run on with before its organisation or the
# name ("Giám đốc tài chính Huawei ...", "Tư lệnh cảnh sát quốc gia ...").
ROLE_TAIL_WORDS = 4
# At most this many words between a role and the comma before its holder's name.
ROLE_CLAUSE_WORDS = 8
# Surnames that start a name after a role (honorifics need no such list).
SURNAMES = frozenset(word_list("surnames"))
# A surname, capitalised: "Nguyễn|Trần|...".
SURNAME_WORD = "(?:" + "|".join(surname.title() for surname in sorted(SURNAMES)) + r")(?!\w)"
# The units of government among them that may stand bare before a person's name ("UBND tỉnh Trần Văn
# Chuyện"); not communes and wards, many of which are named after people ("xã Hoàng Văn Thụ").
ADMINISTRATIVE_UNITS = {"tỉnh", "huyện", "quận"}
# Places whose first syllable is also a surname: not people after a role.
PLACES = frozenset(word_list("places"))
# A name's last syllable and the lower-case word after it that make a word:
# "Đoàn Thanh niên" (the Youth Union), "KTS. Nguyễn Thanh Tùng Tư vấn ...".
NAME_LIKE_WORDS = {
    "thanh niên",
    "phụ nữ",
    "nông dân",
    "chiến binh",
    "nhân dân",
    "công nhân",
    "doanh nhân",
    "tư vấn",
}
# The second halves of ministries' and departments' names written with a
# dash: "Bộ Kế hoạch - đầu tư", "Sở Khoa học - Công nghệ".
ORG_SECOND_HALVES = (
    "đầu tư",
    "công nghệ",
    "thương binh",
    "xã hội",
    "thể thao",
    "du lịch",
    "vận tải",
    "môi trường",
    "phát triển nông thôn",
    "truyền thông",
    "đào tạo",
    "luật",
    "an ninh",
)
ORG_SECOND_HALF_RE = re.compile("(?i:" + "|".join(ORG_SECOND_HALVES) + r")\b")
# A short capitalised name in brackets inside an organisation's, before its head's
# name: "(PHUQUOC POC) Lê Ngọc Sơn", "Vụ châu Mỹ (Bộ Ngoại giao) Trần Thanh Tâm".
BRACKETED_NAME = rf"[{UPPER}][^()\n]{{0,20}}\)[ \t]+[{UPPER}]"
# Where the clause after a role ends; a parenthesised acronym ("(FBI)") or
# short name (BRACKETED_NAME), a ")" before a surname, initials ("H.W.") and
# "TP. HCM" do not end it, nor does a dash between two abbreviations, or a dash
# or comma before a name's second half: those are part of a name ("Bộ LĐ - TB &
# XH", "Bộ Kế hoạch - đầu tư", "Bộ Văn hoá, Thể thao và Du lịch"). "…" ends it.
CLAUSE_BREAK_RE = re.compile(
    rf",(?! {ORG_SECOND_HALF_RE.pattern})|[;:\n…]|\((?![A-Z]{{2,}}\)|{BRACKETED_NAME})"
    rf"|(?<![A-Z]{{2}})\)(?![ \t]+{SURNAME_WORD})"
    rf"|(?<![A-Z])\.(?=\s|$)"
    rf"|(?<![A-ZĐ]{{2}})\s[–—-]\s(?!{ORG_SECOND_HALF_RE.pattern})|\s[–—-]\s(?![A-ZĐ]{{2}}|{ORG_SECOND_HALF_RE.pattern})"
)
# Words, or pairs of words, a lower-case role may start with ("chủ tịch UBND
# xã ...", "phát ngôn viên ..." but not "phát biểu"); a role in capitals
# needs no such word.
LOWER_ROLE_STARTS = frozenset(word_list("lower-role-starts"))
ORG_HEAD_RE = re.compile(
    r"(?<!\w)(?:Trung tâm|Viện|Học viện|Sở|(?<!Trung )Bộ|Trường(?! (?:Sa|Sơn|Giang|Chinh)\b)|Đại học|Công ty|Tập đoàn|"
    r"Tổng công ty|Cục|Tổng cục|Liên hiệp|Ủy ban|UBND|Quỹ|Bệnh viện|Ngân hàng|(?<!Tây )Ban|Cơ quan|Hội đồng|Hiệp hội|"
    r"Tổng [Ll]iên đoàn|Liên đoàn|Hội(?! An))(?!\w)"
)
# A sentence ends at . ! ? before a capital, but not after an honorific
# abbreviation ("TS. Đặng Quang Thiệu").
SENTENCE_END_RE = re.compile(
    rf"(?<!\bTS)(?<!ThS)(?<!\bGS)(?<!PGS)(?<!\bKS)(?<!KTS)(?<!\bBS)(?<!TSKH)(?<!\bTp)(?<!\bTP)"
    rf"[.!?](?=\s+[{UPPER}\"“])|\n"
)
# The bodies of the party and the state that a post may name without a head word.
PARTY_OR_STATE_RE = re.compile(
    r"(?i:Trung ương|T\.Ư|TW|Quốc hội|Chính phủ|Đảng|[Tt]hành [uủ]ỷ|[Tt]ỉnh [uủ]ỷ|[Hh]uyện [uủ]ỷ|Quân [uủ]ỷ"
    r"|HĐND|UBND|MTTQ)(?!\w)"
)
ACADEMIC = r"(?:GS|PGS|TSKH|TS|ThS|KS|KTS|BS|NCS)"
# Honorifics and academic titles that introduce a person's name.
HONORIFIC = (
    r"(?:[Đđ]ồng chí|[Đđ]/[Cc]\.?|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Cc]ô|[Tt]hầy|[Bb]ạn|[Nn]gài|Madame|NSND|NSƯT|"
    r"(?:Phó\s+)?(?:[Gg]iáo sư|[Tt]iến sĩ|[Tt]hạc sĩ)|"
    rf"{ACADEMIC}(?:\s?\.\s?{ACADEMIC}){{0,2}}\.?(?=\s))"
)
HONORIFIC_RE = re.compile(HONORIFIC + r"\s")
# One word of a name: a capitalised syllable or initials.
NAME_WORD = rf"(?:{INITIALS}|{NAME_SYLLABLE})"
# Plural "các đồng chí ..." introduces a list of roles, not a person; "ông" in
# "đàn ông" (man) and "cụ ông" (old man) is not an honorific.
PLURAL_BEFORE = ("các ", "những ", "Các ", "Những ", "đàn ", "Đàn ", "cụ ", "Cụ ")
