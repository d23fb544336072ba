"""Roles: the post a person holds, written before or after their name."""

import itertools
import re

from ..text import canonical_phrase as canonical
from .lexicon import (
    CLAUSE_BREAK_RE,
    LOWER_ROLE_STARTS,
    ORG_HEAD_RE,
    ORG_SECOND_HALF_RE,
    PARTY_OR_STATE_RE,
    ROLE_BEFORE_RE,
    ROLE_CLAUSE_WORDS,
    ROLE_STOPS,
    ROLE_TAIL_WORDS,
)
from .names import name_in

# Military ranks: a post named as well says more ("thượng tướng X - thứ trưởng ...").
RANKS = {
    "đại tướng",
    "thượng tướng",
    "trung tướng",
    "thiếu tướng",
    "đại tá",
    "thượng tá",
    "đô đốc",
    "trung tá",
    "thiếu tá",
    "đại úy",
    "đại uý",
    "tướng",
}
# A seat in an assembly, which a post named elsewhere says more than: "ĐB", "đại biểu Quốc hội".
DEPUTIES = {"đb", "đbqh", "đại biểu", "đại biểu quốc hội"}
# A degree, which a post says more than: "tiến sĩ y học".
ACADEMIC_DEGREE_RE = re.compile(r"(?i:tiến sĩ|tiến sỹ|thạc sĩ|thạc sỹ|cử nhân|kỹ sư|kĩ sư)(?!\w)")


def better_role(old, new):
    """Whether ``new`` says more than ``old`` about a person's post.

    It does when ``old`` is empty, a military rank ("thượng tướng Lê Chiêm -
    thứ trưởng Bộ Quốc phòng"), a deputy's seat ("ĐB Trương Trung Kiên",
    then "Trưởng ban Đô thị HĐND TP.HCM"), or a bare role noun that ``new`` goes on
    with a few words (the title's "Bí thư Nguyễn Thiện Nhân", the body's
    "Bí thư Thành uỷ TP. HCM"), or that ``new`` lists after other posts
    ("Ủy viên Bộ Chính trị, Thủ tướng Chính phủ").
    """
    if not old or canonical(old) in RANKS or canonical(old) in DEPUTIES and canonical(new) not in DEPUTIES:
        return True
    *before, new_post = new.split(", ")
    if before and (canonical(new_post).startswith(canonical(old)) or canonical(before[0]) == canonical(old)):
        # "Thủ tướng", then "Ủy viên Bộ Chính trị, Thủ tướng Chính phủ"; "Phó thủ tướng", then
        # "Phó thủ tướng, Bộ trưởng Ngoại giao": more posts
        return True
    if ACADEMIC_DEGREE_RE.match(old) and ROLE_BEFORE_RE.match(new):
        return True  # "ông Nguyễn Thanh Long, tiến sĩ y học", then "..., Thứ trưởng Y tế"
    bare = ROLE_BEFORE_RE.fullmatch(old)
    more = new[len(old) :].split() if canonical(new).startswith(canonical(old) + " ") else []
    # A few words more, or an organisation's name ("Thứ trưởng Bộ Giáo dục và Đào tạo").
    organisation = ORG_HEAD_RE.match(more[0]) and not {"-", "–", "—"} & set(more) if more else False
    return bool(bare and more and (len(more) <= ROLE_TAIL_WORDS or organisation))


COMMA_OR_DASH_END_RE = re.compile(r"(?:,|[ \t][–—-])[ \t]$")


def _clause_before_comma(text, at, window):
    """The clause that ends with ", " or " - " right before ``at`` (looking ``window`` characters back), or ""."""
    before = text[max(0, at - window) : at]
    end = COMMA_OR_DASH_END_RE.search(before)
    return CLAUSE_BREAK_RE.split(before[: end.start()])[-1] if end else ""


# Words a post listed before another may follow: "Đến dự có Ủy viên Bộ Chính trị, Bí thư ... X";
# not "với": "trao đổi với phóng viên, trung tá X" is whom he spoke to.
POST_LEADS = {"có", "gồm", "là", "và", "của", "đồng chí", "chí", "ông", "bà"}
# "kiêm" joins two posts of one person: "Bộ trưởng Bộ TT&TT kiêm Phó Trưởng Ban Tuyên giáo".
JOINED_POST_RE = re.compile(r"[ \t]kiêm[ \t]+$")
# Words after which a bare role before ", <honorific> <name>" is still that person's.
APPOSITION_LEADS = {"và", "của", "với", "cùng", "là"}


def role_before_comma(text, at):
    """The role in "Người phát ngôn Bộ Quốc phòng Campuchia, ông X": the clause before ``at``."""
    clause = _clause_before_comma(text, at, 120)
    roles = list(ROLE_BEFORE_RE.finditer(clause))
    if not roles:
        return ""
    role = clause[roles[-1].start() :].strip()
    words = role.split()
    if len(words) > 8 or any(canonical(w) in ROLE_STOPS for w in words):
        return ""
    lead = clause[: roles[-1].start()].split()
    if lead and canonical(lead[-1]) == "ban":
        return ""  # "Trước khi được Ban bí thư phân công ..., ông X": a body
    if (
        lead
        and lead[-1].islower()
        and lead[-1] not in APPOSITION_LEADS
        and roles[-1].end() == len(clause.rstrip())
    ):
        # "Trả lời cử tri, ông Nguyễn Thành Phong": whom he answered, not his post; but
        # "Ông Lý và phu nhân, bà Ho Ching", "của người tiền nhiệm, đồng chí Lê Thanh Hải"
        return ""
    return role


def posts_before(text, at):
    """Posts listed before the role at ``at``, with their commas or dashes.

    "Phó Thủ tướng, " in "Phó Thủ tướng, Bộ trưởng ... X"; "Ủy viên Bộ Chính
    trị, Bí thư Trung ương Đảng, " in "..., Trưởng Ban Tổ chức Trung ương X".
    A post opens its clause or follows a word that lists people ("có", "của"
    ...): "Tiếp Đại sứ, Thủ tướng X" names the ambassador's host. The post
    is bare or names a body of the party or the state: "diễn viên Mỹ, Hoàng
    tử Harry" are two people. A post joined by "kiêm" ("Chủ tịch kiêm Tổng
    giám đốc ...") is listed too.
    """
    start = at
    joined = JOINED_POST_RE.search(text, max(0, at - 12), at)
    if joined:
        clause = CLAUSE_BREAK_RE.split(text[max(0, joined.start() - 80) : joined.start()])[-1]
        posts = list(ROLE_BEFORE_RE.finditer(clause))
        if posts and not any(canonical(word) in ROLE_STOPS for word in clause[posts[-1].end() :].split()):
            start = joined.start() - len(clause) + posts[-1].start()
    while clause := _clause_before_comma(text, start, 80):
        posts = list(ROLE_BEFORE_RE.finditer(clause))
        if not posts:
            break
        post = posts[-1]
        lead = clause[: post.start()].split()
        organisation = clause[post.end() :].split()
        if lead and (lead[-1] not in POST_LEADS or post["noun"][:1].islower()):
            break  # not "Theo nhận định của chuyên gia, Bộ trưởng X": a title after "của" is capitalised
        if organisation and not _party_or_state_body(organisation):
            break
        start = text.rfind(clause[post.start() :], 0, start)
    return text[start:at]


def _party_or_state_body(words):
    """Whether ``words`` after a post name a body of the party or the state, and nothing else.

    "Bộ Chính trị", "Trung ương Đảng", "Ủy ban Thường vụ Quốc hội", "Thành
    uỷ": capitalised words (a second syllable may be lower-case), one of them
    such a body; not "Ca sĩ Cẩm Ly, ..." nor "Chủ tịch Yeah1, ...".
    """
    if len(words) > ROLE_CLAUSE_WORDS or not words[0][:1].isupper() or name_in(words) != (0, 0):
        return False
    if not all(
        word[:1].isupper() or word in ("và", "-") or words[i - 1][:1].isupper() and word.isalpha()
        for i, word in enumerate(words)
    ):
        return False
    # Not "Trường" ("Tổng Bí thư Trường Chinh, ..."): a school is named like a pen name.
    head = ORG_HEAD_RE.match(words[0]) and canonical(words[0]) != "trường"
    return bool(head or PARTY_OR_STATE_RE.search(" ".join(words)))


def dash_joins(after, closes=False):
    """Whether a dash inside a role joins two words of one name ("Kế hoạch - đầu tư").

    It does when a lower-case word follows that starts neither another post
    ("- chủ đầu tư") nor the verb that ends the role ("- cho biết"). A dash
    that ``closes`` a role a dash opened ("ông X - giám đốc Sở Y - lắc đầu")
    joins only a name's second half: one or two lower-case words, then a
    capital, a bracket or another dash ("Trung tâm huấn luyện - thi đấu TDTT").
    """
    if ORG_SECOND_HALF_RE.match(after.lstrip()):
        return True  # "Bộ Khoa học - Công nghệ"
    words = [word.strip(",;:.") for word in after.split()[:2]]
    if not words or not words[0][:1].islower():
        return False
    if closes and not any(word[:1].isupper() or word[:1] in "(-–—" for word in after.split()[1:3]):
        return False
    return not (
        lower_role_start(after)
        or canonical(words[0]) in ROLE_STOPS
        or canonical(" ".join(words[:2])) in ROLE_STOPS
    )


def lower_role_start(text):
    words = list(itertools.dropwhile(lambda word: word in ("một", "cựu", "nguyên"), canonical(text).split()))
    return bool(words) and (words[0] in LOWER_ROLE_STARTS or " ".join(words[:2]) in LOWER_ROLE_STARTS)
