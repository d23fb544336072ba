"""Facts from an article: clean text, title, speakers, date, organisation, source.

The genre is reports from Vietnamese science and technology organisations:
who attended, who spoke, on which day. Everything here is rules over the
text (no model), cheap enough to run on every article at index time.
"""

import datetime
import difflib
import functools
import itertools
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .text import canonical_phrase as canonical, fold, name_key

UPPER = (
    "A-Z"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
    "ĀĒĪŌŪ"  # romanised Japanese: "Tarō Kōno"
    "ÄÖÜÅØÑÇ"  # European names: "Pereric Högberg"
)
LOWER = "a-z" + UPPER[3:].lower()
# "Jong-un", "Louis-Dreyfus", "al-Assad", "McCarthy", "O'Neill", "Bin’ali".
NAME_SYLLABLE = rf"(?:al-|el-|Mc|Mac|O['’])?[{UPPER}][{LOWER}]*(?:[-'’][{UPPER}]?[{LOWER}]+){{0,2}}"

# Initials in a foreign name: "H.W." in "George H.W. Bush", "D.Trump".
INITIALS = r"(?:[A-Z]\.)+(?:[A-Z][a-z]+)?"
INITIALS_RE = re.compile(INITIALS)
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
# Lower-case particles inside a foreign name: "Jean-Paul de Gaudemar", "Gerard 't Hooft".
NAME_PARTICLES = ("de", "van", "von", "der", "du", "dos", "del", "bin", "ibn", "'t", "‘t", "’t")
NAME_PARTICLE = "(?:" + "|".join(NAME_PARTICLES) + ")"
SPEAKER_RE = re.compile(
    rf"(?<![{LOWER}{UPPER}])(?P<hon>{HONORIFIC})\s*"
    rf"(?P<name>{NAME_WORD}(?:[ \t]+(?:{NAME_PARTICLE}[ \t]+)?{NAME_WORD}){{0,5}})"
    rf"(?!\w)(?=(?P<rest>[^\n]{{0,200}}))"
)
# Places named like a person ("Bà Rịa", "Bà Nà", "chợ Ông Lãnh"), folded.
HONORIFIC_PLACES = {
    "ba ria", "ba na", "ba chieu", "ba den", "ba diem", "ba trieu", "ba trung", "ba chua",
    "ong lanh", "ong troi",
}
# Honorifics that are words, folded: capitalised after a place noun or after a
# capitalised word, they are part of a name ("rạch Ông Bé", "Hoàng Anh Gia Lai").
WORD_HONORIFICS = {"ong", "ba", "anh", "chi", "co", "thay", "ban"}
PLACE_NOUNS = {"rạch", "kênh", "sông", "cầu", "chợ", "chùa", "đền", "miếu", "đình", "đường", "phố", "hẻm",
               "bến", "núi", "hòn", "gò", "xóm", "ấp", "làng", "xã", "phường", "suối", "hồ", "đảo", "lăng",
               "nóc"}  # a hamlet of the mountains: "nóc Ông Tuân"
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
# A role follows the name after a dash, a comma or an opening bracket.
ROLE_LEAD_RE = re.compile(r"^\s*(?:[–—-]|,|\()\s*")
ROLE_END_RE = re.compile(
    r";|(?<!\bTP)(?<!\bTp)\.(?:\s|$)|\(|\)|:|\s[–—-]\s|,\s*(?:cùng|và|ông|bà|đồng chí|Đ/c)\s"
)
# A foreign name alone this long may misspell a part of a full name's
# ("Sihanuc" for "Sihanouk", "Ivaka" for "Ivanka").
MISSPELT_MIN_LETTERS = 5
QUOTES = "\"'“”‘’ "
# A place follows these: "ở Davos, Thủ tướng ..." names no one.
LOCATIVE_BEFORE_RE = re.compile(r"(?:^|\s)(?:ở|tại|từ|đến|tới)\s$")
# Words before a company's name: one foreign word after them is the company.
COMPANY_HEADS = {"tập đoàn", "công ty", "hãng", "tổ chức", "ngân hàng", "trung tâm", "viện", "học viện",
                 "đại học", "trường", "bệnh viện"}
# Of those, the companies, whose one-word name may come between a role and its holder ("Tập đoàn Cisco Goh
# Seow Hiong").
COMPANY_WORDS = {"tập đoàn", "công ty", "hãng", "ngân hàng", "tổng công ty"}
# Kinds of company, not names: "Công ty CP Phúc Sinh", "Ngân hàng TMCP Đông Á".
COMPANY_TYPES = {"CP", "TNHH", "TMCP", "MTV", "CTCP", "JSC", "TM", "DV", "XNK"}
# Words ending with a head word that are not organisations' heads: "Hạ viện", "Sở ... Môi trường".
NOT_HEADS = {"thành phố", "môi trường", "thị trường", "quảng trường", "hạ viện", "thượng viện", "nghị viện"}
# Military ranks: a post named as well says more ("thượng tướng X - thứ trưởng ...").
RANKS = {"đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá", "đô đốc",
         "trung tá", "thiếu tá", "đại úy", "đại uý", "tướng"}
# A seat in an assembly, which a post named elsewhere says more than: "ĐB", "đại biểu Quốc hội".
DEPUTIES = {"đb", "đbqh", "đại biểu", "đại biểu quốc hội"}
# Words that start a role or an organisation: a name stops before them.
ROLE_STARTS = {
    "giám đốc", "phó giám", "phó viện", "phó bí", "phó chủ", "phó trưởng", "phó tổng",
    "phó thủ", "bí thư", "chủ tịch", "viện trưởng", "trưởng ban", "trưởng phòng",
    "trưởng khoa", "tổng giám", "thứ trưởng", "bộ trưởng", "trung tâm", "đảng ủy",
    "ủy viên", "chánh văn", "phó chánh", "kế toán", "lãnh đạo", "đại diện", "công đoàn",
    "hiệu trưởng", "chủ nhiệm", "phó hiệu", "tổng biên", "trưởng đoàn",
}
# Verbs and links after which a role has ended.
ROLE_STOPS = {
    "phát biểu", "trình bày", "chủ trì", "đã", "đánh giá", "ghi nhận", "cho biết",
    "khẳng định", "nhấn mạnh", "đọc", "tham dự", "cùng", "và", "tại", "đề nghị",
    "yêu cầu", "chúc mừng", "báo cáo", "thay mặt", "trao", "lên", "gửi", "chia sẻ",
    "nêu", "biểu dương", "kết luận", "khai mạc", "tuyên bố", "nói", "giới thiệu",
    "cho hay", "thì", "thẳng thắn", "xác nhận", "nhận định", "bình luận", "giải thích",
    "cho rằng", "nêu quan điểm", "được", "chỉ rõ", "làm", "giữ chức", "muốn", "mong muốn", "thể hiện", "cũng",
    "gồm", "thôi", "tham gia", "thừa nhận", "kiến nghị", "tiết lộ", "bày tỏ", "nhận xét", "chỉ ra",
    "khuyến khích", "đưa ra", "lắng nghe",
}
# Roles that can stand right before a name: "Thứ trưởng Bộ ... Nguyễn Huy Dũng",
# "Tổng thống Nga Vladimir Putin", "cựu ứng viên Hillary Clinton".
ROLE_NOUN_LIST = [
    "Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Chủ tịch", "Tổng Giám đốc", "Giám đốc", "Viện trưởng",
    "Hiệu trưởng", "Tổng Bí thư", "Bí thư", "Cục trưởng", "Vụ trưởng", "Trưởng ban", "Trưởng phòng",
    "Chánh Văn phòng", "Chủ nhiệm", "Tổng Biên tập", "Đại sứ", "Trưởng khoa", "Tổng thống",
    "Ngoại trưởng", "Hạ nghị sĩ", "Thượng nghị sĩ", "Nghị sĩ", "Hạ nghị sỹ", "Thượng nghị sỹ",
    "Nghị sỹ", "Đại biểu", "Trợ lý", "Đầu bếp", "Cố vấn", "Tư lệnh", "Thống đốc",
    "Thị trưởng", "Tổng thư ký", "Phát ngôn viên", "Người phát ngôn", "Nhà phân tích", "Chuyên gia",
    "Ứng viên", "Huấn luyện viên", "HLV", "Chánh án", "Đại tướng", "Thượng tướng", "Trung tướng",
    "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Đại uý", "Bác sĩ",
    "Luật sư", "Kỹ sư", "Nhà báo", "Nhà văn", "Nhạc sĩ", "Ca sĩ", "Diễn viên", "Đạo diễn", "Nghệ sĩ",
    "Cầu thủ", "Tiền vệ", "Tiền đạo", "Hậu vệ", "Thủ môn", "Giáo viên", "MC", "Nhân chứng",
    "Nhà lãnh đạo", "Lãnh đạo", "Đệ nhất phu nhân", "Phu nhân", "Cục phó", "Vụ phó",
    "Nhà truyền giáo", "Nhà nghiên cứu", "Nhà khoa học", "Nhà sử học", "Nhà kinh tế", "Nhà hoạt động",
    "Nhà sáng lập", "Nhà đồng sáng lập", "Tỉ phú", "Tỷ phú", "Vua", "Nữ hoàng", "Hoàng tử",
    "Công chúa", "Tu sĩ", "Nhà sư", "Hòa thượng", "Hoà thượng", "Linh mục", "Mục sư", "Đội trưởng",
    "Thủ quân", "Cảnh sát trưởng", "Tướng", "Người đồng cấp", "Trưởng đội", "Phó ban", "Quốc vương",
    "Thái tử", "Giám đốc điều hành", "Đô đốc", "Phóng viên", "Nhà thơ", "Nhà viết kịch", "Nhạc sỹ",
    "Ủy viên", "Uỷ viên", "Hoàng hậu", "Thẩm phán", "Triệu phú", "Cử tri", "Người tiền nhiệm", "Học giả",
    "Trưởng phái đoàn", "Kiến trúc sư", "Cây bút", "Điệp viên", "Nhà ngoại giao", "Bình luận viên",
    "Chỉ huy trưởng", "Đồn trưởng", "Tổng lãnh sự", "Lãnh sự", "Tổng Thanh tra", "Chánh Thanh tra",
    "Họa sĩ", "Hoạ sĩ", "Hoạ sỹ", "Họa sỹ", "Trưởng đặc khu", "Công tố viên", "Nhà thiết kế",
    "Đại sứ đặc mệnh toàn quyền",
    "ĐBQH", "ĐB",  # deputies of the National Assembly: "ĐB Mai Sĩ Diến (Thanh Hóa)"
]


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
# A role ending in one of these goes on with an organisation or a place, not
# the name: "phát ngôn viên của Huawei", "thống đốc ở New Jersey"; after
# "cho" comes who a prize went to ("Nữ diễn viên chính xuất sắc cho X"),
# after "giải" the prize ("nhà khoa học đoạt giải Nobel"), after "tạp chí" the magazine.
ROLE_LINKS = {"tại", "ở", "của", "thuộc", "trên", "đảng", "hãng", "tờ", "báo", "chí", "kênh", "đài", "cho", "giải"}
# Words that end with a link and are part of the role: "Đại tá tình báo Nguyễn Văn Tàu".
LINK_WORDS = {"tình báo", "dự báo", "thông báo", "cảnh báo", "hiện tại", "giải trí", "đồng chí"}
# Words of news agencies and outlets, folded: "Theo Reuters, cố vấn ..." and
# "Tuổi Trẻ Online, đại tá ..." name a source, not a person.
NOT_NAME_WORDS = {
    "reuters", "afp", "ap", "cnn", "bbc", "tass", "xinhua", "yonhap", "sputnik", "bloomberg",
    "kyodo", "nhk", "online", "news", "times", "post", "press", "tv", "radio", "daily",
    # and of companies and institutions: "BEA Union Investment Management", "Valdai Club"
    "group", "bank", "capital", "investment", "management", "fund", "holdings", "corporation", "company",
    "union", "international", "global", "partners", "securities", "airways", "airlines", "motors",
    "foundation", "institute", "university", "college", "council", "association", "club", "prize",
    "award", "hotel", "resort", "airport", "stadium", "air", "pte", "ltd", "inc", "corp", "llc", "jsc",
}
# A person named, then their role after a comma, a dash or in brackets:
# "Larry Sabato, giáo sư ...", "Turki Bin’ali - nhà truyền giáo ...",
# "Võ Văn Thưởng (Bí thư trung ương Đảng)".
NAME_THEN_ROLE_RE = re.compile(
    rf"(?<![\w'’-])(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,5}})(?:,|\s[–—-]|(?=[ \t]\())[ \t]+\(?"
    rf"(?=(?P<rest>(?:(?i:(?:(?:cựu|nguyên|một)[ \t]+){{0,2}}(?:{ROLE_NOUNS}|giáo sư|quan chức))|CEO)"
    rf"(?!\w)[^\n]{{0,200}}))",
)
ONE_BEFORE_RE = re.compile(r"^(?i:một)\s+")
NAME_AND_RE = re.compile(
    rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}})[ \t]+và[ \t]+$"
)
# Lower-case words a role may run on with before its organisation or the
# name ("Giám đốc tài chính Huawei ...", "Tư lệnh cảnh sát quốc gia ...").
ROLE_TAIL_WORDS = 4
# A role after a name is cut at this many words: "Giám đốc Văn phòng Các vấn đề Hong Kong và Macau
# của Quốc vụ viện Trung Quốc" is 17.
ROLE_MAX_WORDS = 20
# Lower-case words an organisation's name may hold before its head's name
# ("Trung tâm dự báo khí tượng thuỷ văn trung ương Hoàng Đức Cường").
ORG_LOWER_WORDS = 8
# Words of a sentence, not of a name: "... tặng bằng khen cho em Đỗ Văn Bằng".
NOT_IN_NAMES = {"em", "cháu", "cụ", "chú", "bác", "cho", "tặng", "có", "sẽ", "đang", "vừa", "bị"}
# At most this many words between a role and the comma before its holder's name.
ROLE_CLAUSE_WORDS = 8
# A word in Vietnamese spelling, folded; a capitalised word that is not one
# (nor a place) is taken for part of a foreign name: "Putin", "Widodo".
VIETNAMESE_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
LATIN_WORD_RE = re.compile(r"(?:al-|el-|Mc|Mac|O['’])?[A-ZÄÖÜÅØÑÇ][a-zäöüåøñç]+(?:[-'’][A-Z]?[a-z]+){0,2}")
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
# A Korean given name written with a hyphen: "Jae-in", "Jong-un".
KOREAN_GIVEN_NAME_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")
# Short Vietnamese words written without diacritics.
UNACCENTED_WORDS = {"cho", "la", "va", "ma", "co", "the", "tai", "voi", "nay", "do", "de", "di",
                    "ra", "vi", "ca", "mot", "hai", "ba", "con", "ong", "cac", "nhu", "khi", "sau"}
# A Vietnamese word glued to the name that follows it ("Tổng thốngTrump"):
# lower-case with a diacritic, then a capital (not "McCarthy", "iPhone").
GLUED_NAME_RE = re.compile(rf"(?<![{LOWER}])([{LOWER}]*[{LOWER[3:]}][{LOWER}]*)(?=[A-Z][a-z])")
# Places written in Latin letters that stand between a role and a name.
FOREIGN_PLACES = set(
    "afghanistan australia brazil campuchia canada colombia cuba ecuador ethiopia iran iraq "
    "israel jordan kazakhstan kenya lebanon libya malaysia mexico myanmar nigeria pakistan "
    "palestine peru philippines qatar serbia singapore syria ukraine venezuela yemen india "
    "indonesia nepal new york jersey seattle houston chicago boston saudi arabia kremlin pentagon "
    "washington london paris moscow berlin tokyo seoul bangkok jakarta manila texas california "
    "florida hawaii alaska virginia "
    # Countries and capitals written in Latin letters (Vietnamese names for the
    # big ones, "Nga", "Mỹ", are Vietnamese spelling and never taken for names).
    "bahrain oman kuwait tunisia algeria morocco egypt sudan somalia uganda zimbabwe angola "
    "ghana senegal mali niger chad congo rwanda zambia namibia botswana mozambique madagascar "
    "chile argentina bolivia uruguay paraguay panama haiti jamaica nicaragua honduras guatemala "
    "salvador iceland finland norway sweden denmark poland hungary romania bulgaria croatia "
    "bosnia albania estonia latvia lithuania belarus armenia azerbaijan uzbekistan turkmenistan "
    "kyrgyzstan tajikistan mongolia bangladesh lanka bhutan maldives brunei timor fiji samoa "
    "tonga kosovo montenegro macedonia slovakia slovenia czech moldova cyprus malta luxembourg "
    "monaco dubai riyadh tehran kabul baghdad damascus beirut gaza jerusalem aviv ankara istanbul "
    "islamabad delhi mumbai dhaka kathmandu colombo yangon naypyidaw vientiane phnom penh "
    "kuala lumpur canberra sydney melbourne ottawa toronto havana caracas bogota lima santiago "
    "brasilia kiev kyiv minsk warsaw prague vienna budapest bucharest sofia athens rome madrid "
    "lisbon brussels amsterdam geneva zurich oslo stockholm helsinki copenhagen dublin "
    "papua guinea zealand vanuatu solomon palau caledonia polynesia caribbean scotland wales ireland "
    "england catalonia crimea donbass donetsk luhansk aleppo idlib raqqa mosul kashmir tibet xinjiang "
    "arab bengal okinawa hokkaido osaka kyoto busan philippin xingapo malaixia mianma brunay ucraina".split()
)
# One syllable of a romanised East Asian name: "Tong" in "Goh Chok Tong", not "II" nor "Y".
ROMANISED_SYLLABLE_RE = re.compile(r"[A-Z][a-z]{2,}")
# A romanised East Asian name's word: "Kyung", "Jae-in", "Tarō".
ROMANISED_RE = re.compile(r"[A-ZĀĒĪŌŪ][a-zāēīōū]+(?:-[a-z]+)?")
# Countries whose people's names, romanised, read like Vietnamese syllables.
EAST_ASIA = {"triều tiên", "hàn quốc", "bình nhưỡng", "nhật bản", "trung quốc", "đài loan"}
# Those whose names Vietnamese reads in its own syllables ("Tập Cận Bình", "Cảnh Sảng").
SINO_VIETNAMESE = {"trung quốc", "đài loan"}
# Vietnamese words with no diacritics that open a clause: "Theo James Borton, ...".
UNACCENTED_LEADS = {"theo", "sau", "khi", "trong", "cho", "con", "tuy", "nam", "hai", "ba", "anh", "chi", "em"}
# A degree, which a post says more than: "tiến sĩ y học".
ACADEMIC_DEGREE_RE = re.compile(r"(?i:tiến sĩ|tiến sỹ|thạc sĩ|thạc sỹ|cử nhân|kỹ sư|kĩ sư)(?!\w)")
# Countries named in one Vietnamese word, which may end an organisation before its head's name.
COUNTRY_WORDS = {"mỹ", "nga", "anh", "pháp", "đức", "úc", "ý", "lào", "nhật", "hàn", "ấn", "bỉ", "thụy", "thuỵ"}
# Capitalised Latin words before a foreign word that make it a title or a
# place, not a person: "HLV The Voice", "thị trưởng San Juan", "Man United".
NAME_LEADS_NOT_NAMES = {"the", "san", "sao", "santa", "los", "las", "man", "nou", "top"}
# Countries whose Vietnamese names are spelt in Latin letters alone.
LATIN_COUNTRIES = {"nga", "anh", "lao", "ai", "cap", "thai", "lan", "han", "nhat", "ban"}
# Surnames that start a name after a role (honorifics need no such list).
SURNAMES = set(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đinh trương "
    "lương mai cao lâm tô hà tạ giang cung lưu chu kiều đoàn vương tăng thái trịnh quách phùng "
    "triệu châu hứa âu lại khúc nghiêm la diệp thân tôn lục mạc doãn khổng văn từ chế đàm "
    "lữ mẫn nông ninh quan tiêu tống trình ung vi yên hoàng giáp kim bạch lò thạch uông nguỵ ngụy "
    # Chinese names as Vietnamese reads them ("Tập Cận Bình", "Mao Trạch Đông").
    "tập mao tưởng ôn đậu cấn bế cù hầu khương kha lã phí quản sầm thiều trác trầm lỗ chử diêm dư mã nhâm "
    "tòng".split()
)
# A surname, capitalised: "Nguyễn|Trần|...".
SURNAME_WORD = "(?:" + "|".join(surname.title() for surname in sorted(SURNAMES)) + r")(?!\w)"
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
# The last of the names listed after a plural role, before the sentence goes
# on: "các Phó Thủ tướng: ..., Trịnh Đình Dũng tại Hội nghị".
LISTED_LAST_NAME_RE = re.compile(LISTED_NAME + rf"(?=[ \t]+[{LOWER}])")
# Words before a place's name ("phường Yên Hoà", "xã Tân Lộc"), or before a
# person's name that names something else ("Quỹ Jeff Henley", "giải Nobel").
PLACE_UNITS = {"phường", "xã", "huyện", "quận", "tỉnh", "thị", "trấn", "ấp", "thôn", "xóm", "quỹ", "giải",
               "đường", "phố", "làng", "trường", "học", "chuyên", "thpt", "thcs"}
# The units of government among them that may stand bare before a person's name ("UBND tỉnh Trần Văn
# Chuyện"); not communes and wards, many of which are named after people ("xã Hoàng Văn Thụ").
ADMINISTRATIVE_UNITS = {"tỉnh", "huyện", "quận"}
# Places whose first syllable is also a surname: not people after a role.
PLACES = {"hà nội", "hà nam", "hà tĩnh", "hà giang", "lâm đồng", "cao bằng", "thái bình", "thái lan", "hà lan",
          "thái nguyên", "hồ chí minh", "trà vinh", "bạc liêu", "kiên giang", "tiền giang",
          "tập đoàn", "châu á", "châu âu", "châu phi", "châu mỹ", "châu úc", "bình dương", "hải dương",
          "tây dương", "độ dương", "băng dương", "đan mạch", "sầm sơn", "cù lao",
          # the Youth Union: "Bí thư thường trực Trung ương Đoàn Nguyễn Mạnh Dũng"
          "ương đoàn", "thành đoàn", "tỉnh đoàn", "huyện đoàn"}
# A name's last syllable and the lower-case word after it that make a word:
# "Đoàn Thanh niên" (the Youth Union), "KTS. Nguyễn Thanh Tùng Tư vấn ...".
NAME_LIKE_WORDS = {"thanh niên", "phụ nữ", "nông dân", "chiến binh", "nhân dân", "công nhân", "doanh nhân", "tư vấn"}
# The second halves of ministries' and departments' names written with a
# dash: "Bộ Kế hoạch - đầu tư", "Sở Khoa học - Công nghệ".
ORG_SECOND_HALVES = ("đầu tư", "công nghệ", "thương binh", "xã hội", "thể thao", "du lịch", "vận tải",
                     "môi trường", "phát triển nông thôn", "truyền thông", "đào tạo", "luật", "an ninh")
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
# A lower-case aside in brackets between an organisation and a name, read
# past: "Cơ quan tình báo đối ngoại Anh (được biết đến với tên gọi MI 6) Alex Younger".
ASIDE_RE = re.compile(rf"\((?=[{LOWER}])[^()\n]{{1,60}}\)(?=[ \t]+[{UPPER}])")

# Words, or pairs of words, a lower-case role may start with ("chủ tịch UBND
# xã ...", "phát ngôn viên ..." but not "phát biểu"); a role in capitals
# needs no such word.
LOWER_ROLE_STARTS = {
    "chủ", "phó", "giám", "trưởng", "tổng", "bí", "cục", "vụ", "viện", "chánh", "thứ", "bộ",
    "nhân", "cán", "chuyên", "người", "giáo", "đại", "thư", "nguyên", "cựu", "quyền",
    "điều", "hiệu", "kế", "thủ", "ủy", "uỷ", "tiến", "thạc", "bác", "luật", "kỹ", "nhà",
    "hlv", "nghị", "ngoại", "phát ngôn", "hạ nghị", "thượng nghị", "thượng tướng", "thượng tá",
    "cố vấn", "tư lệnh", "thống đốc", "thị trưởng", "ứng viên", "huấn luyện", "trung tướng",
    "trung tá", "thiếu tướng", "thiếu tá", "lãnh đạo", "tổ trưởng", "tổ phó", "tiền vệ",
    "tiền đạo", "hậu vệ", "thủ môn", "nhân chứng", "trợ lý", "đầu bếp", "phóng viên", "tác giả",
    "học giả", "quan chức", "một nhà",
}
# Lower-case words between a role and its holders' names that are not part of the role.
LISTING_WORDS = {"gồm", "là"}
# Capitalised, these open a sentence whose full stop is missing.
SENTENCE_OPENERS = {"còn", "và", "nhưng", "khi", "tuy", "sau", "trước", "trong", "nếu", "dù", "rồi"}
# Plural "các đồng chí ..." introduces a list of roles, not a person; "ông" in
# "đàn ông" (man) and "cụ ông" (old man) is not an honorific.
PLURAL_BEFORE = ("các ", "những ", "Các ", "Những ", "đàn ", "Đàn ", "cụ ", "Cụ ")
# A role after these names no one who holds it: a meeting's name ("Hội nghị
# hiệu trưởng Confrasie") or what is named after someone ("giải thưởng mang
# tên nhà khoa học X").
NO_HOLDER_BEFORE = ("hội nghị ", "hội thảo ", "diễn đàn ", "cuộc họp ", "mang tên ")

SHARE_WORDS = {"facebook", "zalo", "twitter", "email", "print", "in", "chia", "se",
               "share", "tweet", "linkedin", "google"}
NAV_LINES = {"cac muc khac", "tin lien quan", "tin cung chuyen muc", "xem them",
             "bai viet lien quan", "tin khac", "cac tin khac"}
READ_MORE_RE = re.compile(r"(?:doc|xem) them\s*[:>]")
SOURCE_RE = re.compile(r"^\s*Nguồn\s*:\s*(?P<source>.+?)\s*$", re.IGNORECASE)
THEO_URL_RE = re.compile(r"^\s*Theo\s*:?\s*(?P<url>https?://\S+)\s*$", re.IGNORECASE)
CAPTION_MARKER_RE = re.compile(r"\s+-\d+\s*$")
BYLINE_RE = re.compile(
    rf"^(?:{NAME_SYLLABLE}(?:\s+{NAME_SYLLABLE})*|[{UPPER}](?:\.[{UPPER}])+\.?)"
    rf"(?:\s*[,&-]\s*(?:{NAME_SYLLABLE}(?:\s+{NAME_SYLLABLE})*|[{UPPER}](?:\.[{UPPER}])+\.?))*$"
)

DATE_PATTERNS = [
    re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.I),
    re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?![\d/-]|\.\d)"),
]
# A day and month without the year ("Sáng 9-7", "ngày 18/12").
DAY_MONTH_RE = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})[/-](?P<m>\d{1,2})(?![\d/-]|\.\d)")
# The event's day and month opening a report, or a sentence after a photo's
# caption: "Ngày 4/6, ...", "(Ảnh: K.T) Sáng 21/7, ...".
EVENT_DAY_RE = re.compile(
    r"(?:^|[.\n]\s*|\)\s*(?=[NSCTĐ]))(?i:ngày|sáng|chiều|tối|trưa|đêm)(?i: ngày)?"
    r"\s+(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?![\d/-]|\.\d)",
)
# A document's number or kind, and who issued or signed it, right before a date: "Công điện số 967/CĐ - TTg
# ngày 10/6/2014", "Kết luận số 22 - KL/TW ngày 7/11/2017", "Nghị quyết số 24/2016/QH14 của Quốc hội ngày
# 8/11/2016", "1976/QĐ - TTg ký ngày 24/10/2014" date the document, not the event.
DOCUMENT_BEFORE_RE = re.compile(
    r"(?:\d+/[A-ZĐ][\w-]*(?:\s*-\s*[A-ZĐ]\w*)?|(?:Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Công điện|"
    r"Công văn|Kết luận|Thông báo|Tờ trình)(?:\s+(?:số\s*)?\S+(?:\s+-\s+\S+)?)?(?:[^.\n]{0,30}\bban hành)?)"
    r"(?:\s+của\s+[A-ZĐ][\w&-]*(?:\s+[\w&-]+){0,5}?)?"
    r"(?:\s+ký)?\s*,?\s*(?:ngày\s+)?$"
)
# A deadline, not the event: "báo cáo Lãnh đạo Bộ trước ngày 5/6/2017", "chậm nhất là ngày ...".
DEADLINE_BEFORE_RE = re.compile(r"(?i:trước|chậm nhất(?:\s+là)?)\s+ngày\s+$")
YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

ORG_HEAD_RE = re.compile(
    r"(?<!\w)(?:Trung tâm|Viện|Học viện|Sở|(?<!Trung )Bộ|Trường(?! (?:Sa|Sơn|Giang|Chinh)\b)|Đại học|Công ty|Tập đoàn|"
    r"Tổng công ty|Cục|Tổng cục|Liên hiệp|Ủy ban|UBND|Quỹ|Bệnh viện|Ngân hàng|(?<!Tây )Ban|Cơ quan|Hội đồng|Hiệp hội|"
    r"Tổng [Ll]iên đoàn|Liên đoàn|Hội(?! An))(?!\w)"
)
# The body above an organisation, in brackets after it, is part of a role: "Vụ trưởng Vụ Pháp chế (Bộ Y
# tế)"; an acronym in brackets ends it ("Viện Năng lượng nguyên tử Việt Nam (NLNTVN)").
BRACKETED_BODY_RE = re.compile(rf"\((?:{ORG_HEAD_RE.pattern})[^()\n]{{0,40}}\)")
ORG_STOPS = {
    "tổ chức", "tiến hành", "năm", "đã", "về", "với", "tại", "phối hợp", "long trọng",
    "khai mạc", "triển khai", "họp", "ký", "công bố", "đón", "tham gia", "tổng kết",
    "hội nghị", "trong", "cho", "của", "sơ kết", "đẩy mạnh", "khánh thành", "tập huấn",
    "trao", "ký kết", "phát động", "làm việc", "kỷ niệm", "lần", "khóa", "khoá", "nhiệm kỳ", "cùng",
}
TITLE_MAX_CHARS = 250
# A sentence ends at . ! ? before a capital, but not after an honorific
# abbreviation ("TS. Đặng Quang Thiệu").
SENTENCE_END_RE = re.compile(
    rf"(?<!\bTS)(?<!ThS)(?<!\bGS)(?<!PGS)(?<!\bKS)(?<!KTS)(?<!\bBS)(?<!TSKH)(?<!\bTp)(?<!\bTP)"
    rf"[.!?](?=\s+[{UPPER}\"“])|\n"
)


@dataclass
class Extracted:
    """What the index stores for one article besides its id."""

    title: str
    body: str
    title_derived: bool = False  # made up from the body or URL, not the article's own
    speakers: list = field(default_factory=list)  # [{"name", "role"}]
    date: str = ""  # YYYY-MM-DD, or "" when unknown
    year: int = 0  # 0 when unknown
    organisation: str = ""
    source: str = ""
    url: str = ""
    byline: str = ""


def extract(article):
    """Turn an :class:`~search_app.articles.Article` into :class:`Extracted`."""
    title, body = fix_title(article.title, article.body)
    body, meta = clean_body(body, title)
    url = article.url or meta.get("url", "")
    source = article.source or meta.get("source", "") or _host(url)
    title_derived = not title
    if title_derived:
        title = title_from_body(body, url)
    date, year = find_date(article.date, title, body)
    return Extracted(
        title=title,
        body=body,
        title_derived=title_derived,
        # A derived title repeats (and cuts) the body: read the body alone.
        speakers=find_speakers(body if title_derived else title + "\n" + body),
        date=date,
        year=year,
        organisation=organisation(title, body),
        source=source,
        url=url,
        byline=meta.get("byline", ""),
    )


def fix_title(title, body):
    """Return ``(title, body)``, moving a first line that is really body text.

    Some articles have no title line: their first line is a long sentence.
    """
    looks_like_body = len(title) > TITLE_MAX_CHARS or (
        title.endswith(".") and len(title.split()) > 25
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


def title_from_slug(url, body):
    """Restore an unaccented URL slug with the spellings the body uses."""
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


def clean_body(body, title):
    """Drop sharing, navigation, caption markers, source and byline lines.

    Returns ``(clean_body, meta)``, ``meta`` holding what was taken out
    (``source``, ``url``, ``byline``).
    """
    meta = {}
    kept = []
    folded_title = fold(title).strip()
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        folded = fold(stripped)
        if fold_words(folded) <= SHARE_WORDS:
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
        stripped = CAPTION_MARKER_RE.sub("", stripped)
        if stripped.startswith("(") and stripped.endswith(")"):
            stripped = stripped[1:-1].strip()
        if folded_title and fold(stripped) == folded_title:
            continue  # the title repeated as a photo caption
        kept.append(stripped)
    while kept and not kept[-1]:
        kept.pop()
    if kept and _is_byline(kept[-1]):
        meta["byline"] = kept.pop()
    text = "\n".join(kept).strip()
    return re.sub(r"\n{3,}", "\n\n", text), meta


def fold_words(folded_line):
    return set(re.findall(r"\w+", folded_line))


def _is_byline(line):
    return len(line.split()) <= 6 and BYLINE_RE.match(line) is not None


def _host(url):
    if not url:
        return ""
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def find_speakers(text):
    """People named with an honorific or a role, as ``[{"name", "role"}]``, each once.

    The same person written twice (a caption repeating the name, a typo in
    an accent) is recognised by the folded name, and a surname alone by the
    full name ending with it; the first spelling and the first non-empty
    role win.
    """
    found = {}
    text = GLUED_NAME_RE.sub(r"\1 ", _join_hyphens(text))
    text = LOWER_SURNAME_RE.sub(lambda match: match[1] + match[2].capitalize(), text)
    roles = list(ROLE_BEFORE_RE.finditer(text))  # the costliest pattern: searched once
    named = _honorific_speakers(text) + _role_first_speakers(text, roles) + _name_then_role_speakers(text)
    for name, role in named:
        if ONLY_INITIALS_RE.fullmatch(name) or NOT_NAME_WORDS & set(fold(name).split()) or _anonymous(name):
            continue  # "ông N.", "Reuters", "bà Bùi Thị Th."
        key = name_key(name)
        role = role.strip(QUOTES)  # '"tổng thống tự phong" Juan Guaido'
        if key not in found:
            found[key] = {"name": name, "role": role}
        elif role and _better_role(found[key]["role"], role):
            found[key]["role"] = role
    # "cô Ivanka" is "Ivanka Trump" when the article introduces her so, bare.
    for key in [k for k in found if " " not in k and foreign_word(found[k]["name"])]:
        fuller = _fuller_name(text, found[key]["name"], found)
        if fuller and name_key(fuller) not in found:
            found[name_key(fuller)] = dict(found.pop(key), name=fuller)
    # "ông Tư Cang" is "Nguyễn Văn Tàu (Tư Cang ...)", "ông Tư Thành" is "Lê Quang Thành": a nickname.
    for key in [k for k in found if k.count(" ") == 1 and k.split()[0] in RANK_NICKNAMES]:
        alias = found[key]["name"]
        fuller = [
            k for k in found
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
        if not fuller and " " not in key and len(key) >= MISSPELT_MIN_LETTERS and foreign_word(found[key]["name"]):
            fuller = next((k for k in others if " " in k and any(_misspelt(key, w) for w in k.split())), None)
        if fuller:
            _merge(found, key, fuller)
    # A foreign name misspelt in one word ("Engartiasto Lukita" in a caption) is one person, under the
    # spelling the text uses more often; when as often, the longer (a letter dropped is the usual typo).
    keys = list(found)
    for i, key in enumerate(keys):
        first = next((other for other in keys[:i] if other in found and _misspelt_name(key, other)), None)
        if first:
            names = found[key]["name"], found[first]["name"]
            found[first]["name"] = max(names, key=lambda name: (_mentions(text, name), len(name)))
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
            if not person["role"] and after.startswith(name) and not after[len(name) : len(name) + 1].isalnum():
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


@functools.lru_cache(maxsize=8192)
def _name_patterns(name):
    """Compiled patterns for ``name`` with a Latin word before or after it, and for it alone."""
    word = LATIN_WORD_RE.pattern
    return (
        re.compile(rf"(?<![\w-])(?:({word}) {re.escape(name)}|{re.escape(name)} ({word}))(?![\w-])"),
        re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])"),
    )


def _fuller_name(text, name, others=()):
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
        if foreign_word(other) and other.lower() not in LATIN_COUNTRIES and name_key(match.group()) not in others:
            forms.setdefault(match.group(), match)  # not "Michelle Obama", found as herself
    if len(forms) != 1:
        return ""
    (fuller, match), = forms.items()
    for first in (alone.search(text), alone.search(text, text.find("\n") + 1)):
        if first is None or match.start() <= first.start() < match.end():
            return fuller
    return ""


def _better_role(old, new):
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


def _misspelt(word, surname):
    """Whether ``word`` is ``surname`` misspelt: the same first letter, 80 % alike."""
    return word[0] == surname[0] and difflib.SequenceMatcher(None, word, surname).ratio() >= 0.8


def _mentions(text, name):
    """How many times ``name`` stands in ``text`` as whole words."""
    return len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def _misspelt_name(key, other):
    """Whether the foreign name ``key`` is ``other`` with one word misspelt (both keys, folded)."""
    words, others = key.split(), other.split()
    if len(words) != len(others) or len(words) < 2 or not all(map(foreign_word, map(str.title, words))):
        return False
    differ = [(word, them) for word, them in zip(words, others) if word != them]
    return len(differ) == 1 and len(differ[0][0]) >= MISSPELT_MIN_LETTERS and _misspelt(*differ[0])


def _anonymous(name):
    """Whether a Vietnamese ``name`` is cut short, as an article hides who it is: "Bùi Thị Th", "Đức T.", "ông Ph"."""
    words = name.split()
    last = fold(words[-1]).rstrip(".")
    vietnamese = len(words) == 1 or canonical(words[0]) in SURNAMES or not name.isascii()
    return vietnamese and len(last) <= 2 and not re.search("[aeiouy]", last)


def _join_hyphens(text):
    """``text`` with the spaced hyphens and apostrophes inside names closed.

    A chain too: "Chan - o - cha" -> "Chan-o-cha", "O ' Neill" -> "O'Neill".
    """
    text = SPACED_PARTICLE_RE.sub(" 't ", SPACED_APOSTROPHE_RE.sub(r"\1'\2", text))
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
        joined = right not in UNACCENTED_WORDS and not vietnamese and (
            foreign_word(left) and len(right) <= 3 or KOREAN_SURNAME_BEFORE_RE.search(before) is not None
        )
    else:
        joined = foreign_word(left) and foreign_word(right[0].upper() + right[1:])
    return f"{left}-{right}" if joined else match.group()


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
        last_two = canonical(f"{name.rsplit(' ', 1)[-1]} {after[0]}") if name.count(" ") >= 2 and after else ""
        if last_two in ROLE_STARTS:
            name = name.rsplit(" ", 1)[0]  # "Ông Vũ Văn Viện Giám đốc Sở ...": the role starts
            rest = "," + match["name"][len(name) :] + match["rest"]
        elif last_two in NAME_LIKE_WORDS:
            name = name.rsplit(" ", 1)[0]  # "KTS. Nguyễn Thanh Tùng Tư vấn xây nhà": a word starts
        one_word = name and " " not in name
        if not name or one_word and (
            fold(match["hon"]) not in ("ong", "ba")
            and not (fold(match["hon"]) in ("co", "anh", "chi") and foreign_word(name))
            or canonical(name) in LOWER_ROLE_STARTS
        ):
            # One name alone after ông/bà ("ông Hán", "bà Merkel", not "ông Giám
            # đốc"), or a foreign one after cô/anh/chị ("cô Ivanka").
            continue
        if " ".join(fold(f"{match['hon']} {name}").split()[:2]) in HONORIFIC_PLACES or canonical(name) in PLACES:
            continue  # "Bà Rịa", "giáo sư Hà Lan": a place
        word_before = text[max(0, match.start() - 7) : match.start()].split("\n")[-1].split()[-1:]
        if match["hon"][:1].isupper() and fold(match["hon"]) in WORD_HONORIFICS and word_before and (
            canonical(word_before[0]) in PLACE_NOUNS
            or word_before[0][:1].isupper() and word_before[0].isalpha() and canonical(name.split()[0]) not in SURNAMES
        ):
            continue  # "rạch Ông Bé"; "Tập đoàn Hoàng Anh Gia Lai": part of a name
        listed = _more_names(rest)  # "ông Nguyễn Văn Linh, Võ Văn Kiệt": more names after the honorific
        if listed:
            out += [(person, "") for person in [name] + listed]
            continue
        role = _role(rest)
        if role and canonical(text[max(0, match.start() - 5) : match.start()]).endswith("theo ") and not (
            ROLE_BEFORE_RE.match(role) or ORG_HEAD_RE.match(role) or _lower_role_start(role)
        ):
            role = ""  # "Theo ông Eduardo Pedrosa, Liên minh ... hướng tới ...": what he said
        out.append((name, role or _role_before_comma(text, match.start())))
    return out


COMMA_OR_DASH_END_RE = re.compile(r"(?:,|[ \t][–—-])[ \t]$")


def _clause_before_comma(text, at, window):
    """The clause that ends with ", " or " - " right before ``at`` (looking ``window`` characters back), or ""."""
    before = text[max(0, at - window) : at]
    end = COMMA_OR_DASH_END_RE.search(before)
    return CLAUSE_BREAK_RE.split(before[: end.start()])[-1] if end else ""


# The bodies of the party and the state that a post may name without a head word.
PARTY_OR_STATE_RE = re.compile(
    r"(?i:Trung ương|T\.Ư|TW|Quốc hội|Chính phủ|Đảng|[Tt]hành [uủ]ỷ|[Tt]ỉnh [uủ]ỷ|[Hh]uyện [uủ]ỷ|Quân [uủ]ỷ"
    r"|HĐND|UBND|MTTQ)(?!\w)"
)
# Words a post listed before another may follow: "Đến dự có Ủy viên Bộ Chính trị, Bí thư ... X";
# not "với": "trao đổi với phóng viên, trung tá X" is whom he spoke to.
POST_LEADS = {"có", "gồm", "là", "và", "của", "đồng chí", "chí", "ông", "bà"}
# "kiêm" joins two posts of one person: "Bộ trưởng Bộ TT&TT kiêm Phó Trưởng Ban Tuyên giáo".
JOINED_POST_RE = re.compile(r"[ \t]kiêm[ \t]+$")
# Words after which a bare role before ", <honorific> <name>" is still that person's.
APPOSITION_LEADS = {"và", "của", "với", "cùng", "là"}


def _role_before_comma(text, at):
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
    if lead and lead[-1].islower() and lead[-1] not in APPOSITION_LEADS and roles[-1].end() == len(clause.rstrip()):
        # "Trả lời cử tri, ông Nguyễn Thành Phong": whom he answered, not his post; but
        # "Ông Lý và phu nhân, bà Ho Ching", "của người tiền nhiệm, đồng chí Lê Thanh Hải"
        return ""
    return role


def _role_first_speakers(text, roles):
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
        following = ASIDE_RE.sub(lambda aside: " " * len(aside.group()), text[match.end() : match.end() + 160])
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
            bare = word[:-1] if word.endswith(",") and ORG_SECOND_HALF_RE.match(" ".join(rest[i + 1 : i + 3])) else word
            bare = bare.strip("()")  # "Vụ châu Mỹ (Bộ Ngoại giao) Trần Thanh Tâm"
            if capital or word in ("và", "&") or (
                run and run[-1][:1].isupper() and bare.isalpha() and word not in ROLE_LINKS
            ):
                run.append(word)  # "Bộ Văn hoá, Thể thao và Du lịch": the comma inside the name
            elif word.isdigit() and run and _capital_within(rest, i + 1, 1, surname=True):
                run.append(word)  # "công ty Cienco 6 Bùi Phi Hùng"
            elif word in ("-", "–") and run and (
                _capital_within(rest, i + 1, 1) or ORG_SECOND_HALF_RE.match(" ".join(rest[i + 1 : i + 3]))
            ):
                run.append(word)  # "Bộ LĐ - TB & XH", "Bộ Kế hoạch - đầu tư"
            elif run and word in ROLE_LINKS and rest[i + 1 : i + 2] and rest[i + 1][:1].isupper() and (
                _name_in(run) == (0, 0)
            ):
                run.append(word)  # "Đại sứ Hoa Kỳ tại Việt Nam Ted Osius", "Ủy ban Kinh tế của Quốc hội Vũ Hồng Thanh"
            elif run and word.isalpha() and ORG_HEAD_RE.match(" ".join(run[:2])) and _inside_org(rest, i, run[-1]):
                run.append(word)  # "Công ty CP Lọc hoá dầu Bình Sơn (BSR) Trần Ngọc Nguyên"
            elif run and word.isalpha() and _name_in(run) == (0, 0) and _capital_within(
                rest, i + 1, _lower_words_allowed(run, rest, i), surname=True
            ):
                # "Ngân hàng nhà nước Lê Minh Hưng", "Trung tâm dự báo khí tượng thuỷ văn trung ương Hoàng
                # Đức Cường", "Bộ trưởng Y tế và dịch vụ xã hội Tom Price": lower-case syllables, then the name
                run.append(word)
            else:
                break
        start, end = _name_in(run, text)
        company = _company_named(run)
        if company and (not end or start < company):
            capitals = _capitalised(run[company:])
            if 2 <= len(capitals) <= 3 and all(word.islower() for word in run[company + len(capitals) :]) and (
                canonical(capitals[0]) in SURNAMES or foreign_word(capitals[0])
            ):
                start, end = company, company + len(capitals)  # "Tập đoàn Cisco Goh Seow Hiong"
        run_links = [i for i, word in enumerate(run[:start]) if word in ROLE_LINKS]
        if end and run_links and start < run_links[-1] + 2:
            continue  # "Đại sứ Nga tại Italy", "Chủ tịch HĐQT của Vingroup": a place or a company
        if end and ROLE_BEFORE_RE.search(" ".join(run[:start])):
            continue  # "lãnh đạo cấp cao gồm Chủ tịch nước X": the nearer role is X's
        head = words[:tail] + run[:start]  # the role's words after its noun, then the organisation
        if end and _place_before(head) and not (
            head[-1].lower() in ADMINISTRATIVE_UNITS and _name_after_unit(run[start:])
        ):
            continue  # "trường tiểu học Lý Học", "Trường THPT chuyên Nguyễn Trãi"; not "UBND tỉnh Trần Văn Chuyện"
        # The organisation's head right before the name ("Công ty", "hãng"), if any.
        company_head = next((part for part in (head[-2:], head[-1:]) if canonical(" ".join(part)) in COMPANY_HEADS), [])
        if canonical(" ".join(head[-2:])) in NOT_HEADS:
            company_head = []
        single = end == start + 1 and not any(word[:1].isupper() for word in run[end:])
        if single and canonical(" ".join(head[-2:])) in ("thành phố", "tỉnh", "bang"):
            continue  # "phát ngôn viên nhà tù thành phố Sorong": a city
        if end and company_head and (company_head[0][:1].isupper() or single) or single and (
            ORG_HEAD_RE.search(" ".join(run[:start]))
        ):
            # "Tập đoàn Nidec", "công ty Hoàng Gia Phát", "trung tâm Carnegie Moscow", "Viện ... Quốc tế
            # Peterson": the organisation
            continue
        window = max(0, match.start() - 120), match.start()
        if end and (
            all(map(foreign_word, run[start:end])) and PERSON_BEFORE_RE.search(text, *window)
            or (start or tail or end - start == 1 and foreign_word(run[start]))
            and PERSON_APPOSED_RE.search(text, *window)
        ):
            # "ông Đặng Tất Thắng – Giám đốc Bamboo Airways", "ông Sumio Hara, Chủ tịch kiêm Tổng Giám đốc
            # Công ty ... So Kikaku Sekkei": the role is his, then the company
            continue
        # A link in the role's tail ("Thị trưởng của thành phố Davao", "phát ngôn viên của Huawei"): a
        # place or an organisation follows, not its holder; unless several words follow the last one.
        links = [i for i, word in enumerate(words[:tail]) if word in ROLE_LINKS and canonical(
            " ".join(words[max(0, i - 1) : i + 1])
        ) not in LINK_WORDS]
        linked = links and (links[-1] == tail - 1 or end - start == 1)
        if end and (start or not linked):
            role = [match.group()] + words[:tail] + run[:start]
            out.append((" ".join(run[start:end]), _posts_before(text, match.start()) + " ".join(role)))
            if end == len(run):  # "nhà báo Tạ Bích Loan, Hoa Thanh Tùng, ...": each holds the role
                out += [(more, " ".join(role)) for more in _more_names(following[len(clause) :])]
            if run[end : end + 1] == ["và"]:
                # "nhạc sỹ Antonin Dvorak và Bedrich Smetana": both hold the role.
                others = [word.rstrip(".…") for word in run[end + 1 :]]
                second, second_end = _name_in(others)
                if second_end and second == 0:
                    # Unless a role of their own follows: "Mike Pence và Matthew Pottinger, người phụ trách ..."
                    own = ""
                    if second_end == len(others) and after and text[match.end() + len(clause)] == ",":
                        own = _role(", " + after[0])
                    out.append((" ".join(others[:second_end]), own or " ".join(role)))
        elif not end and after and text[match.end() + len(clause)] == ",":
            # "Trưởng phòng Giáo dục huyện Mường Lát, Mai Xuân Giang cho biết":
            # the next clause opens with a Vietnamese name, then a lower-case
            # word; or it is a foreign name alone ("Bộ trưởng Ngoại giao Lào,
            # Saleumxay Kommasith, nước ...").
            opening, *closed = CLAUSE_BREAK_RE.split(after[0], maxsplit=1)
            opening = opening.split()
            capitals = _capitalised(opening)
            start, end = _name_in(capitals)
            if not end or start or end < len(capitals) or len(words) > ROLE_CLAUSE_WORDS:
                continue
            vietnamese = end < len(opening) and canonical(capitals[0]) in SURNAMES
            foreign = closed and end == len(opening) and 2 <= end <= 3 and all(map(foreign_word, capitals))
            if vietnamese or foreign:
                out.append((" ".join(capitals), " ".join([match.group()] + words)))
    return out


def _more_names(rest):
    """The whole Vietnamese names listed at the start of ``rest`` (", Võ Văn Kiệt, ..."), up to one that is not.

    After a name of three or four syllables, one of two may follow (", Lê Quân").
    """
    names = []
    while more := LISTED_NAME_RE.match(rest) or names and LISTED_SHORT_NAME_RE.match(rest):
        if _name_in(more["name"].split()) != (0, len(more["name"].split())) or canonical(more["name"]) in PLACES:
            break
        names.append(more["name"])
        rest = rest[more.end() :]
    return names


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


def _company_named(run):
    """Where a company's one-word name ends at the start of ``run`` ("Tập đoàn Cisco", "Ngân hàng HSBC"), or 0."""
    for k in (1, 2):
        if canonical(" ".join(run[:k])) in COMPANY_WORDS and k < len(run) and run[k] not in COMPANY_TYPES and (
            foreign_word(run[k]) or run[k].isupper() and run[k].isalpha()
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
        canonical(word) in ROLE_STOPS or canonical(word) in NOT_IN_NAMES or canonical(pair) in ROLE_STOPS
        or HONORIFIC_RE.match(word + " ") is not None
    )


def _lower_case_org(run):
    """Whether ``run`` is an organisation's head word, a word, then lower-case ones ("Trung tâm dự báo ...")."""
    return any(
        ORG_HEAD_RE.fullmatch(" ".join(run[:k])) and all(word.islower() for word in run[k + 1 :]) for k in (1, 2)
    )


def _place_before(words):
    """Whether ``words`` end with a word that puts a place next ("phường", "trường").

    Not when it ends a longer word: "thành phố", "Sở Tài nguyên và Môi trường".
    """
    return bool(words) and canonical(words[-1]) in PLACE_UNITS and canonical(" ".join(words[-2:])) not in NOT_HEADS


def _capital_within(words, i, most, surname=False):
    """Whether a capitalised word comes within ``most`` lower-case words from ``words[i]``.

    With ``surname``, a name's start: a Vietnamese surname, or two foreign
    words ("cố vấn An ninh quốc gia Michael Flynn"), past abbreviations
    ("Trung tâm chống ngập TP HCM Nguyễn ..."); not past a verb that ends a
    role ("cho biết") or an honorific: the name is then not the role's.
    """
    lower = 0
    for j, word in enumerate(words[i:], i):
        if surname and (len(word) > 1 and word.isupper() and word.isalpha() or word.isdigit() and len(word) <= 2):
            continue  # "TP HCM", "Quốc hội khoá 13": an abbreviation or a number inside the organisation
        if word[:1].isupper():
            if surname and canonical(word) in COUNTRY_WORDS:
                j += 1  # "Cơ quan tình báo đối ngoại Anh Alex Younger": the country, then the name
                word = words[j] if j < len(words) else ""
            return word.isalpha() and (
                not surname or canonical(word) in SURNAMES
                or (foreign_word(word) or _latin_given_name(word)) and j + 1 < len(words)
                and foreign_word(words[j + 1].rstrip(".,;:"))
            )
        if not word.isalpha() or lower == most - 1 or surname and _sentence_word(word, " ".join(words[j : j + 2])):
            return False
        lower += 1
    return False


def _posts_before(text, at):
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
    if len(words) > ROLE_CLAUSE_WORDS or not words[0][:1].isupper() or _name_in(words) != (0, 0):
        return False
    if not all(word[:1].isupper() or word in ("và", "-") or words[i - 1][:1].isupper() and word.isalpha()
               for i, word in enumerate(words)):
        return False
    # Not "Trường" ("Tổng Bí thư Trường Chinh, ..."): a school is named like a pen name.
    head = ORG_HEAD_RE.match(words[0]) and canonical(words[0]) != "trường"
    return bool(head or PARTY_OR_STATE_RE.search(" ".join(words)))


def _name_then_role_speakers(text):
    """``(name, role)`` for "Larry Sabato, giáo sư khoa học chính trị, nói"."""
    out = []
    for match in NAME_THEN_ROLE_RE.finditer(text):
        if LOCATIVE_BEFORE_RE.search(text[max(0, match.start() - 6) : match.start()]):
            continue  # "ở Davos, Thủ tướng ...": a place
        run = match["name"].split()
        before = text[max(0, match.start() - 12) : match.start()].split()[-2:]
        company = _company_named(before + run) - len(before)
        if 0 < company <= len(run) - 2:
            run = run[company:]  # "Tập đoàn Shire Linda Seah, Phó Chủ tịch ...": the company, then the name
        start, end = _name_in(run, text)
        if start == 1 and _latin_given_name(run[0]) and foreign_word(run[1]):
            start = 0  # "Yong Suk Lee, trợ lý ...": a given name spelt like a syllable
        if end - start == 1 and foreign_word(run[start]):
            continue  # "Hội nghị An ninh Munich, Phó Tổng thống ...": one foreign word is a place
        role = ONE_BEFORE_RE.sub("", _role(", " + match["rest"]))  # "Chen Daoyin, một nhà khoa học ..."
        if end == len(run) and role:  # the name is what stands right before the comma
            out.append((" ".join(run[start:]), role))
            # "Nancy Pelosi và Chuck Schumer, lãnh đạo phe Dân chủ": both hold it.
            first = NAME_AND_RE.search(text, max(0, match.start() - 60), match.start())
            if first:
                run = first["name"].split()
                start, end = _name_in(run)
                if end == len(run):
                    out.append((" ".join(run[start:]), role))
    return out


def _name_in(run, text=""):
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
        i + n for i in range(len(run) - 1) for n in (1, 2)
        if run[i].lower() in PLACE_UNITS and _place_before(run[: i + 1]) and run[i + 1][:1].isupper()
        and canonical(" ".join(run[i : i + 2])) != "xã hội"
        and not (run[i].lower() in ADMINISTRATIVE_UNITS and _name_after_unit(run[i + 1 :]))
    }
    for start, word in enumerate(run):
        if start in place or canonical(word) not in SURNAMES:
            continue
        if canonical(" ".join(run[max(0, start - 1) : start + 1])) in PLACES:
            continue  # "Hạm đội Thái Bình Dương Mỹ", "Hà Giang": the end of a place's name
        end = start
        while end < len(run) and run[end][:1].isupper() and run[end].isalpha() and canonical(run[end]) != "ảnh" and (
            canonical(" ".join(run[end : end + 2])) not in ROLE_STARTS or not run[end + 1][:1].islower()
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
                tail = _capitalised(run[i + 2 :])
            if 2 <= len(tail) <= 3:
                return i + 2, i + 2 + len(tail)
    for start, word in enumerate(run):
        if not foreign_word(word):
            continue
        end = start + 1
        while end < len(run) and end - start < 3 and (
            foreign_word(run[end]) and (end - start < 2 or INITIALS_RE.fullmatch(run[end - 1]))
        ):
            end += 1
        if end + 1 < len(run) and run[end] in NAME_PARTICLES and foreign_word(run[end + 1]):
            return start, end + 2  # "Mohammed bin Salman"
        if end < len(run) and run[end][:1].isupper():
            more = list(itertools.takewhile(lambda w: w[:1].isupper(), run[end:]))
            if all(map(foreign_word, more)):
                if len(more) == 1 and end - start == 2 and text and _only_before(text, run[start], run[start + 1]):
                    return start, end + 1  # "Mohammad Javad Zarif": three names, the first never alone
                # "Điện Kremlin Dmitry Peskov", "Facebook Mark Zuckerberg": the last two foreign words.
                return end + len(more) - 2, end + len(more)
            if len(more) == 1 and end - start == 1 and more[0].isalpha() and more[0].lower() not in FOREIGN_PLACES and (
                more[0].isascii() or canonical(more[0]) in SURNAMES
            ):
                return start, end + 1  # "Peter Lim", "Janet Nguyễn": a surname spelt like a syllable
            if len(more) == 1 and end - start == 2 and ROMANISED_SYLLABLE_RE.fullmatch(more[0]) and all(
                len(word) <= 4 for word in run[start:end]
            ) and more[0].lower() not in FOREIGN_PLACES and not any(w[:1].isupper() for w in run[end + 1 :]):
                # "Goh Chok Tong": a romanised Chinese name whose last syllable is spelt like Vietnamese
                return start, end + 1
            if len(more) == 2 and end - start == 1 and ROMANISED_RE.fullmatch(more[0]) and (
                KOREAN_GIVEN_NAME_RE.fullmatch(more[1])
            ):
                # "Michael Tien Puk-sun": a Hong Kong name, English then Chinese; but "tập đoàn
                # Samsung Lee Kun-hee": the company, then a Korean name
                return (start if text and _only_before(text, run[start], more[0]) else end), end + 2
            return 0, 0  # more capitals follow: an organisation ("Huawei Mạnh Vãn Chu")
        if end - start == 1 and start and (run[start - 1].isupper() or run[start - 1].lower() in NAME_LEADS_NOT_NAMES):
            return 0, 0  # "CLB Valencia", "FC Barcelona": the acronym's organisation; "The Voice", "San Juan"
        if end - start == 1 and start and _latin_given_name(run[start - 1]):
            start -= 1
        elif end - start == 1 and start and KOREAN_GIVEN_NAME_RE.fullmatch(run[start]) and (
            LATIN_WORD_RE.fullmatch(run[start - 1])
        ):
            start -= 1  # "Tổng thống Moon Jae-in", "Liên Hợp Quốc Ban Ki-moon": the surname before a Korean given name
        return start, end
    return 0, 0


def _name_after_unit(words):
    """Whether the capitalised ``words`` after "tỉnh", "huyện" ... are a person's name, not a place's.

    "UBND tỉnh Trần Văn Chuyện", "Chánh Thanh tra tỉnh Võ Văn Phúc": three
    words from a surname, or a surname then "Văn" or "Thị"; not "tỉnh Hải
    Dương Nguyễn Đại Dân".
    """
    capitals = _capitalised(words)
    if not capitals or canonical(capitals[0]) not in SURNAMES or canonical(" ".join(capitals[:2])) in PLACES:
        return False
    if canonical(capitals[0]) == "đoàn":
        return False  # "Bí thư tỉnh Đoàn Nghệ An": the province's Youth Union
    return len(capitals) == 3 or len(capitals) > 2 and canonical(capitals[1]) in ("văn", "thị")


def _capitalised(words):
    """The capitalised words of letters that open ``words``."""
    return list(itertools.takewhile(lambda w: w[:1].isupper() and w.isalpha(), words))


def _only_before(text, word, following):
    """Whether ``word`` appears in ``text`` only right before ``following``: a given name, not a company."""
    return text.count(word) == text.count(f"{word} {following}")


def _latin_given_name(word):
    """Whether ``word``, before a foreign name, is its first part: Latin letters, not a place."""
    return (
        word.isascii() and LATIN_WORD_RE.fullmatch(word) is not None
        and word.lower() not in FOREIGN_PLACES and word.lower() not in LATIN_COUNTRIES
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


def foreign_word(word):
    """Whether a capitalised word reads as part of a foreign name."""
    if INITIALS_RE.fullmatch(word):
        return True
    return (
        LATIN_WORD_RE.fullmatch(word) is not None
        and not VIETNAMESE_SYLLABLE_RE.fullmatch(word.lower().replace("-", ""))
        and word.lower().replace("-", "") not in FOREIGN_PLACES  # "Cam-pu-chia"
    )


def _trim_name(name):
    syllables = name.split()
    for i in range(len(syllables) - 1):
        if canonical(f"{syllables[i]} {syllables[i + 1]}") in ROLE_STARTS:
            syllables = syllables[:i]
            break
    if not syllables or len(syllables) > 5:
        return ""
    return " ".join(syllables)


def _role(rest):
    lead = ROLE_LEAD_RE.match(rest)
    if not lead:
        return ""
    rest = rest[lead.end():]
    if "(" in lead.group() and not (ROLE_BEFORE_RE.match(rest) or _lower_role_start(rest)):
        return ""  # "(21 tuổi)", "(SN 1990)": not a role
    end = ROLE_END_RE.search(rest)
    dashed = lead.group().strip() in ("-", "–", "—")  # "ông X - role - vì ...": the second dash closes it
    while end:
        if end.group().strip() in "-–—" and _dash_joins(rest[end.end() :], closes=dashed):
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
        if not part or not (part[0].isupper() or _lower_role_start(part)):
            break
        post = ROLE_BEFORE_RE.match(part)
        if post and any(canonical(name.split()[0]) in SURNAMES for name, _ in _role_first_speakers(part, [post])):
            break  # "bà Nguyễn Thị Kim Ngân, Tổng bí thư Nguyễn Phú Trọng phát biểu": the next person and theirs
        parts.append(part)
    return ", ".join(parts)


def _dash_joins(after, closes=False):
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
        _lower_role_start(after)
        or canonical(words[0]) in ROLE_STOPS
        or canonical(" ".join(words[:2])) in ROLE_STOPS
    )


def _lower_role_start(text):
    words = list(itertools.dropwhile(lambda word: word in ("một", "cựu", "nguyên"), canonical(text).split()))
    return bool(words) and (words[0] in LOWER_ROLE_STARTS or " ".join(words[:2]) in LOWER_ROLE_STARTS)


def find_date(explicit, title, body):
    """Return ``(YYYY-MM-DD or "", year or 0)``.

    The rule: a date given with the record wins; otherwise the first full
    date in the body (the event date opens these reports), unless a day and
    month without a year come first and a full date later has them: then
    the latest such date ("Sáng 9-7, ... kỷ niệm 50 năm (9-7-1968 -
    9-7-2018)" is 2018-07-09), and when none has them and a sentence opens
    with that day ("Ngày 4/6, ..." then "ngày 29/4/2016"), no date: the
    full one is another event's. Dates of documents and deadlines ("trước
    ngày ...") are not the event's. Without a date, the year is the latest
    one the title names.
    """
    match = ISO_DATE_RE.match(explicit or "")
    if match:
        date = _valid(*match.groups())
        if date:
            return date, int(date[:4])
    candidates = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(body):
            date = _valid(m["y"], m["m"], m["d"])
            if date and not DOCUMENT_BEFORE_RE.search(body, max(0, m.start() - 60), m.start()) and not (
                DEADLINE_BEFORE_RE.search(body, max(0, m.start() - 20), m.start())
            ):
                candidates.append((m.start(), date))
    if candidates:
        at, date = min(candidates)
        day_month = DAY_MONTH_RE.search(body, 0, at)
        if day_month:
            same = [d for _, d in candidates if d[5:] == f"{int(day_month['m']):02d}-{int(day_month['d']):02d}"]
            if not same and EVENT_DAY_RE.search(body, 0, at):
                return "", 0  # "Ngày 4/6, ..." then "ngày 29/4/2016": the event's year is not given
            date = max(same, default=date)
        return date, int(date[:4])
    years = [int(y) for y in YEAR_RE.findall(title)]
    return "", max(years) if years else 0


def _valid(year, month, day):
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


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
    "HLV", "CEO", "BTV", "NTK", "MC", "ĐB", "ĐBQH", "GS", "PGS", "TS", "BS", "CLB", "NHM", "PV",
    "TQ", "VN", "TP", "TPHCM", "HCM", "BOT", "ATM", "VNEN", "THPT", "ĐH",
    "UAV", "SIM", "ĐBSCL", "HĐXX",
    "UBND", "HĐND", "TAND", "VKSND", "BVĐK",  # heads that need their place: "UBND tỉnh Sóc Trăng"
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
            return _trim_subject(match["org"])  # not "Thứ trưởng Bộ ... Doãn Mậu Diệp đã ...": a person is the subject
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
        words = text[match.end():].split()
        out = []
        for i, word in enumerate(words):
            bare = word.strip(",;:.()\"“”")
            if not bare or canonical(" ".join(words[i : i + 2])) in ORG_STOPS or canonical(bare) in ORG_STOPS:
                break
            if bare[0].isupper() or (out and out[-1][0].isupper() and bare.isalpha()) or (
                bare in ("và", "&") and i + 1 < len(words) and words[i + 1][:1].isupper()
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
