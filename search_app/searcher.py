"""Searching: queries to Whoosh, ranking, snippets. Returns plain data.

The engine follows the index's ``CURRENT`` pointer: before each search it
checks (one ``stat``) whether a reindex has published a new generation and,
if so, opens it. Searches already running finish on the generation they
started with.
"""

import datetime
import json
import threading
import time
from dataclasses import asdict, dataclass, field
from html import escape

from whoosh import highlight, scoring
from whoosh.query import And, AndMaybe, AndNot, Every, NumericRange, Or, Phrase, Term, TermRange
from whoosh.sorting import Count, FieldFacet

from .analysis import COMPOUND_JOINER, query_forms
from .errors import SearchAppError
from .indexer import IndexStore
from .query import parse
from .schema import NO_SPEAKER
from .text import fold, name_key

MAX_QUERY_CHARS = 500
MAX_PER_PAGE = 100
# Title and speakers say more about what an article is about than its body.
FIELD_WEIGHTS = {"title": 3.0, "speakers": 2.0, "body": 1.0}
# A query word typed with accents scores this much more where the text has
# exactly those accents than where it only matches once folded.
EXACT_ACCENT_BOOST = 1.5
# Weight of a compound word (or syllable pair) of the query found as one word.
COMPOUND_BOOST = 0.5
# Weight of all the query's words found together, in order.
PHRASE_BOOST = 1.0
SNIPPET_CHARS = 240
FACET_SIZE = 10
SORTS = ("relevance", "date")
TRAILING_PUNCTUATION = ".,;:!?…)]\"'”»"
# Newest first; an article known only by its year after those with a full date.
NEWEST_FIRST = [FieldFacet("date", reverse=True), FieldFacet("year", reverse=True)]


class InvalidRequest(SearchAppError):
    """A request the caller must change; ``code`` is machine-readable."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


class DocumentNotFound(SearchAppError):
    def __init__(self, doc_id, what="document"):
        super().__init__(f"no {what} with id {doc_id!r}" if what == "document" else f"no {what} named {doc_id!r}")
        self.code = "not_found"
        self.message = str(self)


@dataclass
class Hit:
    id: str
    title: str
    score: float
    snippet: str  # HTML: escaped text with <mark> around matched words
    speakers: list
    date: object  # "YYYY-MM-DD" or None
    source: str
    url: str
    title_html: str = ""

    def to_json(self):
        data = asdict(self)
        del data["title_html"]
        return data


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    per_page: int
    took_ms: float
    suggestion: object = None
    results: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))

    def to_json(self):
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "took_ms": self.took_ms,
            "suggestion": self.suggestion,
            "results": [hit.to_json() for hit in self.results],
            "facets": self.facets,
        }


@dataclass
class Filters:
    """Restrictions on a search besides its words (all optional)."""

    year: int = None
    date_from: str = None  # YYYY-MM-DD, inclusive
    date_to: str = None
    organisation: str = None
    speaker: str = None  # a name, matched accent-insensitively
    sort: str = "relevance"

    @classmethod
    def from_args(cls, args):
        """Build from request-style arguments (``year``, ``from``, ``to``, ``org``, ``speaker``, ``sort``)."""
        year = args.get("year") or None
        if year is not None:
            year = _integer(year, "year")
            if not 1000 <= year <= 9999:
                raise InvalidRequest("invalid_year", "'year' must be a four-digit year")
        sort = args.get("sort") or "relevance"
        if sort not in SORTS:
            raise InvalidRequest("invalid_sort", "'sort' must be 'relevance' or 'date'")
        return cls(
            year=year,
            date_from=_date(args.get("from"), "from"),
            date_to=_date(args.get("to"), "to"),
            organisation=args.get("org") or None,
            speaker=args.get("speaker") or None,
            sort=sort,
        )

    def query(self, parsed):
        """The Whoosh filter for these restrictions and the query's ``year:`` terms."""
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
            parts.append(Term("speaker_keys", name_key(self.speaker)))
        return And(parts) if parts else None


def _date(value, name):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidRequest("invalid_date", f"'{name}' must be a date written YYYY-MM-DD") from None


def validate(query, page=1, per_page=10):
    """Check a search request; return ``(query, page, per_page)`` cleaned.

    Raises :class:`InvalidRequest` with a code the API reports as is.
    """
    if query is None or not str(query).strip():
        raise InvalidRequest("missing_query", "the query 'q' is missing or empty")
    query = str(query).strip()
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidRequest(
            "query_too_long",
            f"the query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}",
        )
    page = _integer(page, "page")
    per_page = _integer(per_page, "per_page")
    if page < 1:
        raise InvalidRequest("invalid_page", "'page' must be 1 or more")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidRequest("invalid_per_page", f"'per_page' must be between 1 and {MAX_PER_PAGE}")
    return query, page, per_page


def _integer(value, name):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidRequest(f"invalid_{name}", f"'{name}' must be a whole number") from None


class SearchEngine:
    """Searches the live generation of the index at ``index_path``."""

    def __init__(self, index_path):
        self.store = IndexStore(index_path)
        self._lock = threading.Lock()
        self._stamp = None
        self._state = None  # (generation name, whoosh index, searcher)

    def _current(self):
        stamp = self.store.current_stamp()
        with self._lock:
            if self._state is None or stamp != self._stamp:
                name, ix = self.store.open_current()
                # The old searcher is not closed: a search in another thread
                # may still be using it. It is released with its last user.
                self._state = (name, ix, ix.searcher(weighting=scoring.BM25F()))
                self._stamp = stamp
            return self._state

    def health(self):
        name, ix, searcher = self._current()
        return {"documents": searcher.doc_count(), "version": name}

    def search(self, query, page=1, per_page=10, filters=None, facets=True):
        """Run a search; returns a :class:`SearchResult`.

        ``filters`` is a :class:`Filters`; ``facets`` adds counts by year,
        organisation and speaker over every matching document.
        """
        query, page, per_page = validate(query, page, per_page)
        filters = filters or Filters()
        started = time.perf_counter()
        _, ix, searcher = self._current()
        parsed = parse(query)
        options = {"filter": filters.query(parsed)}
        if facets:
            options["groupedby"] = FACETS
        if filters.sort == "date":
            options["sortedby"] = NEWEST_FIRST
        hits, total, groups = [], 0, {}
        for wq in build_queries(parsed):
            results = searcher.search_page(wq, page, pagelen=per_page, **options)
            total = results.total
            if total:
                # Whoosh answers a page past the end with the last page.
                if page <= results.pagecount:
                    terms = _highlight_terms(parsed)
                    analyzer = ix.schema["body"].analyzer
                    hits = [self._hit(hit, terms, analyzer) for hit in results]
                if facets:
                    groups = self._facets(searcher, results.results)
                break
        took = (time.perf_counter() - started) * 1000
        return SearchResult(
            query=query, total=total, page=page, per_page=per_page,
            took_ms=round(took, 2), results=hits, facets=groups,
        )

    def _facets(self, searcher, results):
        def top(name):
            counts = results.groups(name)
            items = [(key, n) for key, n in counts.items() if key not in ("", 0, None, NO_SPEAKER)]
            items.sort(key=lambda item: (-item[1], str(item[0])))
            return items[:FACET_SIZE]

        years = sorted(top("year"), key=lambda item: -item[0])
        return {
            "year": [{"value": y, "count": n} for y, n in years],
            "organisation": [{"value": o, "count": n} for o, n in top("organisation")],
            "speaker": [
                {"value": key, "name": self._speaker_name(searcher, key), "count": n}
                for key, n in top("speaker")
            ],
        }

    def _speaker_name(self, searcher, key):
        """How a speaker's name is written, from the first article that names them."""
        hit = searcher.search(Term("speaker_keys", key), limit=1)
        person = _person(hit[0], key) if hit else None
        return person["name"] if person else key

    def speaker(self, name, page=1, per_page=20):
        """Every article naming this person (accent-insensitive), newest first, with their role."""
        page = _integer(page, "page")
        if page < 1:
            raise InvalidRequest("invalid_page", "'page' must be 1 or more")
        key = name_key(name)
        _, ix, searcher = self._current()
        results = searcher.search_page(
            Term("speaker_keys", key), page, pagelen=per_page,
            sortedby=NEWEST_FIRST,
        )
        if not results.total:
            raise DocumentNotFound(name, what="speaker")
        articles = []
        for hit in results if page <= results.pagecount else []:
            fields = hit.fields()
            person = _person(fields, key) or {"name": name, "role": ""}
            articles.append({
                "id": fields["id"], "title": display_title(fields), "date": fields.get("date") or None,
                "year": fields.get("year") or None, "name": person["name"], "role": person["role"],
                "source": fields.get("source", ""),
            })
        return {
            "key": key, "name": self._speaker_name(searcher, key), "total": results.total,
            "page": page, "per_page": per_page, "articles": articles,
        }

    def document(self, doc_id, query=""):
        """The stored document with its speakers; ``body_html`` marks the query's words."""
        _, ix, searcher = self._current()
        fields = searcher.document(id=doc_id)
        if fields is None:
            raise DocumentNotFound(doc_id)
        terms = _highlight_terms(parse(query)) if query else set()
        analyzer = ix.schema["body"].analyzer
        return {
            "id": fields["id"],
            "title": display_title(fields),
            "title_html": mark_all(display_title(fields), terms, analyzer),
            "body": fields.get("body", ""),
            "body_html": mark_all(fields.get("body", ""), terms, analyzer),
            "speakers": json.loads(fields.get("speakers_json") or "[]"),
            "date": fields.get("date") or None,
            "year": fields.get("year") or None,
            "organisation": fields.get("organisation", ""),
            "source": fields.get("source", ""),
            "url": fields.get("url", ""),
            "byline": fields.get("byline", ""),
        }

    def _hit(self, hit, terms, analyzer):
        fields = hit.fields()
        return Hit(
            id=fields["id"],
            title=display_title(fields),
            # Sorted by date, Whoosh gives the sort key instead of a score.
            score=round(hit.score, 4) if isinstance(hit.score, (int, float)) else None,
            snippet=snippet(fields.get("body", ""), terms, analyzer),
            speakers=json.loads(fields.get("speakers_json") or "[]"),
            date=fields.get("date") or None,
            source=fields.get("source", ""),
            url=fields.get("url", ""),
            title_html=mark_all(display_title(fields), terms, analyzer),
        )


def _person(fields, key):
    """The ``{"name", "role"}`` of the person filed under ``key`` in a document."""
    for person in json.loads(fields.get("speakers_json") or "[]"):
        if name_key(person["name"]) == key:
            return person
    return None


def display_title(fields):
    return fields.get("title") or fields.get("derived_title") or ""


# -- building Whoosh queries ---------------------------------------------------


FACETS = {
    "year": FieldFacet("year", maptype=Count),
    "organisation": FieldFacet("organisation", maptype=Count),
    "speaker": FieldFacet("speaker_keys", allow_overlap=True, maptype=Count),
}


def build_queries(parsed):
    """The queries to try in order: all groups required, then any group.

    A query of filters alone (``year:2023``) matches every document; one
    with only exclusions matches nothing.
    """
    groups = [Or([_clause_query(c) for c in group]) for group in parsed.groups]
    if not groups:
        if parsed.years:
            yield Every()
        return
    bonus = [_compound_query(run) for run in parsed.runs()]
    excluded = [_clause_query(c) for c in parsed.excluded]
    attempts = [And(groups)]
    if len(groups) > 1:
        attempts.append(Or(groups))
    for required in attempts:
        query = AndMaybe(required, Or(bonus)) if bonus else required
        if excluded:
            query = AndNot(query, Or(excluded))
        yield query


def _fields(clause):
    return [clause.field] if clause.field else list(FIELD_WEIGHTS)


def _clause_query(clause):
    forms = [query_forms(s) for s in clause.syllables]
    folded = [f for f, _ in forms]
    accented = [a for _, a in forms]
    exact = accented != folded
    subqueries = []
    for name in _fields(clause):
        weight = FIELD_WEIGHTS[name]
        if clause.phrase:
            subqueries.append(Phrase(name, folded, boost=weight))
            if exact:
                subqueries.append(Phrase(name, accented, boost=weight * EXACT_ACCENT_BOOST))
        else:
            subqueries.append(Term(name, folded[0], boost=weight))
            if exact:
                subqueries.append(Term(name, accented[0], boost=weight * EXACT_ACCENT_BOOST))
    return Or(subqueries)


def _compound_query(syllables):
    """Optional terms for adjacent query syllables: pairs, triples, the whole run.

    The index holds a compound word as one term beside its syllables, so a
    document where "hội nghị" is a word outscores one with "hội" and
    "nghị" apart. Pairs that are not words in any document cost nothing.
    """
    subqueries = []
    for size in (2, 3):
        for i in range(len(syllables) - size + 1):
            compound = COMPOUND_JOINER.join(fold(s) for s in syllables[i : i + size])
            for name in ("title", "body"):
                subqueries.append(Term(name, compound, boost=FIELD_WEIGHTS[name] * COMPOUND_BOOST))
    if len(syllables) > 2:
        # The whole run in order, as typed, is the strongest sign of all.
        folded = [fold(s) for s in syllables]
        for name in ("title", "body"):
            subqueries.append(Phrase(name, folded, boost=FIELD_WEIGHTS[name] * PHRASE_BOOST))
    return Or(subqueries)


# -- snippets ----------------------------------------------------------------------


class MarkFormatter(highlight.Formatter):
    """Escapes text and wraps matched words in ``<mark>``."""

    between = " … "

    def _text(self, text):
        return escape(text, quote=False)

    def format_token(self, text, token, replace=False):
        return "<mark>%s</mark>" % escape(highlight.get_text(text, token, replace), quote=False)

    def format_fragment(self, fragment, replace=False):
        # Fragments end on a word; keep the punctuation that closes it.
        end = fragment.endchar
        while end < len(fragment.text) and fragment.text[end] in TRAILING_PUNCTUATION:
            end += 1
        fragment.endchar = end
        return super().format_fragment(fragment, replace)


def _stable_score(fragment):
    # Whoosh breaks ties between equal fragments by object identity; break
    # them by position instead so a snippet is the same on every run.
    return highlight.BasicFragmentScorer()(fragment) - fragment.startchar * 1e-9


def _highlight_terms(parsed):
    return {fold(s) for s in parsed.syllables()}


def snippet(text, terms, analyzer, chars=SNIPPET_CHARS):
    """Fragments of ``text`` around the words in ``terms`` (folded), as HTML."""
    if terms and text:
        fragmenter = highlight.ContextFragmenter(maxchars=chars, surround=chars // 3)
        html = highlight.highlight(
            text, terms, analyzer, fragmenter, MarkFormatter(), top=2,
            scorer=_stable_score, order=highlight.SCORE,
        )
        if html:
            return " ".join(html.split())
    head = text[:chars]
    if len(text) > chars:
        head = head.rsplit(" ", 1)[0] + " …"
    return escape(" ".join(head.split()), quote=False)


def mark_all(text, terms, analyzer):
    """The whole of ``text`` as HTML, with the words in ``terms`` marked."""
    if not terms or not text:
        return escape(text, quote=False)
    return highlight.highlight(
        text, terms, analyzer, highlight.WholeFragmenter(), MarkFormatter(), top=1,
        scorer=_stable_score,
    ) or escape(text, quote=False)
