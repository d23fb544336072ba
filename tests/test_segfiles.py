"""Whoosh reads segment files with pread: neither a private copy nor a memory map."""

import io
import pickle

from search_app.store import IndexStore
from search_app.store.segfiles import SegmentFile


def test_segment_file_reads_its_part_of_the_file_like_a_bytes_file(tmp_path):
    data = pickle.dumps({"postings": [1, 2, 3]}) + b"line one\nline two\n" + bytes(range(256))
    path = tmp_path / "segment"
    path.write_bytes(b"before" + data + b"after")
    with open(path, "rb") as f:
        ours, reference = SegmentFile(f.fileno(), len(b"before"), len(data)), io.BytesIO(data)
        assert pickle.load(ours) == pickle.load(reference)
        assert ours.tell() == reference.tell()
        assert ours.readline() == reference.readline() == b"line one\n"
        assert ours.read(5) == reference.read(5) == b"line "
        assert ours.seek(-4, io.SEEK_END) == reference.seek(-4, io.SEEK_END)
        assert ours.read() == reference.read() == bytes([252, 253, 254, 255])  # not "after"
        assert ours.read(10) == reference.read(10) == b""
        assert ours.seek(3) == 3 and ours.read(2) == data[3:5]
        target = bytearray(4)
        assert ours.readinto(target) == 4 and bytes(target) == data[5:9]
        assert ours.seek(len(data) - 3) and ours.readline() == reference.readline(0) + data[-3:]


def test_a_searcher_reads_segments_with_pread(sample_index):
    ix = IndexStore(sample_index).current().open_whoosh()
    with ix.searcher() as searcher:
        for segment_reader, _ in searcher.reader().leaf_readers():
            assert isinstance(segment_reader._terms._postfile.file, SegmentFile)
        # Postings and stored fields are read through it.
        matched = list(searcher.postings("body", "laser").all_ids())
        assert matched and all("laser" in searcher.stored_fields(n)["body"].lower() for n in matched)


def test_an_index_opened_the_default_way_is_still_read_by_whoosh(sample_index):
    from whoosh import index as whoosh_index

    name = IndexStore(sample_index).current_name()
    ix = whoosh_index.open_dir(str(sample_index / "generations" / name))  # memory-mapped
    with ix.searcher() as searcher:
        matched = list(searcher.postings("body", "laser").all_ids())
        assert matched and all("laser" in searcher.stored_fields(n)["body"].lower() for n in matched)
