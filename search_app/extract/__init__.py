"""Facts from an article: clean text, title, speakers, date, organisation, source.

The genre is reports from Vietnamese science and technology organisations:
who attended, who spoke, on which day. Everything here is rules over the
text (no model), cheap enough to run on every article at index time.

"""

from dataclasses import dataclass, field

from .boilerplate import clean_body, source_host
from .dates import find_date
from .organisations import organisation
from .speakers import find_speakers
from .titles import fix_title, title_from_body


@dataclass
class Cleaned:
    """An article's text made clean, and where it is from: what the rules read."""

    title: str  # the article's own, or one made up from the body or URL
    body: str
    title_derived: bool = False
    url: str = ""
    source: str = ""
    byline: str = ""
    date: str = ""  # the date the source gave, if any


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
    return facts(clean(article))


def clean(article):
    """An :class:`~search_app.articles.Article`'s :class:`Cleaned` text: the first, cheap, step of :func:`extract`."""
    title, body = fix_title(article.title, article.body)
    body, meta = clean_body(body, title)
    url = article.url or meta.get("url", "")
    source = article.source or meta.get("source", "") or source_host(url)
    title_derived = not title
    if title_derived:
        title = title_from_body(body, url)
    return Cleaned(title, body, title_derived, url, source, meta.get("byline", ""), article.date)


def facts(cleaned):
    """The facts in a :class:`Cleaned` text (speakers, date, organisation): the costly step of :func:`extract`."""
    title, body = cleaned.title, cleaned.body
    date, year = find_date(cleaned.date, title, body)
    return Extracted(
        title=title,
        body=body,
        title_derived=cleaned.title_derived,
        # A derived title repeats (and cuts) the body: read the body alone.
        speakers=find_speakers(body if cleaned.title_derived else title + "\n" + body),
        date=date,
        year=year,
        organisation=organisation(title, body),
        source=cleaned.source,
        url=cleaned.url,
        byline=cleaned.byline,
    )
