"""Searching: what a query scores, ranking, snippets, facets. Returns plain data.

Scoring runs on the arrays of :mod:`search_app.ranking`; Whoosh is used for
stored fields, filters, quoted phrases and the speaker page.

The engine follows the index's ``CURRENT`` pointer: before each search it
checks (one ``stat``) whether a reindex has published a new generation and,
if so, opens it. Searches already running finish on the generation they
started with.
"""

import datetime
import json
import math
import threading
import time
from dataclasses import asdict, dataclass, field
from html import escape
from pathlib import Path

import numpy as np
from whoosh.query import And, NumericRange, Or, Phrase, Term, TermRange
from whoosh.sorting import FieldFacet

from .accents import MODEL_DIR, AccentModel
from .analysis import COMPOUND_JOINER, folded_words, query_forms
from .complete import PHRASES_FILE, Completer, load_phrases
from .errors import SearchAppError
from .indexer import GENERATIONS, IndexStore
from .query import parse
from .ranking import ARRAYS_DIR, Postings
from .telex import convert
from .text import WORD_RE, canonical, fold, has_diacritics, name_key, replace_words

MAX_QUERY_CHARS = 500
MAX_COMPLETE_CHARS = 100
MAX_PER_PAGE = 100
# Title and speakers say more about what an article is about than its body.
FIELD_WEIGHTS = {"title": 2.0, "speakers": 1.0, "body": 1.0}
# A query word typed with accents scores this much more where the text has
# exactly those accents than where it only matches once folded.
EXACT_ACCENT_BOOST = 0.5
# The same, for the accents restored to a query typed without any.
GUESSED_ACCENT_BOOST = 0.25
# Weight of a compound word (or syllable pair) of the query found as one word.
COMPOUND_BOOST = 0.5
# Question words ("là gì", "bao nhiêu", "ở đâu") say little about the answer:
# they count this much, in the score and in the share of words a document holds.
QUESTION_WEIGHT = 0.2
QUESTION_WORDS = frozenset(
    "là gì nào ai đâu bao nhiêu mấy sao thế không ở của có được những các và".split()
)
FOLDED_QUESTION_WORDS = frozenset(fold(w) for w in QUESTION_WORDS)
# The best documents holding a run of the query's words in order, as typed,
# score this much more (relative).
PHRASE_BOOST = 1.0
PHRASE_CANDIDATES = 1000
# How many of the query's words a document must hold to match (see rank()).
ALL_WORDS_UP_TO = 3
SHARE_OF_WORDS = 0.3
# Shorter words are not spell-corrected: too many syllables are one edit away.
MIN_CORRECTED_LETTERS = 3
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
    # The query as searched, when words the index does not hold were read as
    # Telex/VNI keystrokes or corrected; why: "keystrokes", "spelling".
    interpreted_as: object = None
    interpreted_because: list = field(default_factory=list)
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
            "interpreted_as": self.interpreted_as,
            "interpreted_because": self.interpreted_because,
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

    def query(self, parsed, aliases=None):
        """The Whoosh filter for these restrictions and the query's ``year:`` terms.

        ``aliases`` maps a surname written alone to the full name it stands
        for (``Postings.speaker_aliases``): a speaker takes in their articles.
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
            parts.append(_speaker_query(name_key(self.speaker), aliases or {}))
        return And(parts) if parts else None


def _speaker_query(key, aliases):
    """Documents filed under ``key`` or under a surname that stands for it."""
    keys = [key] + sorted(alias for alias, full in aliases.items() if full == key)
    return Or([Term("speaker_keys", k) for k in keys]) if len(keys) > 1 else Term("speaker_keys", key)


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


@dataclass
class Generation:
    """One open index generation and what the searcher keeps about it."""

    name: str
    directory: Path
    searcher: object  # whoosh Searcher
    postings: Postings
    accents: object  # AccentModel, or None for an index built without one
    completer: object = None  # built on the first autocomplete request
    names: dict = field(default_factory=dict)  # speaker key -> name as written
    lock: object = field(default_factory=threading.Lock)  # for the lazy parts

    @classmethod
    def open(cls, name, ix, root):
        searcher = ix.searcher()
        directory = Path(root) / GENERATIONS / name
        model = directory / MODEL_DIR
        accents = AccentModel.load(model) if model.exists() else None
        postings = Postings(searcher, FIELD_WEIGHTS, directory / ARRAYS_DIR)
        return cls(name, directory, searcher, postings, accents)

    def speaker_name(self, key):
        """How a speaker's name is written, from the first article that names them."""
        if key not in self.names:
            hit = self.searcher.search(Term("speaker_keys", key), limit=1)
            person = _person(hit[0], key) if hit else None
            self.names[key] = person["name"] if person else key
        return self.names[key]

    def completions(self):
        """The :class:`~search_app.complete.Completer`, built on first use."""
        with self.lock:
            if self.completer is None:
                docs, codes, keys = self.postings.speakers()
                counts = np.bincount(codes[self.postings.live[docs]], minlength=len(keys))
                speakers = {key: int(n) for key, n in zip(keys, counts) if n}
                phrases = self.directory / PHRASES_FILE
                self.completer = Completer.build(
                    load_phrases(phrases) if phrases.exists() else {}, speakers,
                )
            return self.completer


class SearchEngine:
    """Searches the live generation of the index at ``index_path``."""

    def __init__(self, index_path):
        self.store = IndexStore(index_path)
        self._lock = threading.Lock()
        self._stamp = None
        self._state = None  # the open Generation

    def _current(self):
        stamp = self.store.current_stamp()
        with self._lock:
            if self._state is None or stamp != self._stamp:
                name, ix = self.store.open_current()
                # The old searcher is not closed: a search in another thread
                # may still be using it. It is released with its last user.
                self._state = Generation.open(name, ix, self.store.path)
                self._stamp = stamp
            return self._state

    def complete(self, prefix, limit=10):
        """Completions for a search box: ``{"query", "completions": [{"text", "kind"}]}``."""
        if prefix is None or not str(prefix).strip():
            raise InvalidRequest("missing_query", "the query 'q' is missing or empty")
        if len(prefix) > MAX_COMPLETE_CHARS:
            raise InvalidRequest(
                "query_too_long", f"a prefix to complete is at most {MAX_COMPLETE_CHARS} characters",
            )
        generation = self._current()
        completions = generation.completions().complete(prefix, limit, generation.speaker_name)
        return {"query": prefix, "completions": completions}

    def health(self):
        generation = self._current()
        return {"documents": generation.searcher.doc_count(), "version": generation.name}

    def search(self, query, page=1, per_page=10, filters=None, facets=True):
        """Run a search; returns a :class:`SearchResult`.

        ``filters`` is a :class:`Filters`; ``facets`` adds counts by year,
        organisation and speaker over every matching document.
        """
        query, page, per_page = validate(query, page, per_page)
        filters = filters or Filters()
        started = time.perf_counter()
        generation = self._current()
        searcher, postings = generation.searcher, generation.postings
        interpreted, why = _interpret(query, postings, generation.accents)
        parsed = parse(interpreted or query)
        allowed = self._filter_mask(searcher, postings, filters, parsed)
        listing, scores = rank(postings, parsed, allowed, generation.accents, needed=page * per_page)
        if filters.sort == "date":
            listing = listing[np.argsort(postings.newest_rank()[listing], kind="stable")]
        hits = []
        page_docs = listing[(page - 1) * per_page : page * per_page]
        if len(page_docs):
            terms = _highlight_terms(parsed)
            hits = [
                self._hit(searcher.stored_fields(int(d)), float(scores[d]), terms)
                for d in page_docs
            ]
        groups = _facets(generation, listing) if facets and len(listing) else {}
        took = (time.perf_counter() - started) * 1000
        return SearchResult(
            query=query, total=len(listing), page=page, per_page=per_page,
            took_ms=round(took, 2), results=hits, facets=groups,
            suggestion=generation.accents.suggest(interpreted or query) if generation.accents else None,
            interpreted_as=interpreted,
            interpreted_because=why,
        )

    @staticmethod
    def _filter_mask(searcher, postings, filters, parsed):
        """The documents a search may return: live ones that pass the filters."""
        restriction = filters.query(parsed, postings.speaker_aliases())
        if restriction is None:
            return postings.live
        mask = np.zeros(postings.size, dtype=bool)
        mask[list(searcher.docs_for_query(restriction))] = True
        return mask & postings.live

    def speaker(self, name, page=1, per_page=20):
        """Every article naming this person (accent-insensitive), newest first, with their role."""
        page = _integer(page, "page")
        if page < 1:
            raise InvalidRequest("invalid_page", "'page' must be 1 or more")
        key = name_key(name)
        generation = self._current()
        aliases = generation.postings.speaker_aliases()
        key = aliases.get(key, key)  # "/speaker/trump" is Donald Trump's page
        results = generation.searcher.search_page(
            _speaker_query(key, aliases), page, pagelen=per_page,
            sortedby=NEWEST_FIRST,
        )
        if not results.total:
            raise DocumentNotFound(name, what="speaker")
        articles = []
        for hit in results if page <= results.pagecount else []:
            fields = hit.fields()
            person = _person(fields, key, aliases) or {"name": name, "role": ""}
            articles.append({
                "id": fields["id"], "title": display_title(fields), "date": fields.get("date") or None,
                "year": fields.get("year") or None, "name": person["name"], "role": person["role"],
                "source": fields.get("source", ""),
            })
        return {
            "key": key, "name": generation.speaker_name(key), "total": results.total,
            "page": page, "per_page": per_page, "articles": articles,
        }

    def document(self, doc_id, query=""):
        """The stored document with its speakers; ``body_html`` marks the query's words."""
        generation = self._current()
        searcher = generation.searcher
        fields = searcher.document(id=doc_id)
        if fields is None:
            raise DocumentNotFound(doc_id)
        terms = _highlight_terms(parse(query)) if query else set()
        return {
            "id": fields["id"],
            "title": display_title(fields),
            "title_html": mark_all(display_title(fields), terms),
            "body": fields.get("body", ""),
            "body_html": mark_all(fields.get("body", ""), terms),
            "speakers": json.loads(fields.get("speakers_json") or "[]"),
            "date": fields.get("date") or None,
            "year": fields.get("year") or None,
            "organisation": fields.get("organisation", ""),
            "source": fields.get("source", ""),
            "url": fields.get("url", ""),
            "byline": fields.get("byline", ""),
        }

    def _hit(self, fields, score, terms):
        return Hit(
            id=fields["id"],
            title=display_title(fields),
            score=round(score, 4),
            snippet=snippet(fields.get("body", ""), terms),
            speakers=json.loads(fields.get("speakers_json") or "[]"),
            date=fields.get("date") or None,
            source=fields.get("source", ""),
            url=fields.get("url", ""),
            title_html=mark_all(display_title(fields), terms),
        )


def _facets(generation, listing):
    """Counts by year, organisation and speaker over ``listing``."""
    postings = generation.postings

    def top(codes, values):
        counts = np.bincount(codes, minlength=len(values))
        counts[0] = 0  # code 0 is "no value", never a facet value
        chosen = np.flatnonzero(counts)
        # Only values that can be in the top FACET_SIZE reach Python.
        if len(chosen) > FACET_SIZE:
            # Sorted, not partitioned: np.partition is slow on the many equal
            # small counts (people named once) a facet has.
            floor = np.sort(counts[chosen])[-FACET_SIZE]
            chosen = chosen[counts[chosen] >= floor]
        items = [(values[i], int(counts[i])) for i in chosen]
        items.sort(key=lambda item: (-item[1], str(item[0])))
        return items[:FACET_SIZE]

    codes, values = postings.codes("year")
    years = sorted(top(codes[listing], values), key=lambda item: -item[0])
    codes, values = postings.codes("organisation")
    organisations = top(codes[listing], values)
    pair_docs, pair_codes, keys = postings.speakers()
    chosen = np.zeros(postings.size, dtype=bool)
    chosen[listing] = True
    speakers = top(pair_codes[chosen[pair_docs]], keys)
    return {
        "year": [{"value": y, "count": n} for y, n in years],
        "organisation": [{"value": o, "count": n} for o, n in organisations],
        "speaker": [
            {"value": key, "name": generation.speaker_name(key), "count": n}
            for key, n in speakers
        ],
    }


def _person(fields, key, aliases=None):
    """The ``{"name", "role"}`` of the person filed under ``key`` (or a surname standing for it)."""
    for person in json.loads(fields.get("speakers_json") or "[]"):
        found = name_key(person["name"])
        if found == key or (aliases or {}).get(found) == key:
            return person
    return None


def display_title(fields):
    return fields.get("title") or fields.get("derived_title") or ""


# -- ranking ---------------------------------------------------------------------


def rank(postings, parsed, allowed, accents=None, needed=0):
    """The documents matching ``parsed`` among ``allowed``, best first, and the scores.

    Returns ``(docnums, scores)``; ``scores`` has one entry per document
    number. Only the first ``max(needed, PHRASE_CANDIDATES)`` docnums are in
    order (sorting every match of a common word costs more than the rest of
    the search); the others follow in index order.

    A document matches when it holds enough of the query's words
    (question words aside): all of them for a query of up to
    :data:`ALL_WORDS_UP_TO` words, else :data:`SHARE_OF_WORDS` of them. When
    no document has that many, documents with any of the words match. A
    query of filters alone (``year:2023``) lists every allowed document,
    newest first; one with only exclusions matches nothing.

    A query typed without any accents borrows the accents ``accents`` (an
    :class:`~search_app.accents.AccentModel`) would restore, at a lower
    weight than typed ones: the likely reading ranks first, and every
    reading still matches.
    """
    scores = np.zeros(postings.size, dtype=np.float32)
    if not parsed.groups:
        if not parsed.years:
            return np.zeros(0, dtype=np.int64), scores
        docs = np.flatnonzero(allowed)
        return docs[np.argsort(postings.newest_rank()[docs], kind="stable")], scores
    coverage = np.zeros(postings.size, dtype=np.int32)  # content words held
    some = np.zeros(postings.size, dtype=bool)
    guesses = _accent_guesses(parsed, accents)
    questions = [_is_question_word(group, guesses) for group in parsed.groups]
    content = sum(not q for q in questions) or len(questions)
    for group, question in zip(parsed.groups, questions):
        matched = np.zeros(postings.size, dtype=bool)
        weight = QUESTION_WEIGHT if question else 1.0
        for clause in group:
            _score_clause(postings, clause, weight, scores, matched, guesses)
        some |= matched
        if not question or content == len(questions):
            coverage += matched
    runs = list(parsed.runs())
    for run in runs:
        _score_compounds(postings, run, scores)
    for clause in parsed.excluded:
        excluded = np.zeros(postings.size, dtype=bool)
        _score_clause(postings, clause, 0.0, np.zeros_like(scores), excluded)
        allowed = allowed & ~excluded
    words = content if content <= ALL_WORDS_UP_TO else math.ceil(content * SHARE_OF_WORDS)
    docs = np.flatnonzero((coverage >= words) & allowed)
    if not len(docs):
        docs = np.flatnonzero(some & allowed)
    head, rest = _best_first(docs, scores, max(needed, PHRASE_CANDIDATES))
    if _phrase_bonus(postings, runs, head[:PHRASE_CANDIDATES], scores):
        head, _ = _best_first(np.sort(head), scores, len(head))
    return np.concatenate([head, rest]), scores


def _phrase_bonus(postings, runs, head, scores):
    """Raise the score of the best documents whose title holds a run of the query's words in order.

    Checked on the (folded) titles of the head of the list only, so the cost
    does not grow with the index. Returns True if any score changed.
    """
    changed = False
    for run in (run for run in runs if len(run) > 1):
        folded = [fold(s) for s in run]
        # Only the titles that hold every syllable of the run are read.
        candidates = head
        for syllable in set(folded):
            candidates = candidates[_in_sorted(candidates, postings.docs("title", syllable))]
        phrase = " %s " % " ".join(folded)
        for doc in candidates:
            if phrase in postings.folded_title(int(doc)):
                scores[doc] *= 1 + PHRASE_BOOST
                changed = True
    return changed


def _in_sorted(values, sorted_array):
    """A mask over ``values``: which of them ``sorted_array`` holds."""
    if not len(sorted_array):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_array, values), len(sorted_array) - 1)
    return sorted_array[at] == values


def _interpret(query, postings, accents):
    """``(query as it will be searched, why)``, or ``(None, [])`` when it is searched as typed.

    Only a word the index does not hold is reinterpreted (never a field name
    before ":"), and only into syllables the index does hold:

    * Telex/VNI keystrokes become the syllable they stand for ("hooij" ->
      "hội"; "class" stays "class"); ``why`` has ``"keystrokes"``;
    * a misspelt word becomes the syllable one edit away (a letter left out,
      added, changed or two swapped) that fits its neighbours best, as the
      accent model judges it together with their accents ("hoi nghj" ->
      "hoi nghi"); ``why`` has ``"spelling"``. Words under three letters,
      with digits, or in capitals (codes, acronyms) are left alone.
    """
    def known(word):
        term = fold(word)
        return any(len(postings.docs(name, term)) for name in ("title", "body"))

    matches = list(WORD_RE.finditer(query))
    words = [match.group() for match in matches]
    searched, why, spellings = list(words), [], {}
    for i, word in enumerate(words):
        if query.startswith(":", matches[i].end()) or known(word):  # "year:", "speaker:"
            continue
        syllable = convert(word)
        if syllable and known(syllable):
            searched[i] = syllable
            why.append("keystrokes")
        elif accents and word.isalpha() and not word.isupper() and len(word) >= MIN_CORRECTED_LETTERS:
            spellings[i] = [s for s in accents.spellings(word) if known(s)]
    if any(spellings.values()):
        restored = accents.restore_words([fold(w) for w in searched], spellings)
        for i, candidates in spellings.items():
            if candidates:
                searched[i] = restored[i] if has_diacritics(words[i]) else fold(restored[i])
                why.append("spelling")
    if not why:
        return None, []
    return replace_words(query, matches, searched), sorted(set(why))


def _best_first(docs, scores, k):
    """``(the best k of docs in order, the others)``; ``docs`` ascending.

    Equal scores keep index order, at the cut too.
    """
    if len(docs) <= k:
        return docs[np.argsort(-scores[docs], kind="stable")], docs[:0]
    values = scores[docs]
    cut = np.partition(values, len(values) - k)[len(values) - k]
    chosen = values > cut
    ties = np.flatnonzero(values == cut)[: k - int(chosen.sum())]
    chosen[ties] = True
    head = docs[chosen]
    return head[np.argsort(-scores[head], kind="stable")], docs[~chosen]


def _is_question_word(group, guesses):
    clause = group[0]
    if len(group) > 1 or clause.phrase or clause.field or len(clause.syllables) != 1:
        return False
    word = clause.syllables[0]
    if not has_diacritics(word):  # "dau" may be "đâu" or "đầu"
        guess = guesses.get(id(clause))
        return guess[0] in QUESTION_WORDS if guess else fold(word) in FOLDED_QUESTION_WORDS
    return canonical(word) in QUESTION_WORDS


def _fields(clause):
    return [clause.field] if clause.field else list(FIELD_WEIGHTS)


def _accent_guesses(parsed, accents):
    """``{id(clause): [accented guess per syllable]}`` for a query typed without accents."""
    syllables = parsed.syllables()
    if accents is None or not syllables or any(map(has_diacritics, syllables)):
        return {}
    restored = iter(accents.restore_words(syllables))
    return {id(clause): [next(restored) for _ in clause.syllables] for clause in parsed.positive}


def _score_clause(postings, clause, weight, scores, matched, guesses=None):
    """Add one clause's BM25F to ``scores``; mark the documents it matches."""
    fields = {name: FIELD_WEIGHTS[name] for name in _fields(clause)}
    phrase_docs = _phrase_docs(postings, clause) if clause.phrase else None
    guessed = (guesses or {}).get(id(clause)) or [None] * len(clause.syllables)
    for syllable, guess in zip(clause.syllables, guessed):
        folded, accented = query_forms(syllable)
        forms = [(folded, weight)]
        if accented != folded:
            forms.append((accented, weight * EXACT_ACCENT_BOOST))
        elif guess and guess != folded:
            forms.append((guess, weight * GUESSED_ACCENT_BOOST))
        for term, term_weight in forms:
            docs, values = postings.scores(fields, term)
            if phrase_docs is not None:
                keep = phrase_docs[docs]
                docs, values = docs[keep], values[keep]
            scores[docs] += term_weight * values
            if phrase_docs is None and term is folded:
                matched[docs] = True
    if phrase_docs is not None:
        matched |= phrase_docs


def _phrase_docs(postings, clause):
    """Documents holding the syllables in order, in any of the clause's fields."""
    found = np.zeros(postings.size, dtype=bool)
    folded = [fold(s) for s in clause.syllables]
    query = Or([Phrase(name, folded) for name in _fields(clause)])
    found[list(postings.searcher.docs_for_query(query))] = True
    return found


def _score_compounds(postings, syllables, scores):
    """Bonus for adjacent query syllables found as one word (pairs, triples).

    The index holds a compound word as one term beside its syllables, so a
    document where "hội nghị" is a word outscores one with "hội" and
    "nghị" apart. Pairs that are not words in any document cost nothing.
    """
    folded = [fold(s) for s in syllables]
    fields = {name: FIELD_WEIGHTS[name] for name in ("title", "body")}
    for size in (2, 3):
        for i in range(len(folded) - size + 1):
            compound = COMPOUND_JOINER.join(folded[i : i + size])
            docs, values = postings.scores(fields, compound)
            scores[docs] += COMPOUND_BOOST * values


# -- snippets ----------------------------------------------------------------------


def _highlight_terms(parsed):
    return {fold(s) for s in parsed.syllables()}


def snippet(text, terms, chars=SNIPPET_CHARS):
    """Up to two passages of ``text`` around the words in ``terms`` (folded), as HTML.

    A passage runs from about a third of ``chars`` before a matched word to
    as far as ``chars`` allows past the last matched word it takes in, on
    word boundaries, with the punctuation that closes it. The passages with
    the most different query words (then the most matches, then the
    earliest) are shown, best first, joined by " … ". Without a match, the
    start of the text.

    >>> snippet("Mở đầu. Hội nghị cán bộ <b> năm 2023, hội nghị lần hai.", {"hoi", "nghi"}, chars=40)
    'Mở đầu. <mark>Hội</mark> <mark>nghị</mark> cán bộ &lt;b&gt; năm 2023, … <mark>hội</mark> <mark>nghị</mark> lần hai.'
    """
    folded, starts, ends = folded_words(text) if terms and text else ([], [], [])
    hits = [i for i, word in enumerate(folded) if word in terms]
    if not hits:
        head = text[:chars]
        if len(text) > chars:
            head = head.rsplit(" ", 1)[0] + " …"
        return escape(" ".join(head.split()), quote=False)
    surround = chars // 3
    passages = []  # (first word, last word, matched words); never overlapping
    i = 0
    while i < len(hits):
        first = last = hits[i]
        floor = passages[-1][1] + 1 if passages else 0
        while first > floor and starts[hits[i]] - starts[first - 1] <= surround:
            first -= 1
        j = i + 1
        while j < len(hits) and ends[hits[j]] - starts[first] <= chars - surround // 2:
            j += 1
        last = hits[j - 1]
        while last + 1 < len(starts) and ends[last + 1] - starts[first] <= chars:
            last += 1
        passages.append((first, last, hits[i:j]))
        i = j

    def quality(passage):
        first, _, matched = passage
        return (-len({folded[k] for k in matched}), -len(matched), first)

    best = sorted(passages, key=quality)[:2]
    return " … ".join(
        _passage_html(text, [(starts[k], ends[k]) for k in matched], starts[first], ends[last])
        for first, last, matched in best
    )


def _passage_html(text, spans, start, end):
    """``text[start:end]`` (and the punctuation closing it) as HTML, the ``spans`` marked."""
    while end < len(text) and text[end] in TRAILING_PUNCTUATION:
        end += 1
    pieces, at = [], start
    for s, e in spans:
        pieces.append(escape(text[at:s], quote=False))
        pieces.append("<mark>%s</mark>" % escape(text[s:e], quote=False))
        at = e
    pieces.append(escape(text[at:end], quote=False))
    return " ".join("".join(pieces).split())


def mark_all(text, terms):
    """The whole of ``text`` as HTML, with the words in ``terms`` (folded) marked.

    What Whoosh's highlighter with a whole-text fragment gives, without its
    token objects: the words are the analyzer's (``folded_words``).

    >>> mark_all("Hội nghị <b>", {"hoi"})
    '<mark>Hội</mark> nghị &lt;b&gt;'
    """
    if not terms or not text:
        return escape(text, quote=False)
    pieces, last = [], 0
    for word, start, end in zip(*folded_words(text)):
        if word in terms:
            pieces.append(escape(text[last:start], quote=False))
            pieces.append("<mark>%s</mark>" % escape(text[start:end], quote=False))
            last = end
    pieces.append(escape(text[last:], quote=False))
    return "".join(pieces)
