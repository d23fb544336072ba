"""Vietnamese news search: a Whoosh index, a search library, a Flask app, a CLI.

The rooms, in the order data flows through them (docs/design.md has the map):
``articles`` reads sources, ``extract`` finds titles, speakers, dates and
organisations, ``analysis`` segments and folds, ``indexer`` writes a
generation through ``store``, ``search`` answers queries, ``web`` serves
them over HTTP, ``cli`` is the command line. Nothing below ``web`` imports
Flask.
"""
