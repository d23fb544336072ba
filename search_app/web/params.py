"""Query-string arguments turned into the library's typed arguments, strictly.

Each bad argument raises :class:`~search_app.errors.InvalidRequest` with the
code the API reports (``invalid_page``, ``invalid_year``...).
"""

from ..errors import InvalidRequest
from ..search import Filters

# Query-string arguments that narrow a search; kept across pages and facet links.
FILTER_ARGS = ("year", "from", "to", "org", "speaker", "sort")


# Digits beyond this many are no page, year or page size anyone asks for.
MAX_DIGITS = 7


def integer(args, name, default):
    """The whole number ``args[name]`` written in ASCII digits, or ``default`` when absent."""
    value = args.get(name)
    if value is None:
        return default
    if not (value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS):
        raise InvalidRequest(
            f"invalid_{name}", f"'{name}' must be a whole number of at most {MAX_DIGITS} digits"
        )
    return int(value)


def filters(args):
    """The :class:`~search_app.search.Filters` of ``year``, ``from``, ``to``, ``org``, ``speaker``, ``sort``."""
    return Filters(
        year=integer(args, "year", None) if args.get("year") else None,
        date_from=args.get("from") or None,
        date_to=args.get("to") or None,
        organisation=args.get("org") or None,
        speaker=args.get("speaker") or None,
        sort=args.get("sort") or "relevance",
    )
