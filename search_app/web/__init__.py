"""The web layer: HTML pages and the JSON API over :mod:`search_app.search`.

The only part of the package that imports Flask. :func:`search_app.web.app.create_app`
is the application factory; :mod:`.markup` renders the library's records
(marks as spans) as HTML and JSON without Flask.
"""
