"""The JSON API. Every error has one shape: ``{"error": {"code", "message"}}``."""

from flask import Blueprint, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from .errors import IndexMissing
from .searcher import DocumentNotFound, Filters, InvalidRequest
from .web import render_error

bp = Blueprint("api", __name__)

# What the web pages say for each request error (the API answers in English).
WEB_MESSAGES = {
    "missing_query": "Vui lòng nhập từ khóa tìm kiếm.",
    "query_too_long": "Từ khóa quá dài: tối đa 500 ký tự.",
    "invalid_page": "Số trang không hợp lệ.",
    "invalid_per_page": "Số kết quả mỗi trang không hợp lệ.",
    "invalid_year": "Năm không hợp lệ.",
    "invalid_date": "Ngày không hợp lệ: hãy viết theo dạng YYYY-MM-DD.",
    "invalid_sort": "Cách sắp xếp không hợp lệ.",
}


def engine():
    return current_app.extensions["search_engine"]


def error(status, code, message):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


@bp.get("/api/search")
def search():
    """``GET /api/search?q=&page=&per_page=&year=&from=&to=&org=&speaker=&sort=``.

    Ranked results with snippets, and facet counts for the whole query.
    """
    args = request.args
    result = engine().search(
        args.get("q"), page=args.get("page", 1), per_page=args.get("per_page", 10),
        filters=Filters.from_args(args),
    )
    return jsonify(result.to_json())


@bp.get("/api/suggest")
def suggest():
    """``GET /api/suggest?q=``: up to 10 completions of what the user has typed."""
    return jsonify(engine().complete(request.args.get("q")))


@bp.get("/api/speakers/<path:name>")
def speaker(name):
    """``GET /api/speakers/<name>``: every article naming this person, newest first."""
    return jsonify(engine().speaker(name, page=request.args.get("page", 1)))


@bp.get("/api/documents/<path:doc_id>")
def document(doc_id):
    """``GET /api/documents/<id>``: the stored article with its speakers."""
    doc = engine().document(doc_id, request.args.get("q", ""))
    for key in ("title_html", "body_html"):
        doc.pop(key)
    return jsonify(doc)


@bp.get("/healthz")
def healthz():
    """The number of documents and the live index generation."""
    return jsonify({"status": "ok", **engine().health()})


def wants_json():
    return request.path.startswith("/api/") or request.path == "/healthz"


def register_error_handlers(app):
    """JSON errors for the API; the web blueprint renders its own pages."""

    @app.errorhandler(InvalidRequest)
    def invalid(exc):
        if wants_json():
            return error(400, exc.code, exc.message)
        return render_error(400, WEB_MESSAGES.get(exc.code, exc.message))

    @app.errorhandler(DocumentNotFound)
    def not_found(exc):
        if wants_json():
            return error(404, exc.code, exc.message)
        return render_error(404, "Không tìm thấy bài viết này.")

    @app.errorhandler(IndexMissing)
    def missing(exc):
        if wants_json():
            return error(503, "index_missing", str(exc))
        return render_error(503, "Chỉ mục tìm kiếm chưa được tạo.", detail=str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc):
        if wants_json():
            code = (exc.name or "error").lower().replace(" ", "_")
            return error(exc.code or 500, code, exc.description or exc.name)
        return render_error(exc.code or 500, exc.name)

    @app.errorhandler(Exception)
    def unexpected(exc):
        app.logger.exception("unhandled error on %s", request.path)
        if wants_json():
            return error(500, "internal_error", "the server failed to answer this request")
        return render_error(500, "Đã có lỗi xảy ra. Vui lòng thử lại sau.")
