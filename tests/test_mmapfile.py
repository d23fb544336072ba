"""Whoosh reads segment files in place, not from a private copy."""

import io
import mmap
import pickle

from search_app.indexer import IndexStore
from search_app.mmapfile import MemoryFile


def test_memory_file_reads_like_a_bytes_file():
    data = pickle.dumps({"postings": [1, 2, 3]}) + b"line one\nline two\n" + bytes(range(256))
    ours, reference = MemoryFile(memoryview(data)), io.BytesIO(data)
    assert pickle.load(ours) == pickle.load(reference)
    assert ours.tell() == reference.tell()
    assert ours.readline() == reference.readline() == b"line one\n"
    assert ours.read(5) == reference.read(5) == b"line "
    assert ours.seek(-4, io.SEEK_END) == reference.seek(-4, io.SEEK_END)
    assert ours.read() == reference.read() == bytes([252, 253, 254, 255])
    assert ours.read(10) == reference.read(10) == b""
    assert ours.seek(3) == 3 and ours.read(2) == data[3:5]
    target = bytearray(4)
    assert ours.readinto(target) == 4 and bytes(target) == data[5:9]


def test_a_searcher_reads_the_memory_map_without_copying_it(sample_index):
    _, ix = IndexStore(sample_index).open_current()
    with ix.searcher() as searcher:
        for segment_reader, _ in searcher.reader().leaf_readers():
            postings = segment_reader._terms._postfile
            assert isinstance(postings.file, MemoryFile)
            assert isinstance(postings._buf.obj, mmap.mmap)
        # Postings and stored fields are read through it.
        matched = list(searcher.postings("body", "laser").all_ids())
        assert matched and all("laser" in searcher.stored_fields(n)["body"].lower() for n in matched)
