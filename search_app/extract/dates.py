"""The date of the event an article reports."""

import datetime
import re

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
            if (
                date
                and not DOCUMENT_BEFORE_RE.search(body, max(0, m.start() - 60), m.start())
                and not (DEADLINE_BEFORE_RE.search(body, max(0, m.start() - 20), m.start()))
            ):
                candidates.append((m.start(), date))
    if candidates:
        at, date = min(candidates)
        day_month = DAY_MONTH_RE.search(body, 0, at)
        if day_month:
            same = [
                d for _, d in candidates if d[5:] == f"{int(day_month['m']):02d}-{int(day_month['d']):02d}"
            ]
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
