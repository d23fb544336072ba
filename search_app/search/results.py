"""What a search answers: plain records, no HTML and no JSON (the web layer renders them).

Marked words are character spans into the text they belong to.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    title_marks: list  # [(start, end)] of the query's words in ``title``
    score: float
    snippet: list  # [highlight.Passage], best first
    speakers: list  # [{"name", "role"}]
    date: object  # "YYYY-MM-DD" or None
    source: str
    url: str


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    page: int
    per_page: int
    took_ms: float
    suggestion: object = None  # the query with accents restored, when typed without any
    # The query as searched, when words the index does not hold were read as
    # Telex/VNI keystrokes or corrected; why: "keystrokes", "spelling".
    interpreted_as: object = None
    interpreted_because: list = field(default_factory=list)
    results: list = field(default_factory=list)  # [Hit]
    facets: object = None  # facets.Facets, or None when not counted

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    title_marks: list
    body: str
    body_marks: list
    speakers: list
    date: object
    year: object
    organisation: str
    source: str
    url: str
    byline: str


@dataclass(frozen=True)
class Overview:
    """What the archive holds, for a front page."""

    documents: int
    latest: list  # [SpeakerArticle] without a speaker: the newest articles
    facets: object  # facets.Facets over every article


@dataclass(frozen=True)
class SpeakerArticle:
    id: str
    title: str
    date: object
    year: object
    name: str  # as this article writes it
    role: str
    source: str


@dataclass(frozen=True)
class SpeakerPage:
    key: str
    name: str
    total: int
    page: int
    per_page: int
    articles: list  # [SpeakerArticle], newest first
