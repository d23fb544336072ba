"""A role, then the person holding it: "Thứ trưởng Bộ Khoa học Nguyễn Huy Dũng", "Tổng thống Nga Vladimir Putin";
and the role written after a name, which may itself name the next holder.
"""

import re

from ..text import canonical_phrase as canonical
from ..text import foreign_word, word_list
from .lexicon import (
    ADMINISTRATIVE_UNITS,
    CLAUSE_BREAK_RE,
    HONORIFIC,
    HONORIFIC_RE,
    LOWER,
    NAME_WORD,
    NOT_HEADS,
    ORG_HEAD_RE,
    ORG_SECOND_HALF_RE,
    PLURAL_BEFORE,
    ROLE_BEFORE_RE,
    ROLE_CLAUSE_WORDS,
    ROLE_NOUNS,
    ROLE_STOPS,
    ROLE_TAIL_WORDS,
    SURNAMES,
    UPPER,
)
from .names import (
    LISTED_NAME,
    LISTED_NAME_RE,
    capitalised,
    latin_given_name,
    more_names,
    name_after_unit,
    name_in,
    place_before,
)
from .roles import dash_joins, lower_role_start, posts_before

# A role follows the name after a dash, a comma or an opening bracket.
ROLE_LEAD_RE = re.compile(r"^\s*(?:[–—-]|,|\()\s*")
ROLE_END_RE = re.compile(
    r";|(?<!\bTP)(?<!\bTp)\.(?:\s|$)|\(|\)|:|\s[–—-]\s|,\s*(?:cùng|và|ông|bà|đồng chí|Đ/c)\s"
)
# Words before a company's name: one foreign word after them is the company.
COMPANY_HEADS = frozenset(word_list("company-heads"))
# Of those, the companies, whose one-word name may come between a role and its holder ("Tập đoàn Cisco Goh
# Seow Hiong").
COMPANY_WORDS = {"tập đoàn", "công ty", "hãng", "ngân hàng", "tổng công ty"}
# Kinds of company, not names: "Công ty CP Phúc Sinh", "Ngân hàng TMCP Đông Á".
COMPANY_TYPES = {"CP", "TNHH", "TMCP", "MTV", "CTCP", "JSC", "TM", "DV", "XNK"}
# A role ending in one of these goes on with an organisation or a place, not
# the name: "phát ngôn viên của Huawei", "thống đốc ở New Jersey"; after
# "cho" comes who a prize went to ("Nữ diễn viên chính xuất sắc cho X"),
# after "giải" the prize ("nhà khoa học đoạt giải Nobel"), after "tạp chí" the magazine.
ROLE_LINKS = {
    "tại",
    "ở",
    "của",
    "thuộc",
    "trên",
    "đảng",
    "hãng",
    "tờ",
    "báo",
    "chí",
    "kênh",
    "đài",
    "cho",
    "giải",
}
# Words that end with a link and are part of the role: "Đại tá tình báo Nguyễn Văn Tàu".
LINK_WORDS = {"tình báo", "dự báo", "thông báo", "cảnh báo", "hiện tại", "giải trí", "đồng chí"}
# A role after a name is cut at this many words: "Giám đốc Văn phòng Các vấn đề Hong Kong và Macau
# của Quốc vụ viện Trung Quốc" is 17.
ROLE_MAX_WORDS = 20
# Lower-case words an organisation's name may hold before its head's name
# ("Trung tâm dự báo khí tượng thuỷ văn trung ương Hoàng Đức Cường").
ORG_LOWER_WORDS = 8
# Words of a sentence, not of a name: "... tặng bằng khen cho em Đỗ Văn Bằng".
NOT_IN_NAMES = {"em", "cháu", "cụ", "chú", "bác", "cho", "tặng", "có", "sẽ", "đang", "vừa", "bị"}
# Countries named in one Vietnamese word, which may end an organisation before its head's name.
COUNTRY_WORDS = {
    "mỹ",
    "nga",
    "anh",
    "pháp",
    "đức",
    "úc",
    "ý",
    "lào",
    "nhật",
    "hàn",
    "ấn",
    "bỉ",
    "thụy",
    "thuỵ",
}
# The last of the names listed after a plural role, before the sentence goes
# on: "các Phó Thủ tướng: ..., Trịnh Đình Dũng tại Hội nghị".
LISTED_LAST_NAME_RE = re.compile(LISTED_NAME + rf"(?=[ \t]+[{LOWER}])")
# A lower-case aside in brackets between an organisation and a name, read
# past: "Cơ quan tình báo đối ngoại Anh (được biết đến với tên gọi MI 6) Alex Younger".
ASIDE_RE = re.compile(rf"\((?=[{LOWER}])[^()\n]{{1,60}}\)(?=[ \t]+[{UPPER}])")
# Lower-case words between a role and its holders' names that are not part of the role.
LISTING_WORDS = {"gồm", "là"}
# Capitalised, these open a sentence whose full stop is missing.
SENTENCE_OPENERS = {"còn", "và", "nhưng", "khi", "tuy", "sau", "trước", "trong", "nếu", "dù", "rồi"}
# A role after these names no one who holds it: a meeting's name ("Hội nghị
# hiệu trưởng Confrasie") or what is named after someone ("giải thưởng mang
# tên nhà khoa học X").
NO_HOLDER_BEFORE = ("hội nghị ", "hội thảo ", "diễn đàn ", "cuộc họp ", "mang tên ")
# The body above an organisation, in brackets after it, is part of a role: "Vụ trưởng Vụ Pháp chế (Bộ Y
# tế)"; an acronym in brackets ends it ("Viện Năng lượng nguyên tử Việt Nam (NLNTVN)").
BRACKETED_BODY_RE = re.compile(rf"\((?:{ORG_HEAD_RE.pattern})[^()\n]{{0,40}}\)")


def role_first_speakers(text, roles):
    """``(name, role)`` for a role written before the name.

    "Thứ trưởng Bộ Thông tin và Truyền thông Nguyễn Huy Dũng dự ...": after
    the role may come a few lower-case words and an organisation or country
    (capitalised words, lower-case second syllables, "và"), then the name.
    """
    out = []
    for match in roles:  # ROLE_BEFORE_RE's matches in text
        preceding = text[max(0, match.start() - 9) : match.start()]
        if preceding.endswith(PLURAL_BEFORE):
            # "các Phó Thủ tướng: Trương Hòa Bình, Vương Đình Huệ": each holds the role; else
            # "các cầu thủ Chelsea" names no one.
            out += [(name, match.group()) for name in _names_listed(text, match.end())]
            continue
        if canonical(preceding).endswith(NO_HOLDER_BEFORE):
            continue  # "Hội nghị hiệu trưởng Confrasie", "giải mang tên nhà khoa học X"
        following = ASIDE_RE.sub(
            lambda aside: " " * len(aside.group()), text[match.end() : match.end() + 160]
        )
        clause, *after = CLAUSE_BREAK_RE.split(following, maxsplit=1)
        words = clause.split()
        tail = 0  # lower-case words that carry on the role
        while tail < min(ROLE_TAIL_WORDS, len(words)) and words[tail].islower():
            tail += 1
        if tail == len(words):
            continue
        honorific = next((i for i, word in enumerate(words[:tail]) if word in ("ông", "bà")), None)
        if honorific is not None:
            if not honorific or words[honorific - 1] not in LISTING_WORDS:
                continue  # "đề xuất Thủ tướng thêm ông X", "Chủ tịch và ông X": not X's role
            # "bốn Thứ trưởng gồm ông X, Y", "Giám đốc cũ là ông X": the role, then who holds it.
            words = words[: honorific - 1] + words[honorific + 1 :]
            tail = honorific - 1
        elif tail and words[tail - 1] in LISTING_WORDS:
            words, tail = words[: tail - 1] + words[tail:], tail - 1  # "Tổng thống là Franklin D. Roosevelt"
        run = []  # the organisation-shaped stretch after the role
        rest = words[tail:]
        for i, word in enumerate(rest):
            capital = word.strip("()")[:1].isupper() or word.startswith(("al-", "el-"))
            if capital and canonical(word) in SENTENCE_OPENERS:
                break  # a sentence run on without its full stop ("... cầu thủ Còn Costa")
            if word == "và" and ROLE_BEFORE_RE.match(" ".join(rest[i + 1 : i + 4])):
                break  # "Tổng thống Donald Trump và Chủ tịch Tập Cận Bình": the next person
            bare = (
                word[:-1]
                if word.endswith(",") and ORG_SECOND_HALF_RE.match(" ".join(rest[i + 1 : i + 3]))
                else word
            )
            bare = bare.strip("()")  # "Vụ châu Mỹ (Bộ Ngoại giao) Trần Thanh Tâm"
            if (
                capital
                or word in ("và", "&")
                or (run and run[-1][:1].isupper() and bare.isalpha() and word not in ROLE_LINKS)
            ):
                run.append(word)  # "Bộ Văn hoá, Thể thao và Du lịch": the comma inside the name
            elif word.isdigit() and run and _capital_within(rest, i + 1, 1, surname=True):
                run.append(word)  # "công ty Cienco 6 Bùi Phi Hùng"
            elif (
                word in ("-", "–")
                and run
                and (
                    _capital_within(rest, i + 1, 1) or ORG_SECOND_HALF_RE.match(" ".join(rest[i + 1 : i + 3]))
                )
            ):
                run.append(word)  # "Bộ LĐ - TB & XH", "Bộ Kế hoạch - đầu tư"
            elif (
                run
                and word in ROLE_LINKS
                and rest[i + 1 : i + 2]
                and rest[i + 1][:1].isupper()
                and (name_in(run) == (0, 0))
            ):
                run.append(
                    word
                )  # "Đại sứ Hoa Kỳ tại Việt Nam Ted Osius", "Ủy ban Kinh tế của Quốc hội Vũ Hồng Thanh"
            elif (
                run
                and word.isalpha()
                and ORG_HEAD_RE.match(" ".join(run[:2]))
                and _inside_org(rest, i, run[-1])
            ):
                run.append(word)  # "Công ty CP Lọc hoá dầu Bình Sơn (BSR) Trần Ngọc Nguyên"
            elif (
                run
                and word.isalpha()
                and name_in(run) == (0, 0)
                and _capital_within(rest, i + 1, _lower_words_allowed(run, rest, i), surname=True)
            ):
                # "Ngân hàng nhà nước Lê Minh Hưng", "Trung tâm dự báo khí tượng thuỷ văn trung ương Hoàng
                # Đức Cường", "Bộ trưởng Y tế và dịch vụ xã hội Tom Price": lower-case syllables, then the name
                run.append(word)
            else:
                break
        start, end = name_in(run, text)
        company = company_named(run)
        if company and (not end or start < company):
            capitals = capitalised(run[company:])
            if (
                2 <= len(capitals) <= 3
                and all(word.islower() for word in run[company + len(capitals) :])
                and (canonical(capitals[0]) in SURNAMES or foreign_word(capitals[0]))
            ):
                start, end = company, company + len(capitals)  # "Tập đoàn Cisco Goh Seow Hiong"
        run_links = [i for i, word in enumerate(run[:start]) if word in ROLE_LINKS]
        if end and run_links and start < run_links[-1] + 2:
            continue  # "Đại sứ Nga tại Italy", "Chủ tịch HĐQT của Vingroup": a place or a company
        if end and ROLE_BEFORE_RE.search(" ".join(run[:start])):
            continue  # "lãnh đạo cấp cao gồm Chủ tịch nước X": the nearer role is X's
        head = words[:tail] + run[:start]  # the role's words after its noun, then the organisation
        if (
            end
            and place_before(head)
            and not (head[-1].lower() in ADMINISTRATIVE_UNITS and name_after_unit(run[start:]))
        ):
            continue  # "trường tiểu học Lý Học", "Trường THPT chuyên Nguyễn Trãi"; not "UBND tỉnh Trần Văn Chuyện"
        # The organisation's head right before the name ("Công ty", "hãng"), if any.
        company_head = next(
            (part for part in (head[-2:], head[-1:]) if canonical(" ".join(part)) in COMPANY_HEADS), []
        )
        if canonical(" ".join(head[-2:])) in NOT_HEADS:
            company_head = []
        single = end == start + 1 and not any(word[:1].isupper() for word in run[end:])
        if single and canonical(" ".join(head[-2:])) in ("thành phố", "tỉnh", "bang"):
            continue  # "phát ngôn viên nhà tù thành phố Sorong": a city
        if (
            end
            and company_head
            and (company_head[0][:1].isupper() or single)
            or single
            and (ORG_HEAD_RE.search(" ".join(run[:start])))
        ):
            # "Tập đoàn Nidec", "công ty Hoàng Gia Phát", "trung tâm Carnegie Moscow", "Viện ... Quốc tế
            # Peterson": the organisation
            continue
        window = max(0, match.start() - 120), match.start()
        if end and (
            all(map(foreign_word, run[start:end]))
            and PERSON_BEFORE_RE.search(text, *window)
            or (start or tail or end - start == 1 and foreign_word(run[start]))
            and PERSON_APPOSED_RE.search(text, *window)
        ):
            # "ông Đặng Tất Thắng – Giám đốc Bamboo Airways", "ông Sumio Hara, Chủ tịch kiêm Tổng Giám đốc
            # Công ty ... So Kikaku Sekkei": the role is his, then the company
            continue
        # A link in the role's tail ("Thị trưởng của thành phố Davao", "phát ngôn viên của Huawei"): a
        # place or an organisation follows, not its holder; unless several words follow the last one.
        links = [
            i
            for i, word in enumerate(words[:tail])
            if word in ROLE_LINKS and canonical(" ".join(words[max(0, i - 1) : i + 1])) not in LINK_WORDS
        ]
        linked = links and (links[-1] == tail - 1 or end - start == 1)
        if end and (start or not linked):
            role = [match.group()] + words[:tail] + run[:start]
            out.append((" ".join(run[start:end]), posts_before(text, match.start()) + " ".join(role)))
            if end == len(run):  # "nhà báo Tạ Bích Loan, Hoa Thanh Tùng, ...": each holds the role
                out += [(more, " ".join(role)) for more in more_names(following[len(clause) :])]
            if run[end : end + 1] == ["và"]:
                # "nhạc sỹ Antonin Dvorak và Bedrich Smetana": both hold the role.
                others = [word.rstrip(".…") for word in run[end + 1 :]]
                second, second_end = name_in(others)
                if second_end and second == 0:
                    # Unless a role of their own follows: "Mike Pence và Matthew Pottinger, người phụ trách ..."
                    own = ""
                    if second_end == len(others) and after and text[match.end() + len(clause)] == ",":
                        own = role_after(", " + after[0])
                    out.append((" ".join(others[:second_end]), own or " ".join(role)))
        elif not end and after and text[match.end() + len(clause)] == ",":
            # "Trưởng phòng Giáo dục huyện Mường Lát, Mai Xuân Giang cho biết":
            # the next clause opens with a Vietnamese name, then a lower-case
            # word; or it is a foreign name alone ("Bộ trưởng Ngoại giao Lào,
            # Saleumxay Kommasith, nước ...").
            opening, *closed = CLAUSE_BREAK_RE.split(after[0], maxsplit=1)
            opening = opening.split()
            capitals = capitalised(opening)
            start, end = name_in(capitals)
            if not end or start or end < len(capitals) or len(words) > ROLE_CLAUSE_WORDS:
                continue
            vietnamese = end < len(opening) and canonical(capitals[0]) in SURNAMES
            foreign = closed and end == len(opening) and 2 <= end <= 3 and all(map(foreign_word, capitals))
            if vietnamese or foreign:
                out.append((" ".join(capitals), " ".join([match.group()] + words)))
    return out


def _names_listed(text, at):
    """The Vietnamese names listed after a colon at ``at`` (": A, B và C"), up to the first that is not one."""
    colon = re.match(r"[ \t]*:", text[at:])
    if not colon:
        return []
    rest, names = ", " + text[at + colon.end() :].lstrip(), []
    while more := LISTED_NAME_RE.match(rest):
        names.append(more["name"])
        rest = rest[more.end() :]
    last = LISTED_LAST_NAME_RE.match(rest)
    return names + [last["name"]] if last else names


# A person's name, then a dash or nothing, right before a role: the role is
# that person's ("Tướng Farzad Esmaili tư lệnh căn cứ Khatam al-Anbiya"). Not
# a comma: "Ngoại trưởng Mỹ Mike Pompeo, Ngoại trưởng Nga Sergei Lavrov".
PERSON_BEFORE_RE = re.compile(
    rf"(?:{HONORIFIC}|(?i:{ROLE_NOUNS}))[ \t]+{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,4}}(?:[ \t]+[–—-])?[ \t]+$"
)
# After an honorific, a comma too, and other posts: "ông Sumio Hara, Chủ tịch kiêm Tổng Giám đốc ...".
PERSON_APPOSED_RE = re.compile(
    rf"(?<!\w)(?:{HONORIFIC})[ \t]+{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,4}},[ \t]+"
    rf"(?:(?i:{ROLE_NOUNS})[ \t]+(?:kiêm|và)[ \t]+)?$"
)


def company_named(run):
    """Where a company's one-word name ends at the start of ``run`` ("Tập đoàn Cisco", "Ngân hàng HSBC"), or 0."""
    for k in (1, 2):
        if (
            canonical(" ".join(run[:k])) in COMPANY_WORDS
            and k < len(run)
            and run[k] not in COMPANY_TYPES
            and (foreign_word(run[k]) or run[k].isupper() and run[k].isalpha())
        ):
            return k + 1
    return 0


def _lower_words_allowed(run, words, i):
    """How many lower-case words may follow ``words[i]`` in the organisation ``run`` before its head's name.

    Many after a head word ("Trung tâm dự báo khí tượng thuỷ văn ...") or
    after "và" ("Y tế và dịch vụ xã hội"), unless a verb follows it.
    """
    if _lower_case_org(run) or run[-1] == "và" and not _sentence_word(words[i], " ".join(words[i : i + 2])):
        return ORG_LOWER_WORDS
    return 3


def _inside_org(words, i, before):
    """Whether lower-case ``words[i]`` (after ``before``) is inside an organisation's name.

    It is when a capitalised word comes within three words, with no verb
    ("cho biết") or honorific on the way: "Công ty điều hành Dầu khí Phú Quốc".
    """
    for j, word in enumerate(words[i : i + 3], i):
        if word[:1].isupper():
            return j > i
        previous = words[j - 1] if j > i else before
        if not word.isalpha() or _sentence_word(word, f"{previous} {word}"):
            return False
    return False


def _sentence_word(word, pair):
    """Whether ``word``, or the ``pair`` of words it is in, belongs to a sentence, not to a name.

    A verb that ends a role ("cho biết"), an honorific, "em" before a pupil's name.
    """
    return (
        canonical(word) in ROLE_STOPS
        or canonical(word) in NOT_IN_NAMES
        or canonical(pair) in ROLE_STOPS
        or HONORIFIC_RE.match(word + " ") is not None
    )


def _lower_case_org(run):
    """Whether ``run`` is an organisation's head word, a word, then lower-case ones ("Trung tâm dự báo ...")."""
    return any(
        ORG_HEAD_RE.fullmatch(" ".join(run[:k])) and all(word.islower() for word in run[k + 1 :])
        for k in (1, 2)
    )


def _capital_within(words, i, most, surname=False):
    """Whether a capitalised word comes within ``most`` lower-case words from ``words[i]``.

    With ``surname``, a name's start: a Vietnamese surname, or two foreign
    words ("cố vấn An ninh quốc gia Michael Flynn"), past abbreviations
    ("Trung tâm chống ngập TP HCM Nguyễn ..."); not past a verb that ends a
    role ("cho biết") or an honorific: the name is then not the role's.
    """
    lower = 0
    for j, word in enumerate(words[i:], i):
        if surname and (
            len(word) > 1 and word.isupper() and word.isalpha() or word.isdigit() and len(word) <= 2
        ):
            continue  # "TP HCM", "Quốc hội khoá 13": an abbreviation or a number inside the organisation
        if word[:1].isupper():
            if surname and canonical(word) in COUNTRY_WORDS:
                j += 1  # "Cơ quan tình báo đối ngoại Anh Alex Younger": the country, then the name
                word = words[j] if j < len(words) else ""
            return word.isalpha() and (
                not surname
                or canonical(word) in SURNAMES
                or (foreign_word(word) or latin_given_name(word))
                and j + 1 < len(words)
                and foreign_word(words[j + 1].rstrip(".,;:"))
            )
        if (
            not word.isalpha()
            or lower == most - 1
            or surname
            and _sentence_word(word, " ".join(words[j : j + 2]))
        ):
            return False
        lower += 1
    return False


def role_after(rest):
    lead = ROLE_LEAD_RE.match(rest)
    if not lead:
        return ""
    rest = rest[lead.end() :]
    if "(" in lead.group() and not (ROLE_BEFORE_RE.match(rest) or lower_role_start(rest)):
        return ""  # "(21 tuổi)", "(SN 1990)": not a role
    end = ROLE_END_RE.search(rest)
    dashed = lead.group().strip() in ("-", "–", "—")  # "ông X - role - vì ...": the second dash closes it
    while end:
        if end.group().strip() in "-–—" and dash_joins(rest[end.end() :], closes=dashed):
            resume = end.end()  # "Sở Kế hoạch - đầu tư": one name
        elif end.group() == "(" and (body := BRACKETED_BODY_RE.match(rest, end.start())):
            # "Cục An ninh nông thôn (Bộ Công an)": the body above; the role ends after it unless
            # another post follows.
            if not rest[body.end() :].lstrip().startswith(","):
                rest = rest[: body.end()]
            resume = body.end()
        else:
            break
        end = ROLE_END_RE.search(rest, resume)
    if end:
        rest = rest[: end.start()]
    words = rest.split()
    for i in range(len(words)):
        one = canonical(words[i]).strip(",")
        two = canonical(" ".join(words[i : i + 2])).strip(",")
        # "và" ends the role unless it joins two capitalised parts of a
        # name ("Sở Khoa học và Công nghệ").
        joins_names = (
            one in ("và", "&")
            and i + 1 < len(words)
            and words[i + 1][:1].isupper()
            and not HONORIFIC_RE.match(" ".join(words[i + 1 : i + 3]))
        )
        if i > 0 and not joins_names and (one in ROLE_STOPS or two in ROLE_STOPS):
            words = words[:i]
            break
    # A role may list several posts ("Bí thư Đảng ủy, Viện trưởng ..."): keep
    # each comma-separated part only while it still looks like a post.
    parts = []
    for part in " ".join(words[:ROLE_MAX_WORDS]).split(","):
        part = part.strip()
        if not part or not (part[0].isupper() or lower_role_start(part)):
            break
        post = ROLE_BEFORE_RE.match(part)
        if post and any(
            canonical(name.split()[0]) in SURNAMES for name, _ in role_first_speakers(part, [post])
        ):
            break  # "bà Nguyễn Thị Kim Ngân, Tổng bí thư Nguyễn Phú Trọng phát biểu": the next person and theirs
        parts.append(part)
    return ", ".join(parts)
