"""The JSON API, described by ``openapi.json`` (served at ``/api/openapi.json``).

Every error has one shape: ``{"error": {"code", "message"}}`` (see :mod:`.errors`).
"""

import json
from functools import cache
from pathlib import Path

from flask import Blueprint, current_app, jsonify, request

from . import markup, params
from .observe import record_search

bp = Blueprint("api", __name__)
OPENAPI = Path(__file__).parent / "openapi.json"


@cache
def openapi_document():
    """The OpenAPI 3.1 description of this API."""
    return json.loads(OPENAPI.read_text(encoding="utf-8"))


def engine():
    return current_app.extensions["search_engine"]


@bp.get("/api/search")
def search():
    """``GET /api/search?q=&page=&per_page=&year=&from=&to=&org=&speaker=&sort=``.

    Ranked results with snippets, and facet counts for the whole query.
    """
    args = request.args
    result = engine().search(
        args.get("q"),
        page=params.integer(args, "page", 1),
        per_page=params.integer(args, "per_page", 10),
        filters=params.filters(args),
    )
    record_search(result.query, result)
    return jsonify(markup.search_json(result))


@bp.get("/api/suggest")
def suggest():
    """``GET /api/suggest?q=``: up to 10 completions of what the user has typed."""
    prefix = request.args.get("q")
    return jsonify(markup.completions_json(prefix, engine().complete(prefix)))


@bp.get("/api/speakers/<path:name>")
def speaker(name):
    """``GET /api/speakers/<name>``: every article naming this person, newest first."""
    return jsonify(markup.speaker_json(engine().speaker(name, page=params.integer(request.args, "page", 1))))


@bp.get("/api/documents/<path:doc_id>")
def document(doc_id):
    """``GET /api/documents/<id>``: the stored article with its speakers."""
    return jsonify(markup.document_json(engine().document(doc_id, request.args.get("q", ""))))


@bp.get("/api/openapi.json")
def openapi():
    """``GET /api/openapi.json``: the OpenAPI 3.1 description of every route."""
    return jsonify(openapi_document())


@bp.get("/healthz")
def healthz():
    """Whether the index answers, its number of documents and generation, and any problem."""
    return jsonify(engine().health())
