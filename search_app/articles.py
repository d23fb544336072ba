"""The ``Article`` record and the readers for each source format.

A source is a directory (``.txt`` and ``.md`` files, read recursively: first
non-empty line the title, the rest the body), a single such file, or a
``.jsonl`` / ``.jsonl.gz`` file with one object per line (``id``, ``title``,
``body``, optional ``url``, ``date``, ``source``).

Readers never raise on bad content: they yield a :class:`Skipped` with the
path and the reason, and go on with the rest. Only regular files are read
(FIFOs, sockets and devices are skipped without being opened), and never
more than :data:`MAX_ARTICLE_BYTES` of one article. Paths are resolved, so
an article's origin is the same however its source was spelled.
"""

import functools
import gzip
import hashlib
import json
import os
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError
from .text import nfc

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a news article is a few KB; 2 MB is not one


@dataclass
class Article:
    """One article as read from a source, text in NFC, nothing extracted yet."""

    id: str
    title: str
    body: str
    origin: str  # the file it came from (one file may hold many articles)
    url: str = ""
    date: str = ""
    source: str = ""
    line: int = 0  # its line in a .jsonl origin, for messages

    @property
    def where(self):
        return f"{self.origin}:{self.line}" if self.line else self.origin

    @property
    def fingerprint(self):
        """A digest of the article's id and content: what the index derives from it."""
        digest = hashlib.sha1()
        for part in (self.id, self.title, self.body, self.url, self.date, self.source):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()


@dataclass
class Skipped:
    """Something a reader could not turn into an article, and why."""

    origin: str  # for messages: a path, or path:line
    reason: str
    file: str = ""  # the file or folder whose articles it stands for, when ``origin`` names a line

    def __post_init__(self):
        self.file = self.file or self.origin


def read_sources(sources):
    """Check ``sources`` and return an iterator of :class:`Article` and :class:`Skipped`.

    Raises :class:`SourceError` at once, before anything is read, if a source
    does not exist or is of a kind we cannot read. An id seen twice is
    skipped the second time.
    """
    paths = []
    for source in sources:
        path = Path(source)
        try:
            mode = path.stat().st_mode
        except OSError:
            raise SourceError(f"source not found: {path}") from None
        if not (stat.S_ISDIR(mode) or _is_jsonl(path) or path.suffix in TEXT_SUFFIXES):
            raise SourceError(
                f"cannot read {path}: a source is a directory, a .txt/.md file or a .jsonl/.jsonl.gz file"
            )
        if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
            raise SourceError(f"cannot read {path}: not a regular file ({_kind(mode)})")
        paths.append(path.resolve())
    return _read_all(paths)


def _read_all(paths):
    seen = set()
    for path in paths:
        if path.is_dir():
            items = read_directory(path)
        elif _is_jsonl(path):
            items = read_jsonl(path)
        else:
            items = [read_text_file(path, path.stem)]
        for item in items:
            if isinstance(item, Article):
                if item.id in seen:
                    item = Skipped(item.where, f"duplicate id {item.id!r}", item.origin)
                else:
                    seen.add(item.id)
            yield item


def _is_jsonl(path):
    return path.name.endswith(JSONL_SUFFIXES)


def read_directory(root):
    """Yield the articles of every ``.txt``/``.md`` file below ``root``, sorted by path.

    A folder that cannot be listed is a :class:`Skipped` standing for everything below it.
    """
    unreadable = []
    walk = os.walk(root, onerror=unreadable.append)
    while True:
        entry = next(walk, None)
        while unreadable:
            error = unreadable.pop(0)
            yield Skipped(error.filename, f"unreadable folder: {error.strerror or error}")
        if entry is None:
            return
        dirpath, dirnames, filenames = entry
        dirnames.sort()
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(TEXT_SUFFIXES):
                continue
            path = Path(dirpath) / name
            doc_id = path.relative_to(root).with_suffix("").as_posix()
            yield read_text_file(path, doc_id)


def read_text_file(path, doc_id):
    """Read one text article: first non-empty line the title, the rest the body."""
    data = _read_regular_file(path)
    if isinstance(data, Skipped):
        return data
    text, problem = decode(data)
    if problem:
        return Skipped(str(path), problem)
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines[0].strip() if lines else ""
    body = "\n".join(lines[1:]).strip()
    return Article(id=doc_id, title=title, body=body, origin=str(path))


def http_url(url):
    """``url`` trimmed when it is an http or https address, else "" (never a ``javascript:`` link).

    >>> http_url("  HTTPS://vnexpress.net/a "), http_url("javascript:alert(1)")
    ('HTTPS://vnexpress.net/a', '')
    """
    url = url.strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def _stat(path):
    return os.stat(path)  # follows symbolic links: what would be read


def _read_regular_file(path):
    """The bytes of ``path``, or a :class:`Skipped` saying why not.

    What is not a regular file is never opened; a file is read up to
    :data:`MAX_ARTICLE_BYTES` whatever its size said.
    """
    try:
        mode = _stat(path).st_mode
        if not stat.S_ISREG(mode):
            return Skipped(str(path), f"not a regular file ({_kind(mode)})")
        # Non-blocking: a FIFO put in the file's place since the stat cannot hang the read.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return Skipped(str(path), "vanished while the reindex ran")
    except OSError as exc:
        return Skipped(str(path), f"unreadable: {exc.strerror or exc}")
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return Skipped(str(path), f"not a regular file ({_kind(info.st_mode)})")
            if info.st_size > MAX_ARTICLE_BYTES:
                return Skipped(str(path), f"too large ({info.st_size:,} bytes, limit {MAX_ARTICLE_BYTES:,})")
            data = handle.read(MAX_ARTICLE_BYTES + 1)
        except OSError as exc:
            return Skipped(str(path), f"unreadable: {exc.strerror or exc}")
    if len(data) > MAX_ARTICLE_BYTES:
        return Skipped(str(path), f"too large (over {MAX_ARTICLE_BYTES:,} bytes)")
    return data


def _kind(mode):
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return kind
    return "not a file"


def decode(data):
    """Return ``(text, None)`` for good article bytes, ``(None, reason)`` otherwise."""
    if b"\0" in data:
        return None, "binary file (contains NUL bytes)"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, f"invalid UTF-8 at byte {exc.start}"
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return None, "empty file"
    return text, None


def read_jsonl(path):
    """Yield one article per line of a ``.jsonl`` or ``.jsonl.gz`` file."""
    opener = gzip.open if path.name.endswith(".gz") else open
    lineno = 0
    try:
        with opener(path, "rb") as handle:
            while raw := handle.readline(MAX_ARTICLE_BYTES + 1):
                lineno += 1
                if len(raw) > MAX_ARTICLE_BYTES:
                    while raw and not raw.endswith(b"\n"):  # the rest of the line, a block at a time
                        raw = handle.readline(1 << 20)
                    yield Skipped(
                        f"{path}:{lineno}", f"too large (over {MAX_ARTICLE_BYTES:,} bytes)", str(path)
                    )
                elif raw.strip():
                    yield _jsonl_article(path, lineno, raw)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(f"{path}:{lineno + 1}", f"unreadable, stopped here: {exc}", str(path))


def _jsonl_article(path, lineno, raw):
    skipped = functools.partial(Skipped, f"{path}:{lineno}", file=str(path))
    text, problem = decode(raw)
    if problem:
        return skipped(problem)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return skipped(f"invalid JSON: {exc.msg}")
    if not isinstance(record, dict):
        return skipped("not a JSON object")
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return skipped("missing or empty 'id'")
    values = {}
    for key in ("title", "body", "url", "date", "source"):
        value = record.get(key) or ""
        if not isinstance(value, str):
            return skipped(f"'{key}' is not a string")
        values[key] = nfc(value).strip()
    if not values["title"] and not values["body"]:
        return skipped("no title and no body")
    values["url"] = http_url(values["url"])
    return Article(id=doc_id.strip(), origin=str(path), line=lineno, **values)
