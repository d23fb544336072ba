"""Headers on every answer: a strict content security policy, no sniffing or framing, caching.

API answers carry a weak ``ETag`` naming the index generation: the same
request gives an equivalent answer until a reindex publishes a new one, so a
client that sends it back in ``If-None-Match`` gets a 304 without a search.
"""

from flask import current_app, request

# Scripts and styles from this site only (no inline script), never framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def _generation():
    return current_app.extensions["search_engine"].generation()


def _cacheable():
    return request.method == "GET" and request.path.startswith("/api/")


def register(app):
    @app.before_request
    def not_modified():
        """A 304 for an API request whose answer the client holds for this generation."""
        if _cacheable() and request.if_none_match.contains_weak(_generation()):
            response = app.response_class(status=304)
            response.set_etag(_generation(), weak=True)
            return response
        return None

    @app.after_request
    def headers(response):
        response.headers.update(SECURITY_HEADERS)
        if request.path == "/healthz" or response.status_code >= 400:
            response.headers["Cache-Control"] = "no-store"
        elif response.mimetype in ("text/html", "application/json") or response.status_code == 304:
            # Answers may be kept, but must be checked again: a reindex changes them.
            response.headers["Cache-Control"] = "no-cache"
            if _cacheable() and response.status_code == 200:
                response.set_etag(_generation(), weak=True)
        return response
