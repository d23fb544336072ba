"""Restrictions on a search besides its words: years, dates, organisation, speaker, order."""

import datetime
from dataclasses import dataclass

from whoosh.query import And, NumericRange, Or, Term, TermRange

from ..errors import InvalidRequest
from ..text import name_key
from .speakers import speaker_query

SORTS = ("relevance", "date")


@dataclass
class Filters:
    """What a search is restricted to (every field optional), checked when made.

    Raises :class:`~search_app.errors.InvalidRequest` for a year outside
    1000-9999, a date not written ``YYYY-MM-DD`` or an unknown sort.
    """

    year: int = None
    date_from: str = None  # YYYY-MM-DD, inclusive
    date_to: str = None
    organisation: str = None
    speaker: str = None  # a name, matched accent-insensitively
    sort: str = "relevance"

    def __post_init__(self):
        if self.year is not None and not 1000 <= self.year <= 9999:
            raise InvalidRequest("invalid_year", "'year' must be a four-digit year")
        if self.sort not in SORTS:
            raise InvalidRequest("invalid_sort", "'sort' must be 'relevance' or 'date'")
        self.date_from = _date(self.date_from, "from")
        self.date_to = _date(self.date_to, "to")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidRequest("invalid_date", "'from' must not be after 'to'")

    def query(self, parsed, aliases=None):
        """The Whoosh filter for these restrictions and the query's ``year:`` terms, or None.

        ``aliases`` maps a surname written alone to the full name it stands
        for (:func:`~search_app.search.speakers.speaker_aliases`): a speaker
        takes in their articles.
        """
        parts = []
        if self.year:
            parts.append(Term("year", self.year))
        if parsed.years:
            parts.append(Or([NumericRange("year", a, b) for a, b in parsed.years]))
        if self.date_from or self.date_to:
            parts.append(TermRange("date", self.date_from or "0000", self.date_to or "9999-99-99"))
        if self.organisation:
            parts.append(Term("organisation", self.organisation))
        if self.speaker:
            parts.append(speaker_query(name_key(self.speaker), aliases or {}))
        return And(parts) if parts else None


def _date(value, name):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidRequest("invalid_date", f"'{name}' must be a date written YYYY-MM-DD") from None
