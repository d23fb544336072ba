"""The search engine: runs a query through interpretation, scoring, snippets and facets.

:class:`SearchEngine` follows the index's ``CURRENT`` pointer: before each
request it checks (one ``stat``) whether a reindex has published a new
generation and, if so, opens it in a background thread, after checking
every file against the generation's manifest (sizes and checksums), while
requests go on answering from the generation it had. A generation that
fails the check never answers: the engine keeps answering from the one it
had, and says what is wrong (:meth:`SearchEngine.health`); with none,
requests raise :class:`~search_app.errors.IndexCorrupt`. Requests already
running finish on the generation they started with; :meth:`SearchEngine.refresh`
waits for the new generation. It answers with the plain records of
:mod:`search_app.search.results`.
"""

import json
import logging
import pickle
import struct
import threading
import time
import zlib
from dataclasses import dataclass, field

import numpy as np
from whoosh.query import Term
from whoosh.sorting import FieldFacet

from ..accents import AccentModel
from ..complete import Completer
from ..errors import IndexCorrupt, IndexMissing, InvalidRequest, NotFound
from ..store import IndexStore
from ..store.arrays import check_format
from ..text import fold, name_key
from .facets import count_facets, prepare_facets
from .filters import Filters
from .highlight import marks, snippet
from .interpret import accent_guesses, interpret
from .postings import Postings
from .query import parse
from .rerank import rerank
from .results import Document, Hit, Overview, SearchResult, SpeakerArticle, SpeakerPage
from .scoring import WEIGHTS, Scorer, rank
from .speakers import person_in, speaker_aliases, speaker_query

MAX_QUERY_CHARS = 500
MAX_COMPLETE_CHARS = 100
MAX_PER_PAGE = 100
# Newest first; an article known only by its year after those with a full date; then by id.
NEWEST_FIRST = [FieldFacet("date", reverse=True), FieldFacet("year", reverse=True), FieldFacet("id")]
# What reading damaged index files raises, besides IndexCorrupt itself.
DAMAGE = (
    OSError,
    ValueError,
    KeyError,
    IndexError,
    EOFError,
    pickle.UnpicklingError,
    struct.error,
    zlib.error,
)
log = logging.getLogger(__name__)


@dataclass
class OpenGeneration:
    """One generation, opened, and what the engine keeps about it."""

    on_disk: object  # the store.Generation it was opened from
    searcher: object  # whoosh Searcher
    postings: Postings
    scorer: Scorer
    accents: object  # AccentModel, or None for an index built without one
    completer: object  # the Completer the reindex saved
    names: dict = field(default_factory=dict)  # speaker key -> name as written

    @classmethod
    def open(cls, generation):
        """Open ``generation`` once every file matches its manifest; raises :class:`IndexCorrupt`."""
        generation.verify_on_open()
        check_format(generation.arrays)  # an index of an earlier version is refused before Whoosh reads it
        try:
            searcher = generation.open_whoosh().searcher()
            accents = AccentModel.load(generation.accents) if generation.accents.exists() else None
            postings = Postings(searcher, WEIGHTS.fields, generation.arrays)
            prepare_facets(postings)
            postings.id_rank()  # what ties go by, read before any search
            completer = Completer.open(generation.completions)
        except DAMAGE as exc:
            raise IndexCorrupt(f"generation {generation.name} cannot be opened: {exc!r}") from exc
        return cls(generation, searcher, postings, Scorer(postings), accents, completer)

    def speaker_name(self, key):
        """How a speaker's name is written, from the article of the lowest id that names them."""
        if key not in self.names:
            # Document numbers, not a scored search (three times slower).
            docs = list(self.searcher.docs_for_query(Term("speaker_keys", key)))
            first = min(docs, key=self.postings.id_rank().__getitem__, default=None)
            person = person_in(self.searcher.stored_fields(first), key) if first is not None else None
            self.names[key] = person["name"] if person else key
        return self.names[key]


class SearchEngine:
    """Searches the live generation of the index at ``index_path``; safe to share between threads."""

    def __init__(self, index_path):
        self.store = IndexStore(index_path)
        self._opening = threading.Lock()
        self._stamp = None  # CURRENT's stamp when the open generation was read
        self._state = None  # the OpenGeneration that answers
        self._failed = None  # (stamp, IndexCorrupt) of the last generation that failed to open

    def _current(self):
        """The generation that answers; a new live one is opened beside it, in the background.

        Until the new generation is open and checked (seconds, on a large
        index), every request answers from the one the engine has: no request
        waits for it. Only the first open, with nothing to answer from, waits.
        """
        stamp, state = self.store.current_stamp(), self._state
        if state is None:
            with self._opening:
                if self._state is None:
                    if self._failed and self._failed[0] == self.store.current_stamp():
                        raise self._failed[1]  # tried already: the same CURRENT
                    self._open()
                return self._state
        if stamp not in (self._stamp, self._failed and self._failed[0]) and self._opening.acquire(
            blocking=False
        ):
            threading.Thread(target=self._open_and_release, name="open-generation", daemon=True).start()
        return state

    def refresh(self):
        """Open the live generation now if ``CURRENT`` changed, and wait for it (what a request would not)."""
        with self._opening:
            if self.store.current_stamp() not in (self._stamp, self._failed and self._failed[0]):
                self._open()

    def _open_and_release(self):
        try:
            self._open()
        except Exception:  # noqa: BLE001 - a background thread has no caller to raise to
            log.exception(
                "opening the new generation failed; still answering from %s", self._state.on_disk.name
            )
        finally:
            self._opening.release()

    def _open(self):
        """Open the live generation (the caller holds ``_opening``), or record why it cannot answer."""
        stamp = self.store.current_stamp()
        try:
            # The old searcher is not closed: a search in another thread
            # may still be using it. It is released with its last user.
            state = OpenGeneration.open(self.store.current())
        except (IndexCorrupt, IndexMissing) as exc:  # recorded: not tried again until CURRENT changes
            self._failed = (stamp, exc)
            if self._state is None:
                raise
            log.error("%s; still answering from generation %s", exc, self._state.on_disk.name)
            return
        self._state, self._stamp, self._failed = state, stamp, None

    def search(self, query, page=1, per_page=10, filters=None, facets=True):
        """Run a search; returns a :class:`SearchResult`.

        ``filters`` is a :class:`Filters`; ``facets`` adds counts by year,
        organisation and speaker over every matching document. Raises
        :class:`InvalidRequest` for an empty or over-long query, a page
        below 1 or a page size outside 1 to :data:`MAX_PER_PAGE`.
        """
        query = _checked_query(query)
        _check_page(page)
        if not (isinstance(per_page, int) and 1 <= per_page <= MAX_PER_PAGE):
            raise InvalidRequest("invalid_per_page", f"'per_page' must be between 1 and {MAX_PER_PAGE}")
        filters = filters or Filters()
        started = time.perf_counter()
        generation = self._current()
        searcher, postings = generation.searcher, generation.postings
        interpreted, why = interpret(query, postings, generation.accents)
        parsed = parse(interpreted or query)
        listing, scores = self.ranked(generation, parsed, filters, page * per_page)
        hits = []
        page_docs = listing[(page - 1) * per_page : page * per_page]
        if len(page_docs):
            terms = {fold(s) for s in parsed.syllables()}
            hits = [_hit(searcher.stored_fields(int(d)), float(scores[d]), terms) for d in page_docs]
        counted = (
            count_facets(postings, listing, generation.speaker_name) if facets and len(listing) else None
        )
        took = (time.perf_counter() - started) * 1000
        return SearchResult(
            query=query,
            total=len(listing),
            page=page,
            per_page=per_page,
            took_ms=round(took, 2),
            results=hits,
            facets=counted,
            suggestion=generation.accents.suggest(interpreted or query) if generation.accents else None,
            interpreted_as=interpreted,
            interpreted_because=why,
        )

    @staticmethod
    def ranked(generation, parsed, filters, needed):
        """``(docnums best first, scores)`` of a parsed query: the first pass, then the rerank of its head.

        At least the first ``needed`` docnums are in order.
        """
        searcher, postings, weights = generation.searcher, generation.postings, generation.scorer.weights
        allowed = _filter_mask(searcher, postings, filters, parsed)
        guesses = accent_guesses(parsed, generation.accents)
        listing, scores = rank(
            generation.scorer, parsed, allowed, guesses, needed=max(needed, weights.rerank_depth)
        )
        if filters.sort == "date":
            return listing[np.argsort(postings.newest_rank()[listing], kind="stable")], scores
        syllables = [fold(s) for s in parsed.syllables()]
        return rerank(listing, scores, syllables, postings, weights), scores

    def complete(self, prefix, limit=10):
        """Completions of what a user has typed so far: ``[Completion]``, most useful first."""
        _require(prefix)
        if len(prefix) > MAX_COMPLETE_CHARS:
            raise InvalidRequest(
                "query_too_long", f"a prefix to complete is at most {MAX_COMPLETE_CHARS} characters"
            )
        generation = self._current()
        return generation.completer.complete(prefix, limit, generation.speaker_name)

    def speaker(self, name, page=1, per_page=20):
        """Every article naming this person (accent-insensitive), newest first, with their role."""
        _check_page(page)
        key = name_key(name)
        generation = self._current()
        aliases = speaker_aliases(generation.postings)
        key = aliases.get(key, key)  # "/speaker/trump" is Donald Trump's page
        results = generation.searcher.search_page(
            speaker_query(key, aliases), page, pagelen=per_page, sortedby=NEWEST_FIRST
        )
        if not results.total:
            raise NotFound(name, what="speaker")
        articles = []
        for hit in results if page <= results.pagecount else []:
            fields = hit.fields()
            articles.append(_article(fields, person_in(fields, key, aliases) or {"name": name, "role": ""}))
        return SpeakerPage(key, generation.speaker_name(key), results.total, page, per_page, articles)

    def document(self, doc_id, query=""):
        """The stored article with its speakers, the query's words marked."""
        fields = self._current().searcher.document(id=doc_id)
        if fields is None:
            raise NotFound(doc_id)
        terms = {fold(s) for s in parse(query).syllables()} if query else set()
        title, body = display_title(fields), fields.get("body", "")
        return Document(
            id=fields["id"],
            title=title,
            title_marks=marks(title, terms),
            body=body,
            body_marks=marks(body, terms),
            speakers=json.loads(fields.get("speakers_json") or "[]"),
            date=fields.get("date") or None,
            year=fields.get("year") or None,
            organisation=fields.get("organisation", ""),
            source=fields.get("source", ""),
            url=fields.get("url", ""),
            byline=fields.get("byline", ""),
        )

    def overview(self, latest=8):
        """:class:`Overview` of the archive: its size, newest articles, top years, organisations, speakers."""
        state = self._current()
        postings = state.postings

        def compute():
            docs = np.flatnonzero(postings.live)
            newest = docs[np.argsort(postings.newest_rank()[docs], kind="stable")][:latest]
            articles = [_article(state.searcher.stored_fields(int(docnum))) for docnum in newest]
            return Overview(postings.count, articles, count_facets(postings, docs, state.speaker_name))

        return postings.memo(("overview", latest), compute)

    def generation(self):
        """The name of the generation that answers."""
        return self._current().on_disk.name

    def health(self):
        """``{"status", "documents", "version"}`` of the generation that answers, and any ``problem``.

        ``status`` is "ok", or "degraded" when a newer generation failed its
        check and an older one answers. Raises :class:`IndexCorrupt` when the
        answering generation's files no longer have their sizes.
        """
        state = self._current()
        state.on_disk.verify(checksums=False)
        health = {
            "status": "degraded" if self._failed else "ok",
            "documents": state.searcher.doc_count(),
            "version": state.on_disk.name,
        }
        if self._failed:
            health["problem"] = str(self._failed[1])
        return health


def _require(text):
    if text is None or not str(text).strip():
        raise InvalidRequest("missing_query", "the query 'q' is missing or empty")


def _checked_query(query):
    """The query stripped; raises :class:`InvalidRequest` when it is missing or too long."""
    _require(query)
    query = str(query).strip()
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidRequest(
            "query_too_long", f"the query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}"
        )
    return query


def _check_page(page):
    if not (isinstance(page, int) and page >= 1):
        raise InvalidRequest("invalid_page", "'page' must be 1 or more")


def _filter_mask(searcher, postings, filters, parsed):
    """The documents a search may return: live ones that pass the filters."""
    restriction = filters.query(parsed, speaker_aliases(postings))
    if restriction is None:
        return postings.live
    mask = np.zeros(postings.size, dtype=bool)
    mask[list(searcher.docs_for_query(restriction))] = True
    return mask & postings.live


def _hit(fields, score, terms):
    title = display_title(fields)
    return Hit(
        id=fields["id"],
        title=title,
        title_marks=marks(title, terms),
        score=round(score, 4),
        snippet=snippet(fields.get("body", ""), terms),
        speakers=json.loads(fields.get("speakers_json") or "[]"),
        date=fields.get("date") or None,
        source=fields.get("source", ""),
        url=fields.get("url", ""),
    )


def _article(fields, person=None):
    """An article as a list shows it, with the ``{"name", "role"}`` of the person it is listed for."""
    person = person or {"name": "", "role": ""}
    return SpeakerArticle(
        id=fields["id"],
        title=display_title(fields),
        date=fields.get("date") or None,
        year=fields.get("year") or None,
        name=person["name"],
        role=person["role"],
        source=fields.get("source", ""),
    )


def display_title(fields):
    """The article's title, or the one made up for it when it has none."""
    return fields.get("title") or fields.get("derived_title") or ""
