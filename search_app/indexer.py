"""Build and update the index from sources, atomically.

Layout of an index directory::

    index/
      CURRENT              name of the live generation (replaced atomically)
      generations/<name>/  one complete Whoosh index per generation
      reindex.lock         held by the reindex that is running

A reindex writes a new generation beside the live one and then replaces
``CURRENT`` with ``os.replace``, so readers see the old index or the new one,
never a half-built one. A run that fails or is killed leaves ``CURRENT``
untouched; its partial generation is removed by the next run. The previous
generation is kept, so a server still reading it is not cut off.

An update (the default) starts the new generation as a copy of the live one
and re-analyses only the articles whose fingerprint changed; ``full=True``
analyses everything.
"""

import errno
import fcntl
import json
import os
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.multiproc import MpWriter
from whoosh.writing import SegmentWriter

from .accents import MODEL_DIR, AccentCounter, AccentModel
from .analysis import load_model
from .articles import Article, read_sources
from .complete import PHRASES_FILE, PhraseCounter
from .errors import IndexingError, IndexMissing, ReindexBusy
from .extract import extract
from .segfiles import install as read_segments_with_pread
from .ranking import ARRAYS_DIR, write_arrays
from .schema import SCHEMA_VERSION, TEXT_FIELDS, make_schema, stored_to_document, to_document

read_segments_with_pread()


def _storage(path):
    """Whoosh's storage for directory ``path``, its segment files read with ``pread`` (see segfiles)."""
    return FileStorage(str(path), supports_mmap=False)


def open_index(path):
    """The Whoosh index in directory ``path``."""
    return _storage(path).open_index()


# Articles handed to a writer process at a time (Whoosh queues at most four
# batches per process, so the corpus is never all in memory).
BATCH = 64
WRITER_MB = 256
# Autocomplete offers the words and pairs of each title and the start of each body.
LEAD_CHARS = 300
CURRENT = "CURRENT"
GENERATIONS = "generations"
LOCK = "reindex.lock"
META = "meta.json"


@dataclass
class Summary:
    """What a reindex did, for the CLI to print."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list = field(default_factory=list)  # [(origin, reason)]
    generation: str = ""
    documents: int = 0
    seconds: float = 0.0

    @property
    def indexed(self):
        return self.added + self.updated + self.unchanged


class IndexStore:
    """The generations of one index directory."""

    def __init__(self, path):
        self.path = Path(path)

    # -- reading -----------------------------------------------------------

    def current_name(self):
        """The live generation's name, or None when there is no index."""
        try:
            name = (self.path / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name or None

    def current_stamp(self):
        """A cheap value that changes whenever ``CURRENT`` is replaced."""
        try:
            st = os.stat(self.path / CURRENT)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def open_current(self):
        """Return ``(name, whoosh index)`` of the live generation."""
        name = self.current_name()
        if name is None:
            raise IndexMissing(
                f"no index at {self.path}: run 'search-app reindex SOURCE --index {self.path}'"
            )
        return name, open_index(self.path / GENERATIONS / name)

    def meta(self, name):
        try:
            return json.loads((self.path / GENERATIONS / name / META).read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            return {}

    def exists(self):
        return self.current_name() is not None

    # -- writing -----------------------------------------------------------

    def reindex(self, sources, full=False, progress=None, jobs=None):
        """Index ``sources`` into a new generation and make it live.

        ``progress`` is called with each article or skip as it is read.
        ``jobs`` processes analyse articles (default: one per core).
        Returns a :class:`Summary`. Raises :class:`ReindexBusy` when another
        run holds the lock and :class:`~search_app.articles.SourceError` for
        a source that cannot be read at all; in both cases nothing changes.
        """
        started = time.monotonic()
        self.path.mkdir(parents=True, exist_ok=True)
        with open(self.path / LOCK, "a+") as lock:
            try:
                # A POSIX lock belongs to this process alone: the writer
                # processes it forks do not hold it after it dies.
                fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise ReindexBusy(
                        f"another reindex is running on {self.path}; wait for it to finish"
                    ) from None
                raise
            self._remove_stale_generations(keep=self.current_name())
            summary = self._build(sources, full, progress, jobs or default_jobs())
            summary.seconds = time.monotonic() - started
            return summary

    def _build(self, sources, full, progress, jobs):
        items = read_sources(sources)  # raises SourceError before anything is written
        previous = self.current_name()
        if previous and (
            self.meta(previous).get("schema_version") != SCHEMA_VERSION
            or not (self.path / GENERATIONS / previous / MODEL_DIR).is_dir()
        ):
            # An index from another version, or without an accent model to
            # update, cannot be updated in place.
            full = True
        name = time.strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)
        target = self.path / GENERATIONS / name
        known = self._known(previous) if previous else {}
        update = bool(previous) and not full

        def new_writer():
            """A writer on the new generation, made when the first change is found."""
            if update:
                # Derived files are written afresh for each generation.
                shutil.copytree(
                    self.path / GENERATIONS / previous, target,
                    ignore=shutil.ignore_patterns(ARRAYS_DIR, MODEL_DIR, PHRASES_FILE),
                )
                return _writer(open_index(target), jobs)
            target.mkdir(parents=True)
            return _writer(_storage(target).create_index(make_schema()), jobs)

        summary = Summary(generation=name)
        seen = set()
        replaced = []  # ids of the articles that changed since the previous generation
        unreadable = set()  # files with something that could not be read
        # The accent model learns from the articles indexed: an update takes
        # the previous generation's counts, removes the old versions of what
        # changed and adds the new. Autocomplete counts every article read.
        accents = AccentCounter(
            AccentModel.load(self.path / GENERATIONS / previous / MODEL_DIR) if update else None
        )
        phrases = PhraseCounter()

        def changed():
            """The articles to analyse; counts the rest in ``summary``."""
            for item in items:
                if progress:
                    progress(item)
                if not isinstance(item, Article):
                    summary.skipped.append((item.origin, item.reason))
                    unreadable.add(item.file)
                    continue
                seen.add(item.id)
                phrases.add(item.title)
                phrases.add(item.body[:LEAD_CHARS])
                old, _ = known.get(item.id, (None, None))
                if old == item.fingerprint:
                    summary.unchanged += 1
                    if not full:
                        continue
                elif old is None:
                    summary.added += 1
                else:
                    summary.updated += 1
                    replaced.append(item.id)
                yield item

        writer = None
        try:
            for article in changed():
                if writer is None:
                    writer = new_writer()
                document = to_document(article, extract(article))
                accents.add_article(document["title"], document["body"])
                # A new generation starts empty and sources never repeat an id.
                (writer.update_document if update else writer.add_document)(**document)
            # Articles missing from a file that could not be read in full keep
            # their previous version: a bad disk or a half-written file must
            # not lose data.
            keep, gone = [], []
            for doc_id, (_, origin) in known.items():
                if doc_id not in seen:
                    (keep if origin in unreadable else gone).append(doc_id)
            summary.removed = len(gone)
            if writer is None and not gone and update:
                # Nothing changed: the live generation stays, as it is.
                summary.generation = previous
                summary.documents = self.meta(previous).get("documents", len(seen) + len(keep))
                return summary
            if writer is None:
                writer = new_writer()
            if update:
                for doc_id in gone:
                    writer.delete_by_term("id", doc_id)
                for old in self._stored(previous, replaced + gone):
                    accents.add_article(old["title"], old["body"], sign=-1)
            elif keep:
                for stored in self._stored(previous, keep):
                    accents.add_article(stored["title"], stored["body"])
                    writer.add_document(**stored)
            writer.commit(optimize=False)
            writer = None
            with open_index(target).searcher() as searcher:
                summary.documents = searcher.doc_count()
                write_arrays(searcher, target / ARRAYS_DIR, TEXT_FIELDS)
            expected = len(seen) + len(keep)
            if summary.documents != expected:
                raise IndexingError(
                    f"the new index has {summary.documents} documents instead of "
                    f"{expected}; the live index is unchanged"
                )
        except BaseException:
            if writer is not None:
                writer.cancel()
            shutil.rmtree(target, ignore_errors=True)
            raise
        accents.model().save(target / MODEL_DIR)
        phrases.save(target / PHRASES_FILE)
        (target / META).write_text(
            json.dumps(
                {"schema_version": SCHEMA_VERSION, "created": time.time(),
                 "documents": summary.documents},
            ),
            encoding="utf-8",
        )
        self._publish(name)
        self._remove_stale_generations(keep=name, also=previous)
        return summary

    def _known(self, name):
        """``{id: (fingerprint, origin)}`` of every document in a generation.

        Read from columns, so the stored bodies are never loaded.
        """
        if self.meta(name).get("schema_version") != SCHEMA_VERSION:
            return {}
        ix = open_index(self.path / GENERATIONS / name)
        with ix.reader() as reader:
            ids, fingerprints, origins = (
                reader.column_reader(name) for name in ("id", "fingerprint", "origin")
            )
            return {ids[n]: (fingerprints[n], origins[n]) for n in reader.all_doc_ids()}

    def _stored(self, name, doc_ids):
        """The documents ``doc_ids`` of a generation, rebuilt from their stored fields."""
        ix = open_index(self.path / GENERATIONS / name)
        with ix.searcher() as searcher:
            return [stored_to_document(searcher.document(id=doc_id)) for doc_id in doc_ids]

    def _publish(self, name):
        tmp = self.path / (CURRENT + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path / CURRENT)
        _fsync_dir(self.path)

    def _remove_stale_generations(self, keep, also=None):
        root = self.path / GENERATIONS
        if not root.is_dir():
            return
        for child in root.iterdir():
            if child.name not in (keep, also):
                shutil.rmtree(child, ignore_errors=True)


def default_jobs():
    """One analysing process per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _writer(ix, jobs):
    if jobs <= 1:
        return ix.writer(limitmb=WRITER_MB)
    load_model()  # once, before the writer processes fork, so they share it
    return ParallelWriter(ix, procs=jobs, batchsize=BATCH, multisegment=True, limitmb=WRITER_MB)


class ParallelWriter(MpWriter):
    """Whoosh's writer with one process per core, made to fail loudly.

    Each process analyses its share of the documents into a segment of its
    own (the segmenter is the cost, so this scales with the cores). Whoosh's
    version waits forever when its processes die and cannot stop them on
    cancel; this one raises and terminates them. A process that dies at the
    very end loses its segment without a word from Whoosh, which is why
    :meth:`IndexStore.reindex` counts the documents before publishing.
    """

    def add_document(self, **fields):
        for task in self.tasks:
            if task.exitcode is not None:
                raise IndexingError(f"an indexing process stopped (exit code {task.exitcode})")
        super().add_document(**fields)

    def cancel(self):
        for task in self.tasks:
            task.terminate()
            task.join()
        SegmentWriter.cancel(self)


def _fsync_dir(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
