"""The exceptions a user can act on; each message says what to do."""


class SearchAppError(Exception):
    """Base class: the CLI prints the message, the API answers it as JSON."""


class SourceError(SearchAppError):
    """A source that cannot be read at all (missing, or of an unknown kind)."""


class IndexMissing(SearchAppError):
    """There is no index at the path yet."""


class ReindexBusy(SearchAppError):
    """Another reindex holds the lock."""


class IndexingError(SearchAppError):
    """A reindex that failed part-way; the live index was left as it was."""
