"""The people across the archive: who a surname written alone stands for, and each document's people.

A speaker is known by a key (:func:`search_app.text.name_key`: folded, so
accent-insensitive). Every document lists its speakers' keys in the
``speaker_keys`` column, read once per generation.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from whoosh.query import Or, Term

from ..text import foreign_word, name_key

# A foreign surname written alone ("trump") is taken for the full name that
# holds at least this share of the articles naming someone of that surname.
ALIAS_SHARE = 0.8


def speaker_aliases(postings):
    """``{surname key: full name key}`` across the articles: "trump" -> "donald trump".

    Only a foreign surname ("trump", "putin"), and only when one full name
    ending with it holds :data:`ALIAS_SHARE` of the articles naming such a
    person: a Vietnamese given name alone ("tám") is many people.
    """

    def compute():
        counts = Counter(
            key for value in postings.column("speaker_keys") for key in (value or "").split(",") if key
        )
        fuller = defaultdict(list)
        for key in counts:
            if " " in key:
                fuller[key.rsplit(" ", 1)[1]].append(key)
        aliases = {}
        for key in counts:
            if key in fuller and foreign_word(key.capitalize()):
                best = max(fuller[key], key=lambda k: (counts[k], k))
                if counts[best] >= ALIAS_SHARE * sum(counts[k] for k in fuller[key]):
                    aliases[key] = best
        return aliases

    return postings.memo("aliases", compute)


@dataclass(frozen=True)
class SpeakerIndex:
    """Which speakers each document names, by document and by speaker.

    A speaker is a code into ``keys``; code 0 (key "") is no one, as in
    :meth:`Postings.codes`. A surname alone counts as its full name
    (:func:`speaker_aliases`). By document: document ``d``'s speakers are
    ``codes[doc_starts[d]:doc_starts[d + 1]]``. By speaker, the most named
    first: ``ranked[i]`` is named by ``named[i]`` documents (deleted ones
    too), ``docs[starts[i]:starts[i + 1]]``.
    """

    keys: list
    doc_starts: np.ndarray  # int64, one more than the documents
    codes: np.ndarray  # int32
    ranked: np.ndarray  # int64
    named: np.ndarray  # int64
    docs: np.ndarray  # numpy's index type
    starts: np.ndarray  # int64, one more than the speakers


def speaker_index(postings):
    """The generation's :class:`SpeakerIndex`, made once."""

    def compute():
        aliases = speaker_aliases(postings)
        docs, codes, index = [], [], {"": 0}
        for docnum, value in enumerate(postings.column("speaker_keys")):
            for key in sorted({aliases.get(k, k) for k in (value or "").split(",") if k}):
                docs.append(docnum)
                codes.append(index.setdefault(key, len(index)))
        docs, codes = np.asarray(docs, dtype=np.int32), np.asarray(codes, dtype=np.int32)
        named = np.bincount(codes, minlength=len(index))
        ranked = np.argsort(-named[1:], kind="stable") + 1  # code 0 is named by no document
        # Each pair's place when grouped by speaker, the most named first.
        place = np.empty(len(index), dtype=np.int64)
        place[ranked] = np.arange(len(ranked))
        grouped = np.argsort(place[codes], kind="stable")
        starts = np.zeros(len(ranked) + 1, dtype=np.int64)
        np.cumsum(named[ranked], out=starts[1:])
        return SpeakerIndex(
            keys=list(index),
            doc_starts=np.searchsorted(docs, np.arange(postings.size + 1)).astype(np.int64),
            codes=codes,
            ranked=ranked,
            named=named[ranked],
            docs=docs[grouped].astype(np.intp),  # an index: int32 costs twice as much to index with
            starts=starts,
        )

    return postings.memo("speakers", compute)


def speaker_counts(postings):
    """``{speaker key: live documents naming them}``, a surname alone counting as its full name."""
    index = speaker_index(postings)
    if not len(index.ranked):
        return {}
    counts = np.zeros(len(index.keys), dtype=np.int64)
    counts[index.ranked] = np.add.reduceat(postings.live[index.docs], index.starts[:-1], dtype=np.int64)
    return {key: int(n) for key, n in zip(index.keys, counts.tolist()) if n}


def speaker_query(key, aliases):
    """The Whoosh query for documents filed under ``key`` or under a surname that stands for it."""
    keys = [key] + sorted(alias for alias, full in aliases.items() if full == key)
    return Or([Term("speaker_keys", k) for k in keys]) if len(keys) > 1 else Term("speaker_keys", key)


def person_in(fields, key, aliases=None):
    """The ``{"name", "role"}`` of the person filed under ``key`` (or a surname standing for it)."""
    for person in json.loads(fields.get("speakers_json") or "[]"):
        found = name_key(person["name"])
        if found == key or (aliases or {}).get(found) == key:
            return person
    return None
