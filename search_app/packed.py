"""A read-only list of strings held as one UTF-8 buffer and where each string starts.

A Python string costs some 50 bytes more than its text, and a tuple or list
entry more again; a list of a few hundred thousand short strings held by
every server process is tens of megabytes. Packed, it is its text and eight
bytes a string. It is a sequence: ``bisect`` searches a sorted one.
"""

import numpy as np


class PackedStrings:
    """``strings[i]`` decodes the i-th string; ``len(strings)`` is how many there are."""

    def __init__(self, data, starts):
        """``data``: the strings' UTF-8, one after another; ``starts``: where each starts, and the end."""
        self.data, self.starts = data, starts

    @classmethod
    def of(cls, strings):
        """
        >>> packed = PackedStrings.of(["hội", "", "nghị"])
        >>> len(packed), packed[0], packed[2], packed[-1], packed[1:]
        (3, 'hội', 'nghị', 'nghị', ['', 'nghị'])
        """
        encoded = [s.encode("utf-8") for s in strings]
        starts = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=starts[1:])
        return cls(b"".join(encoded), starts)

    def __len__(self):
        return len(self.starts) - 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = range(len(self))[index]  # negative indexes, and IndexError past the end
        return self.data[self.starts[index] : self.starts[index + 1]].decode("utf-8")

    def head(self, count):
        """``(starts, bytes)`` of the first ``count`` strings."""
        return self.starts[: count + 1], self.data[: self.starts[count]]
