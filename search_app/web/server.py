"""gunicorn's settings for this app, shared by ``search-app serve`` and ``gunicorn.conf.py``.

gunicorn answers a request line over its limit (4,094 bytes by default) with
an HTML page of its own; without that limit, the application answers it
(``MAX_URL_BYTES`` in :mod:`search_app.web.app`) in the API's JSON error shape.
"""

SETTINGS = {
    "limit_request_line": 0,
}
