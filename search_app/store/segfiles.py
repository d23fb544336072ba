"""Read Whoosh segment files with ``os.pread``, neither copied nor memory-mapped.

Whoosh memory-maps each compound segment file (``*.seg``) and hands its parts
out as ``BufferFile`` objects, which wrap the map in ``io.BytesIO(memoryview)``
and so *copy* it: opening a searcher on news-50k read the whole postings file
(470 MB) into every process's heap (the bug in Alfanous-team/alfanous#860).
Reading the map in place stopped the copy, but every page a search touches
(stored articles for the snippets, above all) then stays in the process's
resident memory, which grew towards the size of the index in each worker.

:class:`SegmentFile` reads a part of the segment file with ``os.pread`` at
the moment it is needed: the operating system's page cache holds the index
once for every process, and a worker's memory is its own data alone. ``pread``
takes the position with each call, and each thread keeps its own position in
the file, so the threads of a server share one reader safely (Whoosh's
readers are shared by every search, and seek before they read).
:func:`install` puts it in place; importing :mod:`search_app.store` calls it.
"""

import os
import threading
import weakref

from whoosh.filedb import compound
from whoosh.filedb.structfile import StructFile

from ..errors import IndexCorrupt

# Bytes read ahead of a small read: Whoosh reads a posting list or a stored
# document in many reads of a few bytes, one system call each without it.
READ_AHEAD = 16 * 1024


class _Cursor(threading.local):
    """One thread's place in a :class:`SegmentFile`, and the bytes it read ahead."""

    position = 0
    start = 0  # where ``ahead`` starts
    ahead = b""


class SegmentFile:
    """A read-only, seekable binary file over ``length`` bytes at ``offset`` of descriptor ``fd``.

    The read position, and a few kilobytes read ahead of it, are each thread's own.
    """

    def __init__(self, fd, offset, length):
        self._fd = fd
        self._offset = offset
        self._length = length
        self._local = _Cursor()

    @property
    def _position(self):
        return self._local.position

    @_position.setter
    def _position(self, value):
        self._local.position = value

    def read(self, size=-1):
        cursor = self._local
        position = cursor.position
        left = self._length - position
        size = left if size is None or size < 0 else min(size, left)
        if size <= 0:
            return b""
        skip = position - cursor.start
        if 0 <= skip and skip + size <= len(cursor.ahead):
            cursor.position = position + size
            return cursor.ahead[skip : skip + size]
        wanted = min(max(size, READ_AHEAD), left)
        data = self._pread(position, wanted)
        if wanted > size:
            cursor.start, cursor.ahead = position, data
            data = data[:size]
        cursor.position = position + size
        return data

    def peek(self, size=0):
        """Bytes from the read position on (at least one, unless at the end), the position unmoved.

        ``pickle.load`` reads through this: without it, it calls ``read``
        for every few bytes of a pickle (Whoosh pickles each posting
        block's header and each term's information).
        """
        cursor = self._local
        skip = cursor.position - cursor.start
        if not 0 <= skip < len(cursor.ahead):
            wanted = min(READ_AHEAD, self._length - cursor.position)
            if wanted <= 0:
                return b""
            cursor.start, cursor.ahead, skip = cursor.position, self._pread(cursor.position, wanted), 0
        return cursor.ahead[skip : skip + size] if size > 0 else cursor.ahead[skip:]

    def _pread(self, position, size):
        """``size`` bytes at ``position`` of this part, never fewer."""
        data = os.pread(self._fd, size, self._offset + position)
        if len(data) != size:
            raise IndexCorrupt(
                "a segment file is shorter than its table of contents says: the index is damaged"
            )
        return data

    def readinto(self, target):
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def readline(self, size=-1):
        # Only pickle's header reading uses this, on short lines.
        line = bytearray()
        while size is None or size < 0 or len(line) < size:
            chunk = self.read(64 if size is None or size < 0 else min(64, size - len(line)))
            if not chunk:
                break
            end = chunk.find(b"\n")
            if end >= 0:
                line += chunk[: end + 1]
                self._position -= len(chunk) - end - 1
                break
            line += chunk
        return bytes(line)

    def seek(self, offset, whence=os.SEEK_SET):
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: self._length}[whence]
        if base + offset < 0:
            raise ValueError(f"negative seek position {base + offset}")
        self._position = base + offset
        return self._position

    def tell(self):
        return self._position

    def close(self):
        pass  # the descriptor is the compound storage's


_whoosh_open_file = compound.CompoundStorage.open_file


def _open_file(self, name, *args, **kwargs):
    if self._file is None:  # memory-mapped by a caller that asked Whoosh for it: Whoosh's way
        return _whoosh_open_file(self, name, *args, **kwargs)
    if self.is_closed:
        raise compound.StorageError("Storage was closed")
    offset, length = self.range(name)
    return StructFile(SegmentFile(self._file.fileno(), offset, length), name=name)


_compound_init = compound.CompoundStorage.__init__


def _init(self, *args, **kwargs):
    _compound_init(self, *args, **kwargs)
    if self._file is not None:
        # A searcher left to the garbage collector (a replaced generation,
        # still in use by a search when it was replaced) closes its files.
        weakref.finalize(self, self._file.file.close)


def install():
    """Make Whoosh read compound segment files with ``pread`` (idempotent).

    The storage must keep its file open: :mod:`search_app.store`
    opens every index with ``supports_mmap=False``.
    """
    compound.CompoundStorage.__init__ = _init
    compound.CompoundStorage.open_file = _open_file
