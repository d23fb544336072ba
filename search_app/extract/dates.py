"""The date of the event an article reports."""

import datetime
import re

# A date in words ("ngày 5 tháng 1 năm 2023") and in numbers ("5/1/2023").
WORDED_DATE_RE = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.I)
NUMERIC_DATE_RE = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?![\d/-]|\.\d)")
DATE_PATTERNS = [WORDED_DATE_RE, NUMERIC_DATE_RE]
# What every date in numbers has (and each end of an anniversary): found at a
# quarter of their cost, in the one text in ten that has one.
NUMERIC_DATE_HINT_RE = re.compile(r"\d[/.-]\d{1,2}[/.-]\d{4}")
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
# Dates that are not the event's: a birth, a death, a founding, a deadline,
# a law in force: "sinh ngày 19.4.1999", "(sinh 7-8-2005", "qua đời vào
# hồi 18h15 ngày ...", "từ trần tại nhà riêng hôm ...", "thành lập từ ...",
# "hết hạn giải ngân vào ngày ...", "có hiệu lực thi hành từ ...",
# "trước ngày 5/6/2017", "chậm nhất đến ngày ...".
NOT_THE_EVENT_BEFORE_RE = re.compile(
    r"(?i:(?<!thí )(?<!học )(?<!giáng )(?<!phát )(?<!hồi )(?<!tái )\bsinh(?:\s+(?:con|bé)(?:\s+(?:trai|gái))?)?|"
    r"chào đời(?:\s+(?:tại|ở)(?:\s+[^\s,.;]+){1,3})?|ngày sinh|năm sinh|ngày mất|ngày giỗ|"
    r"cách đây(?:\s+[^\s,.;]+){0,2}\s+năm(?:\s+[^\s,.;]+)?|"
    r"(?:qua đời|từ trần|tạ thế|băng hà|hy sinh|\bmất(?! tích))(?:\s+(?:tại|ở)(?:\s+[^\s,.;]+){1,3})?|thành lập|"
    r"(?:hết hạn|gia hạn|thời hạn|hạn chót|hạn cuối)(?:\s+[^\s,.;]+){0,2}?|"
    r"hiệu lực(?:\s+thi hành)?|có giá trị|trước|chậm nhất)"
    r"(?:\s*(?i:vào|hồi|lúc|hôm|là|ngày|năm|từ|kể từ|đến|tới|hết|sáng|rạng sáng|chiều|tối|trưa|đêm|\d{1,2}\s*h\s*\d{0,2}|\d{1,2}[/-]\d{1,2}\s+và|[:,(]))*"
    r"\s*$"
)
RANGE_BETWEEN_RE = re.compile(r"\s*(?:đến|tới|[-–—])\s*(?:ngày\s+)?")
# An anniversary: a bracketed range from a day to the same day years later,
# "(9/7/1912 – 9/7/2012)"; neither end is the event's date by itself.
ANNIVERSARY_RE = re.compile(
    r"(?P<d1>\d{1,2})[/.-](?P<m1>\d{1,2})[/.-](?P<y1>\d{4})\s*[-–—]\s*"
    r"(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4})"
)
YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def find_date(explicit, title, body):
    """Return ``(YYYY-MM-DD or "", year or 0)``.

    The rule: a date given with the record wins; otherwise the first full
    date in the body (the event date opens these reports), unless a day and
    month without a year come first and a full date later has them: then
    the latest such date ("Sáng 9-7, ... kỷ niệm 50 năm (9-7-1968 -
    9-7-2018)" is 2018-07-09), and when none has them and a sentence opens
    with that day ("Ngày 4/6, ..." then "ngày 29/4/2016"), no date: the
    full one is another event's. Dates of documents, births, deaths,
    foundings and deadlines ("trước ngày ...") are not the event's, nor are
    the ends of an anniversary ("(9/7/1912 – 9/7/2012)") unless a day and
    month opening the report point to one. Without a date, the year is the
    latest one the title names.
    """
    match = ISO_DATE_RE.match(explicit or "")
    if match:
        date = _valid(*match.groups())
        if date:
            return date, int(date[:4])
    numeric = NUMERIC_DATE_HINT_RE.search(body) is not None
    anniversaries = _anniversaries(body) if numeric else set()
    patterns = DATE_PATTERNS if numeric else [WORDED_DATE_RE]
    candidates, ends = [], []
    excluded_until = -1  # where the last date that is not the event's ends
    for m in sorted((m for pattern in patterns for m in pattern.finditer(body)), key=lambda m: m.start()):
        date = _valid(m["y"], m["m"], m["d"])
        if not date:
            continue
        if (
            DOCUMENT_BEFORE_RE.search(body, max(0, m.start() - 60), m.start())
            or NOT_THE_EVENT_BEFORE_RE.search(body, max(0, m.start() - 40), m.start())
            # the end of a range whose start is not the event's: "hiệu lực (từ ngày 30/4/2008 đến 30/10/2011)"
            or (excluded_until >= 0 and RANGE_BETWEEN_RE.fullmatch(body, excluded_until, m.start()))
        ):
            excluded_until = m.end()
            continue
        (ends if m.start() in anniversaries else candidates).append((m.start(), date))
    if candidates or ends:
        at, date = min(candidates, default=(len(body), ""))
        day_month = DAY_MONTH_RE.search(body, 0, at)
        if day_month:
            same = [
                d
                for _, d in candidates + ends
                if d[5:] == f"{int(day_month['m']):02d}-{int(day_month['d']):02d}"
            ]
            if not same and EVENT_DAY_RE.search(body, 0, at):
                return "", 0  # "Ngày 4/6, ..." then "ngày 29/4/2016": the event's year is not given
            date = max(same, default=date)
        if date:
            return date, int(date[:4])
    years = [int(y) for y in YEAR_RE.findall(title)]
    return "", max(years) if years else 0


def _anniversaries(body):
    """Where the dates of anniversary ranges start in ``body``."""
    starts = set()
    for m in ANNIVERSARY_RE.finditer(body):
        if (m["d1"], m["m1"]) == (m["d2"], m["m2"]) and m["y1"] != m["y2"]:
            starts.update({m.start(), m.start("d2")})
    return starts


def _valid(year, month, day):
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""
