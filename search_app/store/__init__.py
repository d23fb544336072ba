"""The index on disk as one thing: its generations, the live one, the lock, the manifests.

Layout of an index directory::

    index/
      CURRENT                     name of the live generation (replaced atomically)
      generations/<name>/         one generation: Whoosh's files and the parts derived from them
        arrays/                   posting arrays (:mod:`search_app.store.arrays`)
        accents/                  the accent model (:mod:`search_app.accents`)
        phrases.json.gz           autocomplete phrases (:mod:`search_app.complete`)
        completions/              autocomplete's completions: the phrases and the speakers' names, sorted
        phrase-counts.json.gz     every phrase's count, which the next update adjusts
        manifest.json             every file above with its size and SHA-256, the schema version
        verified.json             which files a full check on this host found whole (not listed)
      reindex.lock                held by the reindex that is running

A writer builds a new generation beside the live one and :meth:`IndexStore.publish`
makes it live: the manifest is written, every file and directory fsync'd, then
``CURRENT`` replaced with ``os.replace``, so a reader sees the old generation or
the new one, never a half-written one. The previous generation is kept, so a
server still reading it is not cut off; older ones are pruned.

The indexer and the search side find a generation and its parts through this module alone.
"""

import errno
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from ..errors import IndexCorrupt, IndexMissing, ReindexBusy
from . import segfiles

segfiles.install()

CURRENT = "CURRENT"
GENERATIONS = "generations"
LOCK = "reindex.lock"
MANIFEST = "manifest.json"
# The parts of a generation derived from its Whoosh index.
ARRAYS_DIR = "arrays"
ACCENTS_DIR = "accents"
PHRASES_FILE = "phrases.json.gz"
PHRASE_COUNTS_FILE = "phrase-counts.json.gz"
COMPLETIONS_DIR = "completions"
DERIVED = (ARRAYS_DIR, ACCENTS_DIR, PHRASES_FILE, PHRASE_COUNTS_FILE, COMPLETIONS_DIR)
# What a full check on this host found (not part of the generation, never copied or listed).
VERIFIED = "verified.json"
# Whoosh's writer lock: an empty file, not index data.
WHOOSH_LOCK = "*_WRITELOCK"
DEFAULT_PATH = "index"


def default_index_path():
    """The index path: ``$SEARCH_APP_INDEX``, else ``index/``."""
    return os.environ.get("SEARCH_APP_INDEX") or DEFAULT_PATH


@dataclass(frozen=True)
class Generation:
    """One generation directory of an index."""

    name: str
    path: Path

    @property
    def arrays(self):
        return self.path / ARRAYS_DIR

    @property
    def accents(self):
        return self.path / ACCENTS_DIR

    @property
    def phrases(self):
        return self.path / PHRASES_FILE

    @property
    def phrase_counts(self):
        return self.path / PHRASE_COUNTS_FILE

    @property
    def completions(self):
        return self.path / COMPLETIONS_DIR

    def open_whoosh(self):
        """The generation's Whoosh index, its segment files read with ``pread``."""
        return _storage(self.path).open_index()

    def create_whoosh(self, schema):
        """A new, empty Whoosh index in this generation's directory."""
        return _storage(self.path).create_index(schema)

    def manifest(self):
        """The manifest :meth:`IndexStore.publish` wrote, or ``{}`` (none, unreadable, or not its checksum)."""
        try:
            manifest = json.loads((self.path / MANIFEST).read_text("utf-8"))
            checksum = manifest.pop("checksum")
        except (OSError, ValueError, AttributeError, KeyError):
            return {}
        return manifest if checksum == _manifest_checksum(manifest) else {}

    def verify(self, checksums=True):
        """Check every file the manifest lists: there, of its size and (``checksums``) its SHA-256.

        Returns the manifest; raises :class:`IndexCorrupt` naming the first
        file that fails. Sizes cost a ``stat`` a file; checksums read everything.
        """
        if not self.path.is_dir():
            raise IndexCorrupt(f"generation {self.name} is missing: run 'search-app reindex SOURCE --full'")
        manifest = self.manifest()
        if not manifest:
            raise IndexCorrupt(
                f"generation {self.name}: {MANIFEST} is missing or damaged: run 'search-app reindex SOURCE --full'",
                MANIFEST,
            )
        for name, expected in manifest["files"].items():
            path = self.path / name
            try:
                size = path.stat().st_size
            except OSError as exc:
                raise IndexCorrupt(
                    f"generation {self.name}: {name} cannot be read ({exc.strerror})", name
                ) from None
            if size != expected["size"]:
                raise IndexCorrupt(
                    f"generation {self.name}: {name} is {size} bytes, the manifest says {expected['size']}",
                    name,
                )
            if checksums and _sha256(path) != expected["sha256"]:
                raise IndexCorrupt(f"generation {self.name}: {name} does not match its checksum", name)
        return manifest

    def verify_on_open(self):
        """:meth:`verify`, reading the checksums only when no full check on this host vouches for the files.

        A server process opening a generation read every byte of it (4.3 s
        at 179k articles, in each process, for every generation). After a
        full check passes, each file's inode, size, modification and change
        times are recorded in :data:`VERIFIED`; a later open whose files all
        still have them checks sizes only. Writing a file, renaming one in,
        linking or touching it changes its change time (which no tool can set
        back), so the files are read again. Where the record cannot be
        written, every open checks in full, as before.
        """
        manifest = self.verify(checksums=False)
        identity = self._identity(manifest)  # taken before the check: a change during it shows next time
        record = self.path / VERIFIED
        try:
            if json.loads(record.read_text(encoding="utf-8")) == identity:
                return manifest
        except (OSError, ValueError):
            pass  # none yet, or unreadable: check in full
        self.verify(checksums=True)
        written = record.with_name(f"{VERIFIED}.{os.getpid()}.tmp")
        try:
            written.write_text(json.dumps(identity), encoding="utf-8")
            os.replace(written, record)
        except OSError:
            pass  # a read-only index is checked in full at every open
        return manifest

    def _identity(self, manifest):
        """What says a generation's files are the ones a check found whole."""
        files = {}
        for name in manifest["files"]:
            st = (self.path / name).stat()
            files[name] = [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]
        return {"manifest": manifest.get("checksum"), "files": files}


def _storage(path):
    # Not memory-mapped: segment files are read with pread (see segfiles).
    return FileStorage(str(path), supports_mmap=False)


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

    def exists(self):
        return self.current_name() is not None

    def generation(self, name):
        return Generation(name, self.path / GENERATIONS / name)

    def current(self):
        """The live :class:`Generation`.

        Raises :class:`IndexMissing` when there is none, and :class:`IndexCorrupt`
        when ``CURRENT`` names a generation that is not there.
        """
        name = self.current_name()
        if name is None:
            raise IndexMissing(
                f"no index at {self.path}: run 'search-app reindex SOURCE --index {self.path}'"
            )
        generation = self.generation(name)
        if "/" in name or name in (".", "..") or not generation.path.is_dir():
            raise IndexCorrupt(
                f"{self.path / CURRENT} names generation {name!r}, which is not there: "
                f"run 'search-app reindex SOURCE --index {self.path} --full'",
                CURRENT,
            )
        return generation

    # -- writing -----------------------------------------------------------

    @contextmanager
    def lock(self):
        """Hold the reindex lock; raises :class:`ReindexBusy` at once when another run holds it."""
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
            yield

    def new_generation(self, copy_of=None):
        """A new, unpublished generation: empty, or holding ``copy_of``'s Whoosh files.

        The files are hard links, not copies: Whoosh never changes a file it
        has written (a commit writes new segments and a new table of
        contents), so both generations can share them. Derived files and the
        manifest are written afresh for each generation.
        """
        generation = self.generation(time.strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3))
        generation.path.mkdir(parents=True)
        for source in copy_of.path.iterdir() if copy_of else ():
            if _generation_file(source) and source.name not in (*DERIVED, MANIFEST):
                try:
                    os.link(source, generation.path / source.name)
                except OSError:  # a file system without hard links
                    shutil.copy2(source, generation.path / source.name)
        return generation

    def publish(self, generation, schema_version, documents):
        """Make ``generation`` the live one, durably; keep the previous one, prune the rest."""
        previous = self.current_name()
        files = {}
        for path in sorted(p for p in generation.path.rglob("*") if _generation_file(p)):
            files[path.relative_to(generation.path).as_posix()] = _fsync_and_describe(path)
        manifest = {
            "schema_version": schema_version,
            "created": time.time(),
            "documents": documents,
            "files": files,
        }
        manifest["checksum"] = _manifest_checksum(manifest)
        _write_durably(generation.path / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for directory in sorted({p.parent for p in generation.path.rglob("*")} | {generation.path}):
            _fsync_dir(directory)
        _fsync_dir(generation.path.parent)
        _write_durably(self.path / (CURRENT + ".tmp"), generation.name + "\n")
        os.replace(self.path / (CURRENT + ".tmp"), self.path / CURRENT)
        _fsync_dir(self.path)
        self.prune(keep=(generation.name, previous))

    def discard(self, generation):
        """Remove an unpublished generation."""
        shutil.rmtree(generation.path, ignore_errors=True)

    def prune(self, keep=()):
        """Remove every generation not named in ``keep`` (and not live).

        Returns the names of those removed that were never published: what a
        reindex that was stopped left behind.
        """
        root = self.path / GENERATIONS
        if not root.is_dir():
            return []
        keep = set(keep) | {self.current_name()}
        unfinished = []
        for child in sorted(root.iterdir()):
            if child.name not in keep:
                if not (child / MANIFEST).exists():
                    unfinished.append(child.name)
                shutil.rmtree(child, ignore_errors=True)
        return unfinished


def _generation_file(path):
    """Whether ``path`` is a file of a generation's data: not Whoosh's lock, not a host's record of a check."""
    return path.is_file() and not path.match(WHOOSH_LOCK) and not path.name.startswith(VERIFIED)


def _fsync_and_describe(path):
    """fsync ``path``; return its size and SHA-256, read in the same pass."""
    with open(path, "rb") as handle:
        size, sha256 = _digest(handle)
        os.fsync(handle.fileno())
    return {"size": size, "sha256": sha256}


def _manifest_checksum(manifest):
    """The SHA-256 of the manifest's content, so a damaged manifest is known as such."""
    return hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()


def _sha256(path):
    with open(path, "rb") as handle:
        return _digest(handle)[1]


def _digest(handle):
    """``(bytes read, SHA-256)`` of an open file, read a megabyte at a time."""
    digest, size = hashlib.sha256(), 0
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
        size += len(block)
    return size, digest.hexdigest()


def _write_durably(path, text):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
