"""The ``Article`` record and the readers for each source format.

A source is a directory (``.txt`` and ``.md`` files, read recursively: first
non-empty line the title, the rest the body), a single such file, or a
``.jsonl`` / ``.jsonl.gz`` file with one object per line (``id``, ``title``,
``body``, optional ``url``, ``date``, ``source``).

Readers never raise on bad content: they yield a :class:`Skipped` with the
path and the reason, and go on with the rest.
"""

import functools
import gzip
import hashlib
import json
import os
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
        """A digest of everything the index derives from or stores for this article."""
        digest = hashlib.sha1()
        for part in (self.id, self.title, self.body, self.url, self.date, self.source, self.origin):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()


@dataclass
class Skipped:
    """Something a reader could not turn into an article, and why."""

    origin: str  # for messages: a path, or path:line
    reason: str
    file: str = ""  # the file, when ``origin`` names a line of it

    def __post_init__(self):
        self.file = self.file or self.origin


def read_sources(sources):
    """Check ``sources`` and return an iterator of :class:`Article` and :class:`Skipped`.

    Raises :class:`SourceError` at once, before anything is read, if a source
    does not exist or is of a kind we cannot read. An id seen twice is
    skipped the second time.
    """
    paths = [Path(s) for s in sources]
    for path in paths:
        if not path.exists():
            raise SourceError(f"source not found: {path}")
        if not (path.is_dir() or _is_jsonl(path) or path.suffix in TEXT_SUFFIXES):
            raise SourceError(
                f"cannot read {path}: a source is a directory, a .txt/.md file or a .jsonl/.jsonl.gz file"
            )
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
    """Yield the articles of every ``.txt``/``.md`` file below ``root``, sorted by path."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(TEXT_SUFFIXES):
                continue
            path = Path(dirpath) / name
            doc_id = path.relative_to(root).with_suffix("").as_posix()
            yield read_text_file(path, doc_id)


def read_text_file(path, doc_id):
    """Read one text article: first non-empty line the title, the rest the body."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return Skipped(str(path), f"too large ({size:,} bytes, limit {MAX_ARTICLE_BYTES:,})")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(str(path), f"unreadable: {exc.strerror or exc}")
    text, problem = decode(data)
    if problem:
        return Skipped(str(path), problem)
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines[0].strip() if lines else ""
    body = "\n".join(lines[1:]).strip()
    return Article(id=doc_id, title=title, body=body, origin=str(path))


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
            for lineno, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                yield _jsonl_article(path, lineno, raw)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(f"{path}:{lineno + 1}", f"unreadable, stopped here: {exc}", str(path))


def _jsonl_article(path, lineno, raw):
    skipped = functools.partial(Skipped, f"{path}:{lineno}", file=str(path))
    if len(raw) > MAX_ARTICLE_BYTES:
        return skipped(f"too large ({len(raw):,} bytes, limit {MAX_ARTICLE_BYTES:,})")
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
    return Article(id=doc_id.strip(), origin=str(path), line=lineno, **values)
