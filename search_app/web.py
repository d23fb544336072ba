"""The HTML pages: search box, results, document. Labels are in Vietnamese."""

from flask import Blueprint, current_app, render_template, request

bp = Blueprint("web", __name__)


def engine():
    return current_app.extensions["search_engine"]


@bp.get("/")
def index():
    return render_template("index.html")


@bp.get("/search")
def search():
    query = request.args.get("q", "")
    if not query.strip():
        return render_template("index.html")
    result = engine().search(query, page=request.args.get("page", 1), per_page=10)
    return render_template("search.html", result=result, q=query)


@bp.get("/doc/<path:doc_id>")
def document(doc_id):
    query = request.args.get("q", "")
    doc = engine().document(doc_id, query)
    return render_template("document.html", doc=doc, q=query)


def render_error(status, message, detail=""):
    q = request.args.get("q", "") if request else ""
    return render_template("error.html", message=message, detail=detail, q=q), status
