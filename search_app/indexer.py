"""Build or update an index from sources: read, extract, analyse, write a generation.

:func:`reindex` holds the store's lock, writes a new generation beside the
live one (:mod:`search_app.store`) and publishes it. A run that fails or is
killed leaves the live generation as it was; its partial generation is
removed by the next run.

An update (the default) starts the new generation as a copy of the live one
and re-analyses only the articles whose fingerprint changed; ``full=True``
analyses everything. Analysis runs in one writer process per core.
"""

import ctypes
import multiprocessing
import multiprocessing.queues
import os
import pickle
import queue
import shutil
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.reading import SegmentReader
from whoosh.writing import MERGE_SMALL, SegmentWriter

from .accents import AccentCounter, AccentModel
from .analysis import index_terms_of, load_model
from .articles import Article, read_sources
from .complete import Completer, PhraseCounter, load_phrases
from .errors import IndexCorrupt, IndexingError, ReindexStopped, UpdateRefused
from .extract import Cleaned, clean, facts
from .schema import SCHEMA_VERSION, TEXT_FIELDS, make_schema, stored_to_document, to_document
from .search.postings import Postings
from .search.speakers import speaker_counts
from .store import IndexStore
from .store.arrays import arrays_current, document_strings, write_arrays
from .store.terms import SPILL_PREFIX, SPILL_SUFFIX, SavedSpill, Spill, spill_path, spill_segment

# Articles handed to a writer process at a time (Whoosh queues at most four
# batches per process, so the corpus is never all in memory).
BATCH = 64
# Articles a writer process analyses together: a call to the segmenter costs about
# 0.3 ms of array operations whatever its length, shared by the articles of a call.
# Sixteen at a time: 762 -> 407 us an article's segmenting.
ANALYSED_TOGETHER = 16
WRITER_MB = 256
# Autocomplete offers the words and pairs of each title and the start of each body.
LEAD_CHARS = 300
# A segment whose deleted documents pass this share is rewritten without them.
DELETED_SHARE = 0.2


@dataclass
class Summary:
    """What a reindex did, for the CLI to print."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list = field(default_factory=list)  # [(origin, reason)]
    notes: list = field(default_factory=list)  # what the operator should know, e.g. a damaged index
    generation: str = ""
    documents: int = 0
    seconds: float = 0.0

    @property
    def indexed(self):
        return self.added + self.updated + self.unchanged


def reindex(index_path, sources, full=False, progress=None, jobs=None):
    """Index ``sources`` into a new generation of the index at ``index_path`` and make it live.

    ``progress`` is called with each article or skip as it is read.
    ``jobs`` processes analyse articles (default: one per core).
    Returns a :class:`Summary`. Raises :class:`~search_app.errors.ReindexBusy`
    when another run holds the lock, :class:`~search_app.errors.SourceError`
    for a source that cannot be read at all,
    :class:`~search_app.errors.UpdateRefused` when an update would remove
    every indexed article (the sources share none of them), and
    :class:`~search_app.errors.ReindexStopped` when SIGTERM, SIGHUP or SIGINT
    stops it (in the main thread); in each case the live index is unchanged
    and no writer process is left running.
    """
    started = time.monotonic()
    store = IndexStore(index_path)
    summary = Summary()
    with store.lock(), _stop_signals() as stop:
        for name in store.prune():
            summary.notes.append(f"removed generation {name}, left unfinished by a reindex that was stopped")
        _build(store, sources, full, progress, jobs or default_jobs(), summary, stop)
    summary.seconds = time.monotonic() - started
    return summary


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


class StopSignals:
    """SIGTERM, SIGHUP and SIGINT, turned into :class:`ReindexStopped` in the reindex's thread.

    The exception is raised where the signal lands, unwinding through the
    writer's cancel and the removal of the unfinished generation, except
    inside :meth:`held`: Python's multiprocessing queues and conditions are
    not safe against an exception raised between two of their statements (a
    notification lost that way left a queue's feeder thread waiting, and the
    exit joining it, forever). There the signal is noted and raised when the
    block ends. Only the first signal counts: the cleanup it starts is not
    interrupted, and once :meth:`finishing` is called none counts.
    """

    def __init__(self):
        self.name = None  # of the signal that stopped the reindex
        self._held = 0
        self._finishing = False

    def handle(self, signum, frame):
        if self.name is None and not self._finishing:
            self.name = signal.Signals(signum).name
            if not self._held:
                self.check()

    def check(self):
        """Raise :class:`ReindexStopped` if a stop signal came (and was noted, or lost in a finaliser)."""
        if self.name is not None:
            raise ReindexStopped(f"the reindex was stopped by {self.name}; the live index is unchanged")

    @contextmanager
    def held(self, check=True):
        """A block no stop signal interrupts; one that came is raised when it ends (unless not ``check``)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
        if check:
            self.check()

    def finishing(self):
        """The new generation is being published: a stop signal from now on is too late to undo it."""
        self.check()
        self._finishing = True


@contextmanager
def _stop_signals():
    """The :class:`StopSignals` of a reindex, handling the signals while it runs in the main thread."""
    stop = StopSignals()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    previous = {sig: signal.signal(sig, stop.handle) for sig in STOP_SIGNALS}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _build(store, sources, full, progress, jobs, summary, stop):
    items = read_sources(sources)  # raises SourceError before anything is written
    previous = _live_generation(store, summary)
    if previous and (
        previous.manifest().get("schema_version") != SCHEMA_VERSION
        or not arrays_current(previous.arrays)
        or not previous.accents.is_dir()
        or not previous.phrase_counts.exists()
    ):
        # An index from another version (of the analysis, or of the arrays'
        # format), or without an accent model or phrase counts to update,
        # cannot be updated in place.
        full = True
    previous_ids, known = _known(previous) if previous else ([], {})
    update = bool(previous) and not full
    target = None

    def new_writer():
        """A writer on the new generation, made when the first change is found."""
        nonlocal target
        if update:
            target = store.new_generation(copy_of=previous)
            return _writer(target.open_whoosh(), jobs, stop)
        target = store.new_generation()
        return _writer(target.create_whoosh(make_schema()), jobs, stop)

    seen = set()
    replaced = []  # ids of the articles that changed since the previous generation
    unreadable = set()  # files with something that could not be read
    # The accent model and autocomplete's phrases learn from the articles
    # indexed: an update takes the previous generation's counts, removes the
    # old versions of what changed and adds the new.
    accents = AccentCounter(AccentModel.load(previous.accents) if update else None)
    phrases = PhraseCounter.load(previous.phrase_counts) if update else PhraseCounter()

    def learn(title, body, sign=1):
        """Count a document's title and body into the accent model and the phrases (``sign=-1``: take it out)."""
        accents.add_article(title, body, sign)
        phrases.add(f"{title}\n{body[:LEAD_CHARS]}", sign)  # no phrase spans a line

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
            stop.check()
            if writer is None:
                writer = new_writer()
            pending = Pending.of(article)
            learn(pending.title, pending.cleaned.body)
            # A new generation starts empty and sources never repeat an id.
            (writer.update_document if update else writer.add_document)(id=article.id, pending=pending)
        # Articles missing from a file that could not be read in full keep
        # their previous version: a bad disk or a half-written file must
        # not lose data.
        keep, gone = [], []
        for doc_id, (_, origin) in known.items():
            if doc_id not in seen:
                (keep if _within(origin, unreadable) else gone).append(doc_id)
        summary.removed = len(gone)
        if update and known and len(gone) == len(known):
            raise UpdateRefused(
                f"the sources hold none of the {len(known)} articles in the index, so this update would "
                "remove them all; the live index is unchanged. Check the source path, or run with "
                "--full to replace the index with what the sources hold"
            )
        if writer is None and not gone and update:
            # Nothing changed: the live generation stays, as it is.
            summary.generation = previous.name
            summary.documents = previous.manifest().get("documents", len(seen) + len(keep))
            return summary
        if writer is None:
            writer = new_writer()
        if update:
            for doc_id in gone:
                writer.delete_by_term("id", doc_id)
            for old in _stored(previous, replaced + gone):
                learn(old["title"], old["body"], sign=-1)
        elif keep:
            for stored in _stored(previous, keep):
                learn(stored["title"], stored["body"])
                writer.add_document(**stored)
        # Every article is counted: the accent model and the phrases are saved
        # (and their counts freed) while the writer processes finish.
        accents.model().save(target.accents)
        phrases.save(target.phrases, target.phrase_counts)
        accents = phrases = None
        writer.commit(mergetype=_merge_policy)
        writer = None
        spills = _take_spills(target.path)
        with target.open_whoosh().searcher() as searcher:
            summary.documents = searcher.doc_count()
            before = (previous.arrays, previous_ids) if update else None
            write_arrays(searcher.reader(), target.arrays, TEXT_FIELDS, spills, before)
            _write_completions(target, searcher)
        expected = len(seen) + len(keep)
        if summary.documents != expected:
            raise IndexingError(
                f"the new index has {summary.documents} documents instead of "
                f"{expected}; the live index is unchanged"
            )
        stop.finishing()
    except BaseException:
        with stop.held(check=False):
            if writer is not None:
                writer.cancel()
            if target is not None:
                store.discard(target)
        raise
    store.publish(target, SCHEMA_VERSION, summary.documents)
    summary.generation = target.name
    return summary


def _write_completions(generation, searcher):
    """Autocomplete's completions, from the generation's phrases and its speakers, saved in it."""
    speakers = speaker_counts(Postings(searcher, TEXT_FIELDS, generation.arrays))
    Completer.build(load_phrases(generation.phrases), speakers).save(generation.completions)


def _live_generation(store, summary):
    """The live generation to update, or None: none yet, or damaged (then noted in ``summary``).

    A generation written before manifests existed is returned: its schema
    version differs, so it is rebuilt in full.
    """
    if not store.exists():
        return None
    try:
        previous = store.current()
        if previous.manifest():
            previous.verify(checksums=True)
    except IndexCorrupt as exc:
        summary.notes.append(f"{exc}; the index is rebuilt in full from the sources")
        return None
    return previous


def _within(origin, unreadable):
    """Whether ``origin`` is one of the ``unreadable`` files, or below one of its folders."""
    return any(origin == path or origin.startswith(path.rstrip(os.sep) + os.sep) for path in unreadable)


def _known(generation):
    """``(the id of each document number, {id: (fingerprint, origin)} of the live documents)`` of a generation.

    Read from columns, so the stored bodies are never loaded. Empty for a
    generation of another schema version, which is not updated.
    """
    if generation.manifest().get("schema_version") != SCHEMA_VERSION:
        return [], {}
    with generation.open_whoosh().reader() as reader:
        if reader.doc_count_all() == 0:
            return [], {}  # no segment, so no columns to read
        ids, fingerprints, origins = (
            list(reader.column_reader(name)) for name in ("id", "fingerprint", "origin")
        )
        return ids, {ids[n]: (fingerprints[n], origins[n]) for n in reader.all_doc_ids()}


def _take_spills(folder):
    """``{segment id: SavedSpill}`` of the writers' spills in a generation, removed from it once read."""
    spills = {}
    for path in sorted(folder.glob(f"{SPILL_PREFIX}*{SPILL_SUFFIX}")):
        spills[spill_segment(path)] = SavedSpill(path, TEXT_FIELDS)
        shutil.rmtree(path)  # its arrays stay mapped until they are let go
    return spills


def _stored(generation, doc_ids):
    """The documents ``doc_ids`` of a generation, rebuilt from their stored fields."""
    with generation.open_whoosh().searcher() as searcher:
        return [stored_to_document(searcher.document(id=doc_id)) for doc_id in doc_ids]


def _merge_policy(writer, segments):
    """Whoosh's merge of small segments, and of any segment with over :data:`DELETED_SHARE` deleted.

    An update deletes the old versions of what changed; without this, their
    postings stayed in the index until a small-segment merge happened to
    reach them, and repeated updates grew it to over twice a rebuild.
    """
    kept = []
    for segment in segments:
        if segment.deleted_count() > DELETED_SHARE * segment.doc_count_all():
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        else:
            kept.append(segment)
    return MERGE_SMALL(writer, kept)


def default_jobs():
    """One analysing process per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _writer(ix, jobs, stop):
    if jobs <= 1:
        return SpillingWriter(ix, limitmb=WRITER_MB)
    load_model()  # once, before the writer processes fork, so they share it
    return ParallelWriter(ix, stop, procs=jobs, batchsize=BATCH, multisegment=True, limitmb=WRITER_MB)


class SpillingWriter(SegmentWriter):
    """Whoosh's segment writer, analysing each text field once into a spill instead of into Whoosh.

    Whoosh gets the stored fields and the fields filters read; each text
    field's :func:`~search_app.analysis.index_terms` go to a
    :class:`~search_app.store.terms.Spill`, saved beside the segment when it
    is finished, for :func:`~search_app.store.arrays.write_arrays`.
    """

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.spill = Spill(TEXT_FIELDS)
        _without_length_stats(self)

    def add_document(self, **fields):
        self.add_documents([fields])

    def add_documents(self, documents):
        """Add ``documents`` (each the fields :meth:`add_document` takes) in order, their texts analysed in one call."""
        documents = [fields["pending"].document() if "pending" in fields else fields for fields in documents]
        analysed = index_terms_of([fields.get(name) or "" for fields in documents for name in TEXT_FIELDS])
        for n, fields in enumerate(documents):
            terms = analysed[n * len(TEXT_FIELDS) : (n + 1) * len(TEXT_FIELDS)]
            super().add_document(**{name: value for name, value in fields.items() if name in self.schema})
            self.spill.add(
                fields["id"],
                {name: (field.syllables, field.others) for name, field in zip(TEXT_FIELDS, terms)},
                document_strings(fields.get("title") or "", fields.get("body") or ""),
            )

    def _finalize_segment(self):
        if len(self.spill):
            self.spill.save(spill_path(Path(self.storage.folder), self.newsegment.segment_id()))
        return super()._finalize_segment()


def _without_length_stats(writer):
    """Have ``writer`` write its segment without the field lengths' statistics that Whoosh's scoring reads.

    No field Whoosh holds is scored (the text fields' postings are in the
    arrays), so every length is 0; looking one up stats a file that is not
    there, once for each posting: 126,000 stats and a third of a segment's
    finishing at 8,000 articles.
    """
    if not any(writer.schema[name].scorable for name in writer.schema.names()):
        writer.codec.length_stats = False


@dataclass(frozen=True)
class Pending:
    """An article on its way to a writer: its text cleaned, its facts still to find.

    The reindex's own process cleans each article (it counts the clean text
    into the accent model and the phrases, in the order of the sources); the
    writer processes find the facts (:func:`~search_app.extract.facts`, most
    of extraction's cost) while they analyse.
    """

    id: str
    fingerprint: str
    origin: str
    cleaned: Cleaned

    @classmethod
    def of(cls, article):
        return cls(article.id, article.fingerprint, article.origin, clean(article))

    @property
    def title(self):
        """The title the document stores: none when it was made up."""
        return "" if self.cleaned.title_derived else self.cleaned.title

    def document(self):
        return to_document(self, facts(self.cleaned))


class ParallelWriter(MpWriter):
    """Whoosh's writer with one process per core, made to fail loudly and to stop safely.

    Each process analyses its share of the documents into a segment of its
    own (the segmenter is the cost, so this scales with the cores). Whoosh's
    version waits forever when its processes die and cannot stop them on
    cancel; this one raises and kills them. Starting and stopping the
    processes and putting jobs on their queue are :meth:`StopSignals.held`.
    A process that dies at the very end loses its segment without a word
    from Whoosh, which is why :func:`reindex` counts the documents before
    publishing.
    """

    def __init__(self, ix, stop, **kwargs):
        super().__init__(ix, **kwargs)
        _without_length_stats(self)  # for the segments an update merges
        self.stop = stop
        self.jobqueue = JobQueue(self.procs * 4, self._check_tasks, stop)

    def add_document(self, **fields):
        self._check_tasks()
        super().add_document(**fields)

    def _check_tasks(self):
        """Raise :class:`IndexingError` if a writer process stopped before it was told to."""
        for task in self.tasks:
            if task.exitcode not in (None, 0):
                how = (
                    f"was killed ({signal.Signals(-task.exitcode).name})"
                    if task.exitcode < 0
                    else f"stopped (exit code {task.exitcode})"
                )
                raise IndexingError(f"an indexing process {how}; the live index is unchanged")

    def _new_task(self):
        task = WriterTask(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        with self.stop.held():  # a process forked but not yet known to multiprocessing could not be killed
            task.start()  # then listed: cancel kills every process listed, and a process that failed to start is none
            self.tasks.append(task)
        return task

    def cancel(self):
        # SIGKILL, not SIGTERM: a SIGTERM that arrives between a process's fork
        # and its resetting the reindex's handlers is lost, and join would wait forever.
        with self.stop.held(check=False):
            for task in self.tasks:
                task.kill()
                task.join()
            SegmentWriter.cancel(self)


class JobQueue(multiprocessing.queues.Queue):
    """The writer processes' job queue, whose put no stop signal interrupts and which does not wait forever.

    While it waits for room it checks every :data:`ROOM_WAIT` seconds that
    the processes are alive (``check_tasks`` raises if not: the kernel may
    kill them) and whether a stop signal was noted.
    """

    def __init__(self, maxsize, check_tasks, stop):
        super().__init__(maxsize, ctx=multiprocessing.get_context())
        self._check_tasks = check_tasks
        self._stop = stop

    def put(self, job):
        with self._stop.held():
            while True:
                try:
                    return super().put(job, timeout=ROOM_WAIT)
                except queue.Full:
                    self._check_tasks()
                    self._stop.check()


ROOM_WAIT = 0.1


class WriterTask(SubWriterTask):
    """Whoosh's writer process, made to end with the reindex that started it.

    It leaves the reindex's stop signals to the reindex (which kills it),
    and dies with it when the reindex itself is killed: the kernel sends it
    SIGKILL when its parent dies (Linux), and a watchdog thread checks the
    parent every second where that is not available.
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.parent = os.getpid()

    def run(self):
        """Whoosh's loop, with a :class:`SpillingWriter` (each process writes a segment of its own)."""
        for sig in STOP_SIGNALS:
            signal.signal(sig, signal.SIG_IGN if sig == signal.SIGINT else signal.SIG_DFL)
        _die_with_parent(self.parent)
        self.writer = SpillingWriter(self.storage.open_index(self.indexname), _lk=False, **self.kwargs)
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        fieldnames = self.writer.pool.fieldnames
        self.resultqueue.put((None, fieldnames, self.writer._finalize_segment()), timeout=5)

    def _process_file(self, filename, doc_count):
        """Whoosh's, with the job's articles analysed :data:`ANALYSED_TOGETHER` at a time."""
        storage = self.writer.temp_storage()
        with storage.open_file(filename).raw_file() as f:
            documents = []
            for _ in range(doc_count):
                code, fields = pickle.load(f)
                if code != 0:  # the parent only ever queues documents to add
                    raise IndexingError(f"a job held command {code!r}, not a document to add")
                documents.append(fields)
        for start in range(0, len(documents), ANALYSED_TOGETHER):
            self.writer.add_documents(documents[start : start + ANALYSED_TOGETHER])
        storage.delete_file(filename)


PR_SET_PDEATHSIG = 1


def _die_with_parent(parent):
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the watchdog below is enough

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    if os.getppid() != parent:  # the parent died before the death signal was set
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()
