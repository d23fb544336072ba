"""The HTML pages: search box, results, document, speaker. Labels are in Vietnamese."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from ..errors import SearchAppError
from . import params
from .observe import record_search

bp = Blueprint("pages", __name__)


def engine():
    return current_app.extensions["search_engine"]


@bp.get("/")
def index():
    try:
        overview = engine().overview()
    except SearchAppError:  # no index yet, or a damaged one: the search box still shows
        overview = None
    return render_template("index.html", overview=overview)


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico whatever the page says: the icon is an SVG."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.get("/search")
def search():
    query = request.args.get("q", "")
    if not query.strip():
        return render_template("index.html")
    result = engine().search(
        query, page=params.integer(request.args, "page", 1), per_page=10, filters=params.filters(request.args)
    )
    record_search(result.query, result)
    active = {k: request.args[k] for k in params.FILTER_ARGS if request.args.get(k)}
    return render_template(
        "search.html",
        result=result,
        q=query,
        active=active,
        link=lambda **changes: search_link(query, active, **changes),
    )


def search_link(query, active, **changes):
    """A URL for this search with some filters set (a value) or removed (None)."""
    # ``active`` never holds a page: changing a filter starts again at page 1.
    args = {k: v for k, v in {**active, **changes}.items() if v not in (None, "")}
    return url_for("pages.search", q=query, **args)


@bp.get("/speaker/<path:name>")
def speaker(name):
    person = engine().speaker(name, page=params.integer(request.args, "page", 1))
    return render_template("speaker.html", person=person, q="")


@bp.get("/doc/<path:doc_id>")
def document(doc_id):
    query = request.args.get("q", "")
    return render_template("document.html", doc=engine().document(doc_id, query), q=query)
