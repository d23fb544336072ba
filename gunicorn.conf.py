"""gunicorn settings, read by ``gunicorn wsgi:app`` run from this folder."""

from search_app.web.server import SETTINGS

globals().update(SETTINGS)
