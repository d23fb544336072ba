"""Read Whoosh segment files from the memory map instead of a private copy.

Whoosh memory-maps each compound segment file (``*.seg``) and hands its parts
out as ``BufferFile`` objects, but ``BufferFile`` wraps the map in
``io.BytesIO(memoryview)``, which *copies* it. Opening a searcher on news-50k
therefore read the whole postings file (470 MB) into every process's heap,
most of a gunicorn worker's memory. (The same bug is described in
Alfanous-team/alfanous#860.)

:class:`MemoryFile` is the small read-only file over the memoryview that
``BufferFile`` needed: the operating system's page cache holds the index once,
shared by every process, and only the pages a search touches are read.
:func:`install` puts it in place; importing :mod:`search_app.indexer` calls it.
"""

import os

from whoosh.filedb import structfile


class MemoryFile:
    """A read-only, seekable binary file over a buffer, without copying it."""

    def __init__(self, buffer):
        self._buffer = memoryview(buffer).cast("B")
        self._position = 0

    def read(self, size=-1):
        start = self._position
        end = len(self._buffer) if size is None or size < 0 else min(start + size, len(self._buffer))
        self._position = max(start, end)
        return self._buffer[start:end].tobytes()

    def readinto(self, target):
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def readline(self, size=-1):
        # Only pickle's header reading uses this, on short lines.
        end = len(self._buffer) if size is None or size < 0 else min(self._position + size, len(self._buffer))
        line = bytearray()
        while self._position < end:
            byte = self._buffer[self._position]
            self._position += 1
            line.append(byte)
            if byte == 0x0A:
                break
        return bytes(line)

    def seek(self, offset, whence=os.SEEK_SET):
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: len(self._buffer)}[whence]
        if base + offset < 0:
            raise ValueError(f"negative seek position {base + offset}")
        self._position = base + offset
        return self._position

    def tell(self):
        return self._position

    def close(self):
        self._buffer.release()


def _buffer_file_init(self, buf, name=None, onclose=None):
    self._buf = buf
    self._name = name
    self.file = MemoryFile(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install():
    """Make Whoosh's ``BufferFile`` read its buffer in place (idempotent)."""
    structfile.BufferFile.__init__ = _buffer_file_init
