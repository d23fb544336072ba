"""Vietnamese news search: a Whoosh index, a Flask app, a CLI.

``create_app`` is the Flask application factory; everything below the web
layer (``searcher``, ``indexer``...) works without Flask.
"""

import os

from flask import Flask

DEFAULT_INDEX = "index"


def default_index_path():
    """The index path: ``$SEARCH_APP_INDEX``, else ``index/``."""
    return os.environ.get("SEARCH_APP_INDEX") or DEFAULT_INDEX


def create_app(test_config=None):
    """Create the Flask app. ``test_config`` overrides the defaults (e.g. ``INDEX_PATH``)."""
    app = Flask(__name__)
    app.config.from_mapping(INDEX_PATH=default_index_path(), JSON_SORT_KEYS=False)
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from .searcher import SearchEngine

    app.extensions["search_engine"] = SearchEngine(app.config["INDEX_PATH"])

    from . import api, web

    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)
    api.register_error_handlers(app)
    return app
