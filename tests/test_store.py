"""The index on disk: generations, publishing with a manifest, and segment files read with pread."""

import hashlib
import io
import json
import os
import pickle
import random
import threading

import numpy as np
import pytest

from search_app import store
from search_app.errors import IndexCorrupt, IndexMissing
from search_app.indexer import reindex
from search_app.schema import SCHEMA_VERSION, TEXT_FIELDS
from search_app.search import SearchEngine
from search_app.search.postings import Postings
from search_app.store import IndexStore
from search_app.store.arrays import Arrays, leaves, read_postings
from search_app.store.segfiles import SegmentFile

from .conftest import write_articles


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


def test_pickles_are_read_from_a_segment_file_in_one_read_each(tmp_path, monkeypatch):
    # Whoosh unpickles every posting block's header and term's information
    # from the file; without peek(), pickle reads a few bytes at a time.
    headers = [(64, 50_000 + n, 2.5, 1, 20, 200) for n in range(3)]
    data = b"".join(pickle.dumps(h) for h in headers)
    path = tmp_path / "segment"
    path.write_bytes(data)
    reads = []
    real_read = SegmentFile.read
    monkeypatch.setattr(
        SegmentFile, "read", lambda self, size=-1: reads.append(size) or real_read(self, size)
    )
    with open(path, "rb") as f:
        ours = SegmentFile(f.fileno(), 0, len(data))
        assert ours.peek(4) == data[:4] and ours.tell() == 0
        for n, header in enumerate(headers):
            assert pickle.load(ours) == header
            assert ours.tell() == len(data) // 3 * (n + 1)
        assert ours.peek() == b""
    assert len(reads) <= len(headers)


def test_each_thread_reads_a_segment_file_from_its_own_position(tmp_path):
    path = tmp_path / "segment"
    path.write_bytes(bytes(range(256)))
    with open(path, "rb") as f:
        shared = SegmentFile(f.fileno(), 0, 256)
        shared.seek(10)
        seen = []

        def other_thread():
            seen.append((shared.tell(), shared.seek(200), shared.read(2)))

        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert seen == [(0, 200, bytes([200, 201]))]
        assert shared.read(2) == bytes([10, 11])


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


def test_a_published_generation_lists_every_file_with_its_size_and_checksum(sample_index):
    generation = IndexStore(sample_index).current()
    manifest = generation.manifest()
    on_disk = {
        p.relative_to(generation.path).as_posix(): p
        for p in generation.path.rglob("*")
        if p.is_file() and p.name not in ("manifest.json", "MAIN_WRITELOCK", store.VERIFIED)
    }
    assert set(manifest["files"]) == set(on_disk)
    assert {"arrays/docs.npy", "accents/syllables.txt", "phrases.json.gz"} <= set(on_disk)
    for name, path in on_disk.items():
        data = path.read_bytes()
        assert manifest["files"][name] == {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    assert manifest["documents"] == 20


def test_publish_switches_current_and_keeps_the_previous_generation(tmp_path):
    store = IndexStore(tmp_path / "index")
    with pytest.raises(IndexMissing, match="run 'search-app reindex SOURCE"):
        store.current()
    names = []
    for n in range(3):
        generation = store.new_generation()
        (generation.path / "data").write_text(f"version {n}")
        assert store.current_name() == (names[-1] if names else None)  # not live until published
        store.publish(generation, schema_version="v", documents=n)
        names.append(generation.name)
        assert store.current_name() == generation.name
    # The previous generation stays for searches still reading it; older ones go.
    assert sorted(p.name for p in (tmp_path / "index" / "generations").iterdir()) == sorted(names[-2:])
    assert json.loads((store.current().path / "manifest.json").read_text())["documents"] == 2


def test_a_copy_of_a_generation_leaves_out_what_is_derived_from_it(sample_index, tmp_path):
    store = IndexStore(sample_index)
    copy = store.new_generation(copy_of=store.current())
    try:
        names = {p.name for p in copy.path.iterdir()}
        assert not names & {"arrays", "accents", "phrases.json.gz", "manifest.json"}
        assert any(name.endswith(".seg") or name.endswith(".toc") for name in names)
    finally:
        store.discard(copy)
    assert not copy.path.exists()


def test_publish_makes_every_file_durable_before_current_moves(tmp_path, monkeypatch):
    store = IndexStore(tmp_path / "index")
    generation = store.new_generation()
    (generation.path / "arrays").mkdir()
    for name in ("a.seg", "arrays/docs.npy"):
        (generation.path / name).write_bytes(b"data")
    events, real_fsync, real_replace = [], os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(source, target):
        events.append(("replace", str(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store.publish(generation, schema_version="v", documents=0)
    switched = events.index(("replace", str(tmp_path / "index" / "CURRENT")))
    durable_before = {path for kind, path in events[:switched] if kind == "fsync"}
    for path in ("a.seg", "arrays/docs.npy", "manifest.json", "arrays", "."):
        assert str((generation.path / path).resolve()) in durable_before, path
    assert ("fsync", str((tmp_path / "index").resolve())) in events[switched:]  # CURRENT's directory, after


def test_an_update_takes_the_unchanged_segments_arrays_and_equals_a_rebuild(tmp_path):
    # A full write reads every frequent syllable's postings back from Whoosh;
    # an update reads only the segments it wrote, carries the counted terms of
    # the documents it kept over from the previous arrays, and must hold what
    # a rebuild of the same sources holds, document by document.
    words = "hội nghị cán bộ viên chức năm khoa học công nghệ tổng kết báo cáo phát biểu đại biểu".split()
    rng = random.Random(1)

    def article(i, extra=""):
        return f"Bài {i} {rng.choice(words)}\n" + " ".join(rng.choice(words) for _ in range(40)) + extra

    source = write_articles(tmp_path / "corpus", {f"a{i}.txt": article(i) for i in range(300)})
    reindex(tmp_path / "index", [source], jobs=1)
    write_articles(source, {f"a{i}.txt": article(i, " cập nhật thêm") for i in range(10)})
    write_articles(source, {f"a{i}.txt": article(i) for i in range(300, 310)})
    for i in range(10, 15):
        (source / f"a{i}.txt").unlink()
    summary = reindex(tmp_path / "index", [source], jobs=1)
    assert (summary.updated, summary.added, summary.removed) == (10, 10, 5)
    reindex(tmp_path / "rebuilt", [source], jobs=1)

    updated, mine = _arrays_by_id(tmp_path / "index")
    rebuilt, theirs = _arrays_by_id(tmp_path / "rebuilt")
    assert updated.segments[0][1] == 300  # the first build's segment, kept and reused
    assert sorted(mine) == sorted(theirs) and len(mine) == 305
    ids = sorted(mine)
    here, there = [mine[i] for i in ids], [theirs[i] for i in ids]
    for name in TEXT_FIELDS:
        assert np.array_equal(updated.lengths[name][here], rebuilt.lengths[name][there])
    assert [updated.titles[n] for n in here] == [rebuilt.titles[n] for n in there]
    assert [updated.leads[n] for n in here] == [rebuilt.leads[n] for n in there]
    # Frequent syllables: the update keeps every term it held, a rebuild may hold fewer.
    assert set(rebuilt.terms()) <= set(updated.terms()) and len(rebuilt.terms()) > 15
    with IndexStore(tmp_path / "rebuilt").current().open_whoosh().searcher() as searcher:
        segments = list(leaves(searcher.reader()))
        for name, term in updated.terms():
            expected = (
                rebuilt.postings(name, term)
                if (name, term) in rebuilt
                else read_postings(segments, rebuilt.live, name, term)
            )
            assert _by_id(updated.postings(name, term), mine) == _by_id(expected, theirs), (name, term)
            assert updated.holders(name, term) == len(expected[0]), (name, term)  # idf counts live holders
    # Counted terms: the same keys, each with the same documents and counts.
    keys = updated.counted.all_keys()
    assert keys == rebuilt.counted.all_keys() and {"body\tcập", "body\tcap_nhat"} <= set(keys)
    for key in keys:
        name, term = key.split("\t")
        held = _by_id(updated.counted.postings(name, term), mine)
        assert held == _by_id(rebuilt.counted.postings(name, term), theirs) and held, key


def _arrays_by_id(index):
    """``(the live generation's arrays, {id: document number} of its live documents)``."""
    generation = IndexStore(index).current()
    arrays = Arrays(generation.arrays, TEXT_FIELDS)
    with generation.open_whoosh().reader() as reader:
        ids = list(reader.column_reader("id"))
    return arrays, {ids[n]: int(n) for n in np.flatnonzero(arrays.live)}


def _by_id(postings, numbers):
    """Postings ``(docnums, frequencies)`` as sorted ``(id, frequency)`` pairs."""
    ids = {n: doc_id for doc_id, n in numbers.items()}
    return sorted((ids[int(d)], float(f)) for d, f in zip(*postings))


def _every_key(segments):
    for position, (leaf, _) in enumerate(segments):
        for name in TEXT_FIELDS:
            for text, _ in leaf.iter_field(name):
                yield position, name, text


def test_a_segments_term_filter_holds_every_term_of_the_segment_and_few_others(tmp_path):
    # A rare term is looked up in Whoosh only in the segments whose filter may
    # hold it: a term the filter left out would never be found.
    words = "hội nghị cán bộ viên chức năm khoa học công nghệ tổng kết báo cáo phát biểu".split()
    rng = random.Random(2)
    articles = {
        f"a{i}.txt": f"Bài {i} {rng.choice(words)}\n"
        + " ".join(rng.choice(words) for _ in range(30))
        + f" mã{i}"
        for i in range(200)
    }
    source = write_articles(tmp_path / "corpus", articles)
    reindex(tmp_path / "index", [source], jobs=2)
    generation = IndexStore(tmp_path / "index").current()
    with generation.open_whoosh().searcher() as searcher:
        segments = list(searcher.reader().leaf_readers())
        filters = Arrays(generation.arrays, TEXT_FIELDS).filters
        assert len(filters) == len(segments) == 2  # jobs=2: a segment per writer
        held = list(_every_key(segments))
        assert len(held) > 400 and all(n in filters.may_hold(name, text) for n, name, text in held)
        made_up = [f"không{i}có".encode() for i in range(2000)]
        assert sum(0 in filters.may_hold("body", text) for text in made_up) < 60  # about 1 % may be
        # What a search reads is what Whoosh holds, filter or none.
        postings = Postings(searcher, TEXT_FIELDS, generation.arrays)
        live = postings.live
        for name, term in {(name, text.decode()) for _, name, text in held} | {("body", "không1có")}:
            docs, tf = postings.entry(name, term)
            expected_docs, expected_tf = read_postings(segments, live, name, term)
            assert np.array_equal(docs, expected_docs) and np.array_equal(tf, expected_tf), (name, term)
        assert len(postings.docs("body", "ma7")) == 1


def _sixty_articles(tmp_path):
    """``(source, store, its generation)`` of 60 articles indexed in one segment."""
    source = write_articles(
        tmp_path / "corpus", {f"a{i}.txt": f"Tiêu đề {i}\nHội nghị lần thứ {i} khai mạc." for i in range(60)}
    )
    reindex(tmp_path / "index", [source], jobs=1)
    store = IndexStore(tmp_path / "index")
    return source, store, store.current()


def _republish_with_meta(store, generation, change):
    """Publish ``generation`` again after ``change(meta)`` of its arrays' meta.json (as if written so)."""
    meta = json.loads((generation.arrays / "meta.json").read_text("utf-8"))
    change(meta)
    (generation.arrays / "meta.json").write_text(json.dumps(meta), "utf-8")
    (generation.path / "manifest.json").unlink()
    store.publish(generation, SCHEMA_VERSION, 60)


def test_term_filters_listed_for_other_segments_are_named_and_never_answer(tmp_path):
    # A filter applied to the wrong segment would hide the terms it holds.
    _, store, generation = _sixty_articles(tmp_path)
    _republish_with_meta(store, generation, lambda meta: meta["segments"][0].__setitem__(0, "MAIN_another"))
    with pytest.raises(
        IndexCorrupt, match="term filters are not those of the generation's segments"
    ) as caught:
        SearchEngine(tmp_path / "index").search("hoi nghi")
    assert caught.value.file == "arrays/meta.json"


def test_arrays_written_before_term_filters_answer_and_their_update_writes_them(tmp_path):
    source, store, generation = _sixty_articles(tmp_path)
    expected = [(hit.id, hit.score) for hit in SearchEngine(tmp_path / "index").search("lan thu 7").results]
    (generation.arrays / "filters.npy").unlink()
    _republish_with_meta(store, generation, lambda meta: meta.pop("filters"))
    assert Arrays(generation.arrays, TEXT_FIELDS).filters is None
    found = SearchEngine(tmp_path / "index").search("lan thu 7").results
    assert [(hit.id, hit.score) for hit in found] == expected and expected

    write_articles(source, {"a0.txt": "Tiêu đề mới\nHội nghị đã đổi."})
    assert reindex(tmp_path / "index", [source], jobs=1).updated == 1
    updated = store.current()
    filters = Arrays(updated.arrays, TEXT_FIELDS).filters
    with updated.open_whoosh().searcher() as searcher:
        segments = list(searcher.reader().leaf_readers())
        assert len(segments) == len(filters) == 2  # the first build's segment is kept, and gets a filter
        assert all(n in filters.may_hold(name, text) for n, name, text in _every_key(segments))


def test_leads_read_from_the_arrays_equal_those_made_from_the_stored_fields(tmp_path):
    # The second pass reads leads from the arrays; an index written before
    # them makes them from the stored fields, and both must agree.
    source = write_articles(
        tmp_path / "corpus",
        {
            f"a{i}.txt": f"Tiêu đề {i} Hội nghị\nSáng nay, hội nghị lần thứ {i} khai mạc. " * 3
            for i in range(60)
        },
    )
    reindex(tmp_path / "index", [source], jobs=1)
    generation = IndexStore(tmp_path / "index").current()
    with generation.open_whoosh().searcher() as searcher:
        from_arrays = Postings(searcher, TEXT_FIELDS, generation.arrays)
        from_stored = Postings(searcher, TEXT_FIELDS)
        docnums = list(range(searcher.doc_count_all()))
        leads = from_arrays.leads(docnums)
        assert leads == from_stored.leads(docnums)
        assert leads[0].startswith(" tieu de ") and " | sang nay hoi nghi lan thu " in leads[0]


def test_arrays_written_before_titles_and_leads_files_still_answer_and_are_updated(tmp_path):
    # An index whose arrays hold titles.json and no leads (as written before
    # them) answers the same, and its next update writes the new files.
    articles = {
        f"a{i}.txt": f"Tiêu đề {i} Hội nghị\nSáng nay, hội nghị lần thứ {i} khai mạc." for i in range(60)
    }
    source = write_articles(tmp_path / "corpus", articles)
    reindex(tmp_path / "index", [source], jobs=1)
    store = IndexStore(tmp_path / "index")
    generation = store.current()
    new_format = Arrays(generation.arrays, TEXT_FIELDS)
    titles = [new_format.titles[n] for n in range(60)]
    expected = [
        (hit.id, hit.score) for hit in SearchEngine(tmp_path / "index").search("hoi nghi lan thu 7").results
    ]
    for name in ("titles.bin", "titles.npy", "leads.bin", "leads.npy"):
        (generation.arrays / name).unlink()
    (generation.arrays / "titles.json").write_text(json.dumps(titles), "utf-8")
    (generation.path / "manifest.json").unlink()
    store.publish(generation, SCHEMA_VERSION, 60)
    old_format = Arrays(generation.arrays, TEXT_FIELDS)
    assert not old_format.has_leads and old_format.titles == titles
    found = SearchEngine(tmp_path / "index").search("hoi nghi lan thu 7").results
    assert [(hit.id, hit.score) for hit in found] == expected

    write_articles(source, {"a0.txt": "Tiêu đề mới\nHội nghị đã đổi."})
    assert reindex(tmp_path / "index", [source], jobs=1).updated == 1
    updated = Arrays(store.current().arrays, TEXT_FIELDS)
    live = np.flatnonzero(updated.live)
    assert updated.has_leads and " tieu de moi " in [updated.titles[n] for n in live]
    assert sorted(updated.titles[n] for n in live) == sorted(
        [t for t in titles if t != " tieu de 0 hoi nghi "] + [" tieu de moi "]
    )


def small_index(tmp_path):
    source = write_articles(
        tmp_path / "corpus", {"a.txt": "Hội nghị cán bộ\nNội dung hội nghị.", "b.txt": "Tin khác\nNội dung."}
    )
    reindex(tmp_path / "index", [source], jobs=1)
    return tmp_path / "index"


def test_a_generation_verified_on_this_host_opens_again_without_reading_its_files(tmp_path, monkeypatch):
    index = small_index(tmp_path)
    assert SearchEngine(index).search("hoi nghi").total == 1  # checked in full, and recorded

    def read_again(path):
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(store, "_sha256", read_again)
    assert SearchEngine(index).search("hoi nghi").total == 1


@pytest.mark.parametrize("keep_mtime", [False, True])
def test_a_file_changed_after_the_generation_was_verified_is_still_caught(tmp_path, keep_mtime):
    index = small_index(tmp_path)
    SearchEngine(index).search("hoi nghi")
    generation = IndexStore(index).current().path
    target = generation / "arrays" / "live.npy"
    before = target.stat()
    data = bytearray(target.read_bytes())
    data[-1] ^= 1  # the same size, another byte
    target.write_bytes(bytes(data))
    if keep_mtime:  # as `touch -r` or a copy keeping times would leave it
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(IndexCorrupt, match="arrays/live.npy does not match its checksum"):
        SearchEngine(index).search("hoi nghi")


def test_where_the_verification_cannot_be_recorded_every_open_checks_in_full(tmp_path, monkeypatch):
    index = small_index(tmp_path)
    (IndexStore(index).current().path / store.VERIFIED).mkdir()  # nothing can be written there
    SearchEngine(index).search("hoi nghi")
    read = []
    sha256 = store._sha256
    monkeypatch.setattr(store, "_sha256", lambda path: read.append(path) or sha256(path))
    assert SearchEngine(index).search("hoi nghi").total == 1
    assert read


def test_the_record_of_a_verification_is_never_part_of_a_generation(tmp_path):
    index = small_index(tmp_path)
    SearchEngine(index).search("hoi nghi")
    (tmp_path / "corpus" / "c.txt").write_text("Bài mới\nHội nghị mới.", "utf-8")
    reindex(index, [tmp_path / "corpus"], jobs=1)
    files = IndexStore(index).current().manifest()["files"]
    assert not [name for name in files if name.startswith(store.VERIFIED)]
    assert SearchEngine(index).search("hoi nghi").total == 2
