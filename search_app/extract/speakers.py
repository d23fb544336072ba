"""Speakers: the people an article names with an honorific or a role, each once."""

import re

from ..text import canonical_phrase as canonical
from ..text import fold, foreign_word, name_key, word_list
from .lexicon import (
    HONORIFIC,
    LOWER,
    LOWER_ROLE_STARTS,
    MISSPELT_MIN_LETTERS,
    NAME_LIKE_WORDS,
    NAME_PARTICLES,
    NAME_WORD,
    ORG_HEAD_RE,
    PLACES,
    PLURAL_BEFORE,
    ROLE_BEFORE_RE,
    ROLE_NOUNS,
    ROLE_STARTS,
    SURNAMES,
    UPPER,
    role_nouns_in,
)
from .names import (
    anonymous,
    fuller_name,
    join_hyphens,
    latin_given_name,
    mentions,
    misspelt,
    misspelt_name,
    more_names,
    name_in,
)
from .role_first import company_named, role_after, role_first_speakers
from .roles import better_role, lower_role_start, role_before_comma

NAME_PARTICLE = "(?:" + "|".join(NAME_PARTICLES) + ")"
SPEAKER_RE = re.compile(
    rf"(?<![{LOWER}{UPPER}])(?P<hon>{HONORIFIC})\s*"
    rf"(?P<name>{NAME_WORD}(?:[ \t]+(?:{NAME_PARTICLE}[ \t]+)?{NAME_WORD}){{0,5}})"
    rf"(?!\w)(?=(?P<rest>[^\n]{{0,200}}))"
)
# Places named like a person ("Bà Rịa", "Bà Nà", "chợ Ông Lãnh"), folded.
HONORIFIC_PLACES = {
    "ba ria",
    "ba na",
    "ba chieu",
    "ba den",
    "ba diem",
    "ba trieu",
    "ba trung",
    "ba chua",
    "ong lanh",
    "ong troi",
}
# Honorifics that are words, folded: capitalised after a place noun or after a
# capitalised word, they are part of a name ("rạch Ông Bé", "Hoàng Anh Gia Lai").
WORD_HONORIFICS = {"ong", "ba", "anh", "chi", "co", "thay", "ban"}
PLACE_NOUNS = {
    "rạch",
    "kênh",
    "sông",
    "cầu",
    "chợ",
    "chùa",
    "đền",
    "miếu",
    "đình",
    "đường",
    "phố",
    "hẻm",
    "bến",
    "núi",
    "hòn",
    "gò",
    "xóm",
    "ấp",
    "làng",
    "xã",
    "phường",
    "suối",
    "hồ",
    "đảo",
    "lăng",
    "nóc",
}  # a hamlet of the mountains: "nóc Ông Tuân"
# Common surnames the source wrote in lower case after an honorific ("ông bùi Xuân Cường").
LOWER_SURNAME_RE = re.compile(
    r"(?<!\w)([ôÔ]ng |[bB]à )(nguyễn|trần|lê|phạm|hoàng|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|ngô|dương|đinh|trương|trịnh)"
    rf"(?= [{UPPER}][{LOWER}]+ [{UPPER}])"
)
# Southern nicknames: the child's rank, then the given name ("ông Tư Cang", "ông Út Thành"), folded.
RANK_NICKNAMES = {"hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi", "ut"}
# A name of initials alone is someone the article keeps anonymous ("ông N.",
# "anh H.T."): nobody to search for.
ONLY_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+(?:\s+(?:[A-Z]\.)+)*")
QUOTES = "\"'“”‘’ "
# A place follows these: "ở Davos, Thủ tướng ..." names no one.
LOCATIVE_BEFORE_RE = re.compile(r"(?:^|\s)(?:ở|tại|từ|đến|tới)\s$")
# Words of news agencies and outlets, folded: "Theo Reuters, cố vấn ..." and
# "Tuổi Trẻ Online, đại tá ..." name a source, not a person.
NOT_NAME_WORDS = frozenset(word_list("not-name-words"))
# A person named, then their role after a comma, a dash or in brackets:
# "Larry Sabato, giáo sư ...", "Turki Bin’ali - nhà truyền giáo ...",
# "Võ Văn Thưởng (Bí thư trung ương Đảng)".
NAME_THEN_ROLE_RE = re.compile(
    rf"(?<![\w'’-])(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,5}})(?:,|\s[–—-]|(?=[ \t]\())[ \t]+\(?"
    rf"(?=(?P<rest>(?:(?i:(?:(?:cựu|nguyên|một)[ \t]+){{0,2}}(?:{ROLE_NOUNS}|giáo sư|quan chức))|CEO)"
    rf"(?!\w)[^\n]{{0,200}}))",
)
ONE_BEFORE_RE = re.compile(r"^(?i:một)\s+")
NAME_AND_RE = re.compile(rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}})[ \t]+và[ \t]+$")
# A Vietnamese word glued to the name that follows it ("Tổng thốngTrump"):
# lower-case with a diacritic, then a capital (not "McCarthy", "iPhone").
GLUED_NAME_RE = re.compile(rf"(?<![{LOWER}])([{LOWER}]*[{LOWER[3:]}][{LOWER}]*)(?=[A-Z][a-z])")
# What every glued name has, found three times faster: a lower-case letter, then a capital.
GLUED_RE = re.compile(rf"[{LOWER}][A-Z][a-z]")


def find_speakers(text):
    """People named with an honorific or a role, as ``[{"name", "role"}]``, each once.

    The same person written twice (a caption repeating the name, a typo in
    an accent) is recognised by the folded name, and a surname alone by the
    full name ending with it; the first spelling and the first non-empty
    role win.
    """
    found = {}
    text = join_hyphens(text)
    if GLUED_RE.search(text):
        text = GLUED_NAME_RE.sub(r"\1 ", text)
    text = LOWER_SURNAME_RE.sub(lambda match: match[1] + match[2].capitalize(), text)
    roles = role_nouns_in(text)  # the costliest pattern: searched once
    named = _honorific_speakers(text) + role_first_speakers(text, roles) + _name_then_role_speakers(text)
    for name, role in named:
        if ONLY_INITIALS_RE.fullmatch(name) or NOT_NAME_WORDS & set(fold(name).split()) or anonymous(name):
            continue  # "ông N.", "Reuters", "bà Bùi Thị Th."
        key = name_key(name)
        role = role.strip(QUOTES)  # '"tổng thống tự phong" Juan Guaido'
        if key not in found:
            found[key] = {"name": name, "role": role}
        elif role and better_role(found[key]["role"], role):
            found[key]["role"] = role
    # "cô Ivanka" is "Ivanka Trump" when the article introduces her so, bare.
    for key in [k for k in found if " " not in k and foreign_word(found[k]["name"])]:
        fuller = fuller_name(text, found[key]["name"], found)
        if fuller and name_key(fuller) not in found:
            found[name_key(fuller)] = dict(found.pop(key), name=fuller)
    # "ông Tư Cang" is "Nguyễn Văn Tàu (Tư Cang ...)", "ông Tư Thành" is "Lê Quang Thành": a nickname.
    for key in [k for k in found if k.count(" ") == 1 and k.split()[0] in RANK_NICKNAMES]:
        alias = found[key]["name"]
        fuller = [
            k
            for k in found
            if k != key and (f"{found[k]['name']} ({alias}" in text or k.endswith(" " + key.split()[1]))
        ]
        if len(fuller) == 1:
            _merge(found, key, fuller[0])
    # "ông Obama" is "Barack Obama" when the article names him in full, even
    # misspelt ("cố Quốc vương Sihanuc", "cô Ivaka"), and a name cut by a line break
    # ("George H.W.") is the whole one.
    for key in sorted(found, key=len):
        others = [k for k in found if not _father_of(found[key], found[k])]
        fuller = next((k for k in others if k.endswith(" " + key) or k.startswith(key + " ")), None)
        if (
            not fuller
            and " " not in key
            and len(key) >= MISSPELT_MIN_LETTERS
            and foreign_word(found[key]["name"])
        ):
            fuller = next((k for k in others if " " in k and any(misspelt(key, w) for w in k.split())), None)
        if fuller:
            _merge(found, key, fuller)
    # A foreign name misspelt in one word ("Engartiasto Lukita" in a caption) is one person, under the
    # spelling the text uses more often; when as often, the longer (a letter dropped is the usual typo).
    keys = list(found)
    for i, key in enumerate(keys):
        first = next((other for other in keys[:i] if other in found and misspelt_name(key, other)), None)
        if first:
            names = found[key]["name"], found[first]["name"]
            found[first]["name"] = max(names, key=lambda name: (mentions(text, name), len(name)))
            _merge(found, key, first)
    # "Thủ tướng Hun Sen" elsewhere gives its role to a name found after an
    # honorific that the role-first rule could not read (not a known surname).
    roleless = [person for person in found.values() if not person["role"]]
    for match in roles if roleless else ():
        after = text[match.end() : match.end() + 80]
        if not after[:1].isspace():
            continue
        after = after.lstrip()
        for person in roleless:
            name = person["name"]
            if (
                not person["role"]
                and after.startswith(name)
                and not after[len(name) : len(name) + 1].isalnum()
            ):
                person["role"] = match.group()
    return list(found.values())


def _father_of(person, son):
    """Whether ``person``, one name, is the father that ``son``'s name ends with.

    "Quốc vương Salman" is not "Thái tử Mohammed bin Salman": a father is
    named in a son's name after "bin", "ibn" or "bint". The same role is the
    son named short ("Thái tử Salman"), and so is no role ("ông Salman").
    """
    father = re.search(r" (?:bin|ibn|bint) (\S+)$", name_key(son["name"]))
    if not (father and father[1] == name_key(person["name"]) and person["role"]):
        return False
    role, sons = canonical(person["role"]), canonical(son["role"])
    return role not in sons and sons not in role


def _merge(found, key, fuller):
    """File the person under ``key`` under ``fuller``, who keeps their role or takes theirs."""
    person = found.pop(key)
    found[fuller]["role"] = found[fuller]["role"] or person["role"]


def _honorific_speakers(text):
    """``(name, role)`` for "đồng chí X – role", "TS. X, role", "Đ/c X" ..."""
    out = []
    for match in SPEAKER_RE.finditer(text):
        before = text[max(0, match.start() - 6) : match.start()]
        if before.endswith(PLURAL_BEFORE):
            continue
        name = _trim_name(match["name"])
        rest = match["name"][len(name) :] + match["rest"]
        after = match["rest"].split()[:1]
        last_two = (
            canonical(f"{name.rsplit(' ', 1)[-1]} {after[0]}") if name.count(" ") >= 2 and after else ""
        )
        if last_two in ROLE_STARTS:
            name = name.rsplit(" ", 1)[0]  # "Ông Vũ Văn Viện Giám đốc Sở ...": the role starts
            rest = "," + match["name"][len(name) :] + match["rest"]
        elif last_two in NAME_LIKE_WORDS:
            name = name.rsplit(" ", 1)[0]  # "KTS. Nguyễn Thanh Tùng Tư vấn xây nhà": a word starts
        one_word = name and " " not in name
        if (
            not name
            or one_word
            and (
                fold(match["hon"]) not in ("ong", "ba")
                and not (fold(match["hon"]) in ("co", "anh", "chi") and foreign_word(name))
                or canonical(name) in LOWER_ROLE_STARTS
            )
        ):
            # One name alone after ông/bà ("ông Hán", "bà Merkel", not "ông Giám
            # đốc"), or a foreign one after cô/anh/chị ("cô Ivanka").
            continue
        if (
            " ".join(fold(f"{match['hon']} {name}").split()[:2]) in HONORIFIC_PLACES
            or canonical(name) in PLACES
        ):
            continue  # "Bà Rịa", "giáo sư Hà Lan": a place
        word_before = text[max(0, match.start() - 7) : match.start()].split("\n")[-1].split()[-1:]
        if (
            match["hon"][:1].isupper()
            and fold(match["hon"]) in WORD_HONORIFICS
            and word_before
            and (
                canonical(word_before[0]) in PLACE_NOUNS
                or word_before[0][:1].isupper()
                and word_before[0].isalpha()
                and canonical(name.split()[0]) not in SURNAMES
            )
        ):
            continue  # "rạch Ông Bé"; "Tập đoàn Hoàng Anh Gia Lai": part of a name
        listed = more_names(rest)  # "ông Nguyễn Văn Linh, Võ Văn Kiệt": more names after the honorific
        if listed:
            out += [(person, "") for person in [name] + listed]
            continue
        role = role_after(rest)
        if (
            role
            and canonical(text[max(0, match.start() - 5) : match.start()]).endswith("theo ")
            and not (ROLE_BEFORE_RE.match(role) or ORG_HEAD_RE.match(role) or lower_role_start(role))
        ):
            role = ""  # "Theo ông Eduardo Pedrosa, Liên minh ... hướng tới ...": what he said
        out.append((name, role or role_before_comma(text, match.start())))
    return out


def _name_then_role_speakers(text):
    """``(name, role)`` for "Larry Sabato, giáo sư khoa học chính trị, nói"."""
    out = []
    for match in NAME_THEN_ROLE_RE.finditer(text):
        if LOCATIVE_BEFORE_RE.search(text[max(0, match.start() - 6) : match.start()]):
            continue  # "ở Davos, Thủ tướng ...": a place
        run = match["name"].split()
        before = text[max(0, match.start() - 12) : match.start()].split()[-2:]
        company = company_named(before + run) - len(before)
        if 0 < company <= len(run) - 2:
            run = run[company:]  # "Tập đoàn Shire Linda Seah, Phó Chủ tịch ...": the company, then the name
        start, end = name_in(run, text)
        if start == 1 and latin_given_name(run[0]) and foreign_word(run[1]):
            start = 0  # "Yong Suk Lee, trợ lý ...": a given name spelt like a syllable
        if end - start == 1 and foreign_word(run[start]):
            continue  # "Hội nghị An ninh Munich, Phó Tổng thống ...": one foreign word is a place
        role = ONE_BEFORE_RE.sub("", role_after(", " + match["rest"]))  # "Chen Daoyin, một nhà khoa học ..."
        if end == len(run) and role:  # the name is what stands right before the comma
            out.append((" ".join(run[start:]), role))
            # "Nancy Pelosi và Chuck Schumer, lãnh đạo phe Dân chủ": both hold it.
            first = NAME_AND_RE.search(text, max(0, match.start() - 60), match.start())
            if first:
                run = first["name"].split()
                start, end = name_in(run)
                if end == len(run):
                    out.append((" ".join(run[start:]), role))
    return out


def _trim_name(name):
    syllables = name.split()
    for i in range(len(syllables) - 1):
        if canonical(f"{syllables[i]} {syllables[i + 1]}") in ROLE_STARTS:
            syllables = syllables[:i]
            break
    if not syllables or len(syllables) > 5:
        return ""
    return " ".join(syllables)
