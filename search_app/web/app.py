"""The Flask application factory."""

from flask import Flask

from ..search import SearchEngine
from ..store import default_index_path
from . import markup


def create_app(test_config=None):
    """Create the Flask app. ``test_config`` overrides the defaults (e.g. ``INDEX_PATH``)."""
    app = Flask(__name__)
    app.config.from_mapping(INDEX_PATH=default_index_path())
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.extensions["search_engine"] = SearchEngine(app.config["INDEX_PATH"])
    app.jinja_env.filters["marked"] = markup.marked
    app.jinja_env.filters["snippet"] = markup.snippet_html

    from . import api, errors, headers, pages

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    errors.register(app)
    headers.register(app)
    return app
