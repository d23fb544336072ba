"""The Flask application factory."""

import os

from flask import Flask, request
from werkzeug.exceptions import RequestEntityTooLarge, RequestURITooLarge

from ..search import SearchEngine
from ..store import default_index_path
from . import markup

# The longest URL answered (a query is at most 500 characters, a few times that encoded).
MAX_URL_BYTES = 4096
# No route reads a body: a large one is refused before it is read.
MAX_BODY_BYTES = 64 * 1024


def create_app(test_config=None):
    """Create the Flask app. ``test_config`` overrides the defaults (e.g. ``INDEX_PATH``)."""
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_PATH=default_index_path(),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        ACCESS_LOG=os.environ.get("SEARCH_APP_ACCESS_LOG"),  # a file; stderr when unset
    )
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.extensions["search_engine"] = SearchEngine(app.config["INDEX_PATH"])
    app.jinja_env.filters["marked"] = markup.marked
    app.jinja_env.filters["snippet"] = markup.snippet_html

    from . import api, errors, headers, observe, pages

    @app.before_request
    def limits():
        if len(request.full_path.encode()) > MAX_URL_BYTES:
            raise RequestURITooLarge(f"the URL is over {MAX_URL_BYTES} bytes")
        if (request.content_length or 0) > MAX_BODY_BYTES:
            raise RequestEntityTooLarge(f"the body is over {MAX_BODY_BYTES} bytes")

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    errors.register(app)
    headers.register(app)
    observe.register(app)
    return app
