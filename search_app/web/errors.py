"""Errors as the web answers them: one JSON shape under ``/api/`` and ``/healthz``, pages elsewhere.

``{"error": {"code": "...", "message": "..."}}`` with 400 (a request to
change), 404, 405, 500 (logged, no details) or 503 (no index, or a damaged one).
"""

from flask import jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from ..errors import IndexCorrupt, IndexMissing, InvalidRequest, NotFound

# What the web pages say for each request error (the API answers in English).
PAGE_MESSAGES = {
    "missing_query": "Vui lòng nhập từ khóa tìm kiếm.",
    "query_too_long": "Từ khóa quá dài: tối đa 500 ký tự.",
    "invalid_page": "Số trang không hợp lệ.",
    "invalid_per_page": "Số kết quả mỗi trang không hợp lệ.",
    "invalid_year": "Năm không hợp lệ.",
    "invalid_date": "Ngày không hợp lệ: hãy viết theo dạng YYYY-MM-DD.",
    "invalid_sort": "Cách sắp xếp không hợp lệ.",
}


def json_error(status, code, message):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def error_page(status, message, detail=""):
    q = request.args.get("q", "")
    return render_template("error.html", message=message, detail=detail, q=q), status


def wants_json():
    return request.path.startswith("/api/") or request.path == "/healthz"


def register(app):
    """Answer every error in the JSON shape or as a page."""

    @app.errorhandler(InvalidRequest)
    def invalid(exc):
        if wants_json():
            return json_error(400, exc.code, exc.message)
        return error_page(400, PAGE_MESSAGES.get(exc.code, exc.message))

    @app.errorhandler(NotFound)
    def not_found(exc):
        if wants_json():
            return json_error(404, exc.code, exc.message)
        return error_page(404, "Không tìm thấy bài viết này.")

    @app.errorhandler(IndexMissing)
    def missing(exc):
        if wants_json():
            return json_error(503, "index_missing", str(exc))
        return error_page(503, "Chỉ mục tìm kiếm chưa được tạo.", detail=str(exc))

    @app.errorhandler(IndexCorrupt)
    def corrupt(exc):
        app.logger.error("%s", exc)
        if wants_json():
            return json_error(503, "index_corrupt", str(exc))
        return error_page(
            503, "Chỉ mục tìm kiếm bị hỏng; quản trị viên cần tạo lại chỉ mục.", detail=str(exc)
        )

    @app.errorhandler(HTTPException)
    def http_error(exc):
        if wants_json():
            code = (exc.name or "error").lower().replace(" ", "_")
            return json_error(exc.code or 500, code, exc.description or exc.name)
        return error_page(exc.code or 500, exc.name)

    @app.errorhandler(Exception)
    def unexpected(exc):
        app.logger.exception("unhandled error on %s", request.path)
        if wants_json():
            return json_error(500, "internal_error", "the server failed to answer this request")
        return error_page(500, "Đã có lỗi xảy ra. Vui lòng thử lại sau.")
