"""Every exception the library raises; each message says what to do.

The CLI prints the message; the web layer answers it in one JSON shape
(``{"error": {"code", "message"}}``) or as an error page.
"""


class SearchAppError(Exception):
    """Base class of every error a user can act on."""


class SourceError(SearchAppError):
    """A source that cannot be read at all (missing, or of an unknown kind)."""


class IndexMissing(SearchAppError):
    """There is no index at the path yet."""


class ReindexBusy(SearchAppError):
    """Another reindex holds the lock."""


class IndexingError(SearchAppError):
    """A reindex that failed part-way; the live index was left as it was."""


class UpdateRefused(SearchAppError):
    """An update that would remove every indexed article (an empty or mistyped source)."""


class ReindexStopped(IndexingError):
    """A reindex stopped by a signal; the live index was left as it was."""


class InvalidRequest(SearchAppError):
    """A search request the caller must change; ``code`` is machine-readable."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


class NotFound(SearchAppError):
    """No document with this id, or no speaker with this name."""

    def __init__(self, name, what="document"):
        super().__init__(f"no {what} with id {name!r}" if what == "document" else f"no {what} named {name!r}")
        self.code = "not_found"
        self.message = str(self)


class IndexCorrupt(SearchAppError):
    """A generation whose files do not match its manifest, or cannot be read.

    ``file`` names the damaged file (relative to the generation), when one is to blame.
    """

    def __init__(self, message, file=""):
        super().__init__(message)
        self.file = file
