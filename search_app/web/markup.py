"""The library's records as the web shows them: marks as ``<mark>``, records as JSON.

Everything from an article is HTML-escaped; only the ``<mark>`` tags this
module adds are markup. The CLI's ``--json`` uses the same JSON shapes.
"""

from dataclasses import asdict
from html import escape

from markupsafe import Markup

PASSAGE_JOINER = " … "


def marked(text, spans):
    """``text`` HTML-escaped, with each ``(start, end)`` span in ``<mark>``.

    >>> str(marked("Hội nghị <b>", [(0, 3)]))
    '<mark>Hội</mark> nghị &lt;b&gt;'
    """
    pieces, at = [], 0
    for start, end in spans:
        pieces += [
            escape(text[at:start], quote=False),
            "<mark>",
            escape(text[start:end], quote=False),
            "</mark>",
        ]
        at = end
    pieces.append(escape(text[at:], quote=False))
    return Markup("".join(pieces))


def snippet_html(passages):
    """A hit's snippet passages as one line of HTML, "…" where the text was cut."""
    html = PASSAGE_JOINER.join(marked(p.text, p.marks) for p in passages)
    if passages and passages[0].cut_before:
        html = "… " + html
    if passages and passages[-1].cut_after:
        html += " …"
    return Markup(html)


def search_json(result):
    """The ``/api/search`` answer for a :class:`~search_app.search.results.SearchResult`."""
    return {
        "query": result.query,
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "pages": result.pages,
        "took_ms": result.took_ms,
        "suggestion": result.suggestion,
        "interpreted_as": result.interpreted_as,
        "interpreted_because": result.interpreted_because,
        "results": [hit_json(hit) for hit in result.results],
        "facets": facets_json(result.facets),
    }


def hit_json(hit):
    return {
        "id": hit.id,
        "title": hit.title,
        "score": hit.score,
        "snippet": str(snippet_html(hit.snippet)),
        "speakers": hit.speakers,
        "date": hit.date,
        "source": hit.source,
        "url": hit.url,
    }


def facets_json(facets):
    if facets is None:
        return {}
    return {
        "year": [{"value": f.value, "count": f.count} for f in facets.year],
        "organisation": [{"value": f.value, "count": f.count} for f in facets.organisation],
        "speaker": [{"value": f.value, "name": f.name, "count": f.count} for f in facets.speaker],
    }


def document_json(document):
    data = asdict(document)
    del data["title_marks"], data["body_marks"]
    return data


def speaker_json(page):
    return asdict(page)


def completions_json(prefix, completions):
    return {"query": prefix, "completions": [asdict(c) for c in completions]}
