"""Files of a generation read a stretch at a time with ``os.pread``, and the strings files.

Not memory-mapped: the page cache holds a file once for every server
process, and the pages a search reads do not stay in the process's
resident memory (see :mod:`search_app.store.segfiles`).
"""

import os
import weakref

import numpy as np

from ..errors import IndexCorrupt


class ArrayFile:
    """A one-dimensional ``.npy`` file, read a slice at a time; ``length`` items long."""

    def __init__(self, path, says="its postings say"):
        with open(path, "rb") as f:
            version = np.lib.format.read_magic(f)
            read_header = {(1, 0): np.lib.format.read_array_header_1_0}.get(
                version, np.lib.format.read_array_header_2_0
            )
            _, _, self.dtype = read_header(f)
            self.offset = f.tell()
            self.length = (os.fstat(f.fileno()).st_size - self.offset) // self.dtype.itemsize
        self._file = ByteFile(path, says)

    def read(self, start, length):
        """Items ``start`` to ``start + length`` of the array."""
        size = self.dtype.itemsize
        return np.frombuffer(self._file.read(self.offset + start * size, length * size), self.dtype)


class ByteFile:
    """A file read a stretch at a time with ``os.pread``, never short without saying so.

    ``says``: what gives the lengths read, for the message when the file is shorter.
    """

    def __init__(self, path, says):
        self.path, self.says = path, says
        self.fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self.fd)

    def read(self, start, length):
        data = os.pread(self.fd, length, start)
        if len(data) != length:
            raise IndexCorrupt(
                f"{self.path} is shorter than {self.says}: the index is damaged", self.path.name
            )
        return data


class StringsFile:
    """Strings (one per document, for the arrays), read one at a time with ``pread``: ``<name>.bin`` and ``<name>.npy``.

    With ``starts_in_memory``, where each string starts (``<name>.npy``, 8
    bytes a string) is read once, here, and a string costs one ``pread``
    instead of two.
    """

    def __init__(self, directory, name, starts_in_memory=False):
        self.name = f"{name}.bin"
        self._starts = ArrayFile(directory / f"{name}.npy", "the count of documents says")
        self._data = ByteFile(directory / self.name, f"{name}.npy says")
        self._held = self._starts.read(0, self._starts.length) if starts_in_memory else None

    def __len__(self):
        return self._starts.length - 1

    def raw(self, docnum):
        """The document's string as stored: UTF-8 bytes."""
        if self._held is not None and docnum + 2 <= len(self._held):
            starts = self._held[docnum : docnum + 2]
        else:  # read, and past the end said to be damaged, as the file is
            starts = self._starts.read(docnum, 2)
        start, end = starts.tolist()
        return self._data.read(start, end - start)

    def __getitem__(self, docnum):
        try:
            return self.raw(docnum).decode("utf-8")
        except UnicodeDecodeError:
            raise IndexCorrupt(f"{self.name} is damaged: a string does not read", self.name) from None


def write_strings(directory, name, strings):
    """Write the strings file ``name`` (a :class:`StringsFile`) of ``strings``, bytes as :meth:`StringsFile.raw` reads them."""
    starts = np.zeros(len(strings) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in strings], out=starts[1:])
    save_strings(directory, name, b"".join(strings), starts)


def save_strings(directory, name, data, starts):
    """Write a strings file from its bytes, one string after another, and where each starts (and the last ends)."""
    (directory / f"{name}.bin").write_bytes(data)
    np.save(directory / f"{name}.npy", np.asarray(starts, dtype=np.int64))
