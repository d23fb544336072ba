"""The organisation an article is about: the subject of its title or first sentence."""

import re

from ..text import canonical_phrase as canonical
from ..text import word_list
from .lexicon import LOWER, ORG_HEAD_RE, PARTY_OR_STATE_RE, ROLE_BEFORE_RE, SENTENCE_END_RE, UPPER

ORG_STOPS = frozenset(word_list("organisation-stops"))
ORG_VERBS = (
    "tổ chức|tiến hành|phối hợp|khánh thành|ký kết|ký|long trọng|triển khai|sơ kết|tổng kết|"
    "đã|đẩy mạnh|công bố|khai mạc|đón nhận|ra mắt|ứng dụng|năm|bổ nhiệm"
)
# Other words of the sentence that end its subject: "Bộ GTVT yêu cầu Tổng cục Đường bộ ...",
# "UBND TP. HCM vừa có ...".
ORG_SENTENCE_WORDS = (
    "vừa|đang|sẽ|vẫn|cũng|có|ra|bị|được|về|khi|sau|cho|là|đề nghị|yêu cầu|tiếp tục|cho biết|khẳng định|"
    "tuyên bố|thông báo|quyết định|kiểm tra|chỉ đạo|đề xuất|kêu gọi|tiết lộ|phản ứng|khẩn trương"
)
# National bodies named without a head word, opening a title or a report: "Quốc hội dành 6 ngày ...".
NATIONAL_BODY_RE = re.compile(rf"^(?P<org>Quốc hội|Chính phủ|Bộ Chính trị|Ban Bí thư)\s+[{LOWER}]")
# An acronym opening a title, then its verb: "PVN hoàn thành ...", "NATO họp khẩn ...".
ACRONYM_SUBJECT_RE = re.compile(rf"^(?P<org>[A-ZĐ][A-ZĐ0-9&]{{1,6}})\s+[{LOWER}]")
# Acronyms of people, places and things, not organisations: "HLV vô địch ...", "TQ quân sự hoá ...".
NOT_ORGANISATION_ACRONYMS = {
    "HLV",
    "CEO",
    "BTV",
    "NTK",
    "MC",
    "ĐB",
    "ĐBQH",
    "GS",
    "PGS",
    "TS",
    "BS",
    "CLB",
    "NHM",
    "PV",
    "TQ",
    "VN",
    "TP",
    "TPHCM",
    "HCM",
    "BOT",
    "ATM",
    "VNEN",
    "THPT",
    "ĐH",
    "UAV",
    "SIM",
    "ĐBSCL",
    "HĐXX",
    "UBND",
    "HĐND",
    "TAND",
    "VKSND",
    "BVĐK",  # heads that need their place: "UBND tỉnh Sóc Trăng"
}
# "<organisation> tổ chức ...": the subject of a title or of the first sentence.
# A capital, "nhà nước", "các" ("Liên hiệp các Hội ...") or a unit and a
# capital ("UBND tỉnh Sơn La") follows the head word; "Bộ sẽ ..." names no one.
ORG_SUBJECT_RE = re.compile(
    rf"(?<!\w)(?P<org>{ORG_HEAD_RE.pattern}\s+(?:TP\.|[{UPPER}]|nhà nước|các|(?:tỉnh|thành phố|huyện|quận)\s+[{UPPER}])"
    rf"[^\s,;:.()]*"
    rf"(?:\s+(?:TP\.|[^\s,;:.()]+)){{0,13}}?)"
    rf"\s+(?:{ORG_VERBS}|{ORG_SENTENCE_WORDS})(?!\w)"
)


def organisation(title, body):
    """The organisation an article is about.

    The subject of the title ("Trung tâm Công nghệ Laser tổ chức ...") or of
    the body's first sentence; otherwise the first organisation the title
    names. Not the first one the body names: that was wrong more often than
    right on the held-out news (``bench/extraction.py``).
    """
    first_sentence = SENTENCE_END_RE.split(body.strip(), maxsplit=1)[0]
    for text in (title, first_sentence):
        match = ORG_SUBJECT_RE.search(text)
        if match and not _ends_with_role(text[: match.start()]):
            return _trim_subject(
                match["org"]
            )  # not "Thứ trưởng Bộ ... Doãn Mậu Diệp đã ...": a person is the subject
        match = NATIONAL_BODY_RE.match(text.strip()) or ACRONYM_SUBJECT_RE.match(text.strip())
        if match and match["org"] not in NOT_ORGANISATION_ACRONYMS:
            return match["org"]
    return find_organisation(title)


def _trim_subject(org):
    """The organisation's name in a subject that runs on to the verb: "Hội đồng Bảo an LHQ [họp kín]".

    It ends before a lower-case word of ORG_STOPS ("Trung tâm Phối hợp Tìm
    kiếm ..." goes on), but not before "của" and another body: "Ban Văn hoá
    - Xã hội của HĐND TP. HCM".
    """
    words = org.split()
    for i in range(1, len(words)):
        one, two = words[i], " ".join(words[i : i + 2])
        body = " ".join(words[i + 1 : i + 2])
        if one == "của" and (ORG_HEAD_RE.match(body) or PARTY_OR_STATE_RE.match(body)):
            continue  # "Ban Văn hoá - Xã hội của HĐND TP. HCM"; not "Tập đoàn Apple của Mỹ"
        if one in ORG_STOPS or two in ORG_STOPS:
            return " ".join(words[:i])
    return org


def _ends_with_role(text):
    """Whether ``text`` ends with a role noun ("... Thứ trưởng ")."""
    tail = text[-25:].rstrip()
    roles = list(ROLE_BEFORE_RE.finditer(tail))
    return bool(roles) and roles[-1].end() == len(tail)


def find_organisation(text):
    """The first organisation named in ``text`` ("Trung tâm Công nghệ Laser").

    An organisation is a head word ("Trung tâm", "Viện", ...) followed by
    capitalised words; a lower-case syllable may follow a capitalised one
    ("Công nghệ"), and "và" may join two parts ("Khoa học và Công nghệ").
    """
    for match in ORG_HEAD_RE.finditer(text):
        words = text[match.end() :].split()
        out = []
        for i, word in enumerate(words):
            bare = word.strip(',;:.()"“”')
            if not bare or canonical(" ".join(words[i : i + 2])) in ORG_STOPS or canonical(bare) in ORG_STOPS:
                break
            if (
                bare[0].isupper()
                or (out and out[-1][0].isupper() and bare.isalpha())
                or (bare in ("và", "&") and i + 1 < len(words) and words[i + 1][:1].isupper())
            ):
                out.append(bare)
                if bare != word:
                    break  # punctuation ends the name
            else:
                break
        while out and out[-1] in ("và", "&"):
            out.pop()
        if out:
            return " ".join([match.group()] + out)
    return ""
