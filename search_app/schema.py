"""The one Whoosh schema, how an extracted article becomes a document, and the schema version.

The version is derived, never typed: a digest of the code and word lists
that decide what the index holds for an article. Any change to them gives a
new version, and the next reindex of an index built by another version
re-analyses every article.
"""

import hashlib
import json
from pathlib import Path

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, Schema

from .text import name_key

PACKAGE = Path(__file__).parent
# What decides an article's document, relative to the package: reading,
# extraction and its word lists, analysis, this schema, and the accent
# model's counting (an update adjusts the previous generation's counts).
ANALYSIS_SOURCES = (
    "text.py",
    "articles.py",
    "extract/*.py",
    "words/*.txt",
    "segmenter.py",
    "analysis.py",
    "schema.py",
    "accents.py",
)
# The analysed text fields, which searches score (their postings are in the arrays).
TEXT_FIELDS = ("title", "speakers", "body")


def analysis_version(root=PACKAGE):
    """A digest of the files :data:`ANALYSIS_SOURCES` names below ``root``."""
    digest = hashlib.sha256()
    for pattern in ANALYSIS_SOURCES:
        for path in sorted(root.glob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


SCHEMA_VERSION = analysis_version()


def make_schema():
    """What Whoosh holds of a document: its stored fields and the fields filters and facets read.

    The text fields (:data:`TEXT_FIELDS`) are not indexed by Whoosh: their
    postings are in the generation's arrays (:mod:`search_app.store.terms`).
    """
    return Schema(
        # id, fingerprint and origin are also columns: a reindex reads them
        # for every document without loading the stored bodies (fingerprint
        # and origin are only that: no search asks for one).
        id=ID(stored=True, unique=True, sortable=True),
        # A title made up from the body is shown but not indexed as a title:
        # its words are the body's and must not get the title's weight.
        title=STORED,
        derived_title=STORED,
        body=STORED,
        speakers_json=STORED,
        # Folded full names ("giang manh khoi"): the speaker filter, facet and page.
        # The column gives the facets each document's names at once.
        speaker_keys=KEYWORD(commas=True, sortable=True),
        date=ID(stored=True, sortable=True),
        year=NUMERIC(int, stored=True, sortable=True),
        organisation=ID(stored=True, sortable=True),
        source=ID(stored=True),
        url=STORED,
        byline=STORED,
        fingerprint=ColumnID(stored=True, sortable=True),
        origin=ColumnID(stored=True, sortable=True),
    )


class ColumnID(ID):
    """A string of each document's, read as a column (and stored), never searched: no term is indexed.

    A fingerprint or an origin is a term of its own for each document: as
    terms, they were two thirds of what a writer's segment indexed.
    """

    indexed = False


def to_document(article, extracted):
    """The fields of one article's document: the text fields are analysed into the arrays, the rest go to Whoosh."""
    return {
        "id": article.id,
        "title": "" if extracted.title_derived else extracted.title,
        "derived_title": extracted.title if extracted.title_derived else "",
        "body": extracted.body,
        "speakers": "\n".join(s["name"] for s in extracted.speakers),
        "speakers_json": json.dumps(extracted.speakers, ensure_ascii=False),
        "speaker_keys": speaker_keys(extracted.speakers),
        "date": extracted.date,
        "year": extracted.year,
        "organisation": extracted.organisation,
        "source": extracted.source,
        "url": extracted.url,
        "byline": extracted.byline,
        "fingerprint": article.fingerprint,
        "origin": article.origin,
    }


def stored_to_document(fields):
    """Rebuild the indexable document from a document's stored fields."""
    speakers = json.loads(fields.get("speakers_json") or "[]")
    document = {name: fields.get(name, "") for name in STORED_NAMES}
    document["speakers"] = "\n".join(s["name"] for s in speakers)
    document["speakers_json"] = fields.get("speakers_json") or "[]"
    document["speaker_keys"] = speaker_keys(speakers)
    document["year"] = fields.get("year") or 0
    return document


STORED_NAMES = (
    "id",
    "title",
    "derived_title",
    "body",
    "date",
    "organisation",
    "source",
    "url",
    "byline",
    "fingerprint",
    "origin",
)


def speaker_keys(speakers):
    return ",".join(name_key(s["name"]) for s in speakers)
