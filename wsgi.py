"""WSGI entry point: ``gunicorn -w 2 wsgi:app`` (index from $SEARCH_APP_INDEX)."""

from search_app.web.app import create_app

app = create_app()
