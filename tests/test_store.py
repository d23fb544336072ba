"""The index on disk: generations, publishing with a manifest, and segment files read with pread."""

import hashlib
import io
import json
import os
import pickle
import random
import threading
import time

import numpy as np
import pytest

from search_app import store
from search_app.errors import IndexCorrupt, IndexMissing
from search_app.indexer import reindex
from search_app.schema import SCHEMA_VERSION, TEXT_FIELDS
from search_app.search import SearchEngine
from search_app.search.postings import Postings
from search_app.store import IndexStore, terms
from search_app.store.arrays import Arrays, folded_lead, folded_title
from search_app.store.files import ByteFile
from search_app.store.segfiles import SegmentFile
from search_app.store.terms import SavedSpill, Spill, TermTable, write_table

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
        first = searcher.stored_fields(0)["id"]
        assert list(searcher.postings("id", first).all_ids()) == [0]


def test_an_index_opened_the_default_way_is_still_read_by_whoosh(sample_index):
    from whoosh import index as whoosh_index

    name = IndexStore(sample_index).current_name()
    ix = whoosh_index.open_dir(str(sample_index / "generations" / name))  # memory-mapped
    with ix.searcher() as searcher:
        first = searcher.stored_fields(0)["id"]
        assert list(searcher.postings("id", first).all_ids()) == [0]


def test_a_published_generation_lists_every_file_with_its_size_and_checksum(sample_index):
    generation = IndexStore(sample_index).current()
    manifest = generation.manifest()
    on_disk = {
        p.relative_to(generation.path).as_posix(): p
        for p in generation.path.rglob("*")
        if p.is_file() and p.name not in ("manifest.json", "MAIN_WRITELOCK", store.VERIFIED)
    }
    assert set(manifest["files"]) == set(on_disk)
    assert {"arrays/terms-docs.bin", "accents/syllables.txt", "phrases.json.gz"} <= set(on_disk)
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


def test_an_update_carries_the_postings_it_kept_and_equals_a_rebuild(tmp_path, monkeypatch):
    # An update analyses only what changed, carries every other document's
    # postings, positions, lengths, title and lead over from the previous
    # arrays (found by id: Whoosh renumbers what it merges), and must hold
    # what a rebuild of the same sources holds, document by document.
    monkeypatch.setattr(terms, "BUCKET", 997)  # the table written a few keys at a time
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
    assert updated.segments[0][1] == 300  # the first build's segment, kept
    assert sorted(mine) == sorted(theirs) and len(mine) == 305
    ids = sorted(mine)
    here, there = [mine[i] for i in ids], [theirs[i] for i in ids]
    for name in TEXT_FIELDS:
        assert np.array_equal(updated.lengths[name][here], rebuilt.lengths[name][there])
    assert [updated.titles[n] for n in here] == [rebuilt.titles[n] for n in there]
    assert [updated.leads[n] for n in here] == [rebuilt.leads[n] for n in there]
    # Every term: the same keys, each with the same documents, frequencies and positions.
    keys, positional, *_ = updated.table.everything()
    assert keys == rebuilt.table.everything()[0]
    assert {"body\tcập", "body\tcap_nhat", "body\tcap", "title\tbai"} <= set(keys)
    assert [k for k, p in zip(keys, positional) if p] == [
        k for k in keys if k.split("\t")[1].isalnum() and k.split("\t")[1].isascii()
    ]
    for key in keys:
        name, term = key.split("\t")
        held = _by_id(updated.table.positions(name, term), mine)
        assert held == _by_id(rebuilt.table.positions(name, term), theirs) and held, key
        assert updated.table.count(name, term) == len(held), key  # idf counts live holders


@pytest.mark.parametrize("bucket", [7, None])  # keys written a few at a time, or all at once
def test_the_table_reads_back_every_posting_whatever_width_it_is_packed_in(tmp_path, bucket, monkeypatch):
    # Gaps, frequencies and positions are packed in one, two or four bytes a
    # key: a key whose documents lie far apart, whose frequencies are large
    # or whose positions are far in, must read back whole.
    near, far = Spill(["body"]), Spill(["body"])
    expected = {}  # term -> [(document, frequency, positions)]

    def add(spill, offset, doc_id, syllables, counted):
        for term, positions in syllables.items():
            expected.setdefault(term, []).append((offset + len(spill), len(positions), positions))
        for term, count in counted.items():
            expected.setdefault(term, []).append((offset + len(spill), count, []))
        spill.add(doc_id, {"body": (syllables, counted)})

    for n in range(300):
        syllables = {"hoi": [0, 2], "nghi": [1]} if n % 2 else {"hoi": [n, 70_000 + n]}
        add(near, 0, f"n{n}", syllables, {"hội": 1 + n % 3, "hoi_nghi": 300 if n == 7 else 1})
    add(far, 100_000, "f0", {"hoi": [3]}, {"hội": 70_000, "nghị": 1})
    add(far, 100_000, "f1", {}, {"nghị": 2})
    near.save(tmp_path / "near")
    far.save(tmp_path / "far")
    spills = [
        (0, SavedSpill(tmp_path / "near", ["body"])),
        (100_000, SavedSpill(tmp_path / "far", ["body"])),
    ]
    live = np.ones(100_002, dtype=bool)
    live[5] = False  # a deleted document's postings are not written
    expected = {term: [p for p in held if p[0] != 5] for term, held in expected.items()}
    if bucket:
        monkeypatch.setattr(terms, "BUCKET", bucket)
    write_table(tmp_path, live, spills)

    table = TermTable(tmp_path)
    for term, held in expected.items():
        docs, tf, positions = table.positions("body", term)
        assert (docs.tolist(), tf.tolist()) == ([d for d, _, _ in held], [t for _, t, _ in held]), term
        assert positions.tolist() == [p for _, _, ps in held for p in ps], term
        assert [a.tolist() for a in table.postings("body", term)] == [docs.tolist(), tf.tolist()]
        assert table.count("body", term) == len(held), term
    assert [len(a) for a in table.positions("body", "thao")] == [0, 0, 0]
    assert [len(a) for a in table.postings("title", "hội")] == [0, 0]
    assert table.count("body", "thao") == table.count("title", "hội") == 0
    keys, positional, counts, docs, tf, positions = table.everything()
    assert keys == sorted(f"body\t{term}" for term in expected)
    assert positional.tolist() == [k in ("body\thoi", "body\tnghi") for k in keys]
    held = [p for k in keys for p in expected[k.split("\t")[1]]]
    assert (docs.tolist(), tf.tolist()) == ([d for d, _, _ in held], [t for _, t, _ in held])
    assert positions.tolist() == [p for _, _, ps in held for p in ps]
    assert counts.tolist() == [len(expected[k.split("\t")[1]]) for k in keys]


def test_an_update_reads_the_previous_table_a_range_of_keys_at_a_time(tmp_path, monkeypatch):
    # An update carries the previous table's postings over a range of keys at
    # a time: read whole, a 50k table took 1.5 GB and, on fresh memory, 13 s.
    spill = Spill(["body"])
    rng = random.Random(2)
    for n in range(60):
        terms_here = {f"t{rng.randrange(400)}" for _ in range(30)}
        spill.add(f"d{n}", {"body": ({t: [p] for p, t in enumerate(sorted(terms_here))}, {"hội": 1 + n})})
    spill.save(tmp_path / "spill")
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    write_table(tmp_path / "old", np.ones(60, dtype=bool), [(0, SavedSpill(tmp_path / "spill", ["body"]))])
    previous = TermTable(tmp_path / "old")
    reads = []
    read = ByteFile.read
    monkeypatch.setattr(
        ByteFile,
        "read",
        lambda self, start, length: reads.append((self.path.name, length)) or read(self, start, length),
    )
    monkeypatch.setattr(terms, "BUCKET", 50)
    carried = np.arange(60) + 1  # every document one further on, the first dropped
    carried[0] = -1
    live = np.ones(61, dtype=bool)
    live[0] = False
    write_table(tmp_path / "new", live, [], previous, carried)

    docs_size = (tmp_path / "old" / "terms-docs.bin").stat().st_size
    assert max(length for name, length in reads if name == "terms-docs.bin") < docs_size / 10
    new = TermTable(tmp_path / "new")
    kept = []  # the keys of a document other than the first
    for key in previous.keys():
        docs, tf, positions = previous.positions(*key.split("\t"))
        moved = [(d + 1, f) for d, f in zip(docs.tolist(), tf.tolist()) if d != 0]
        here = new.positions(*key.split("\t"))
        assert list(zip(here[0].tolist(), here[1].tolist())) == moved, key
        if moved:
            kept.append(key)
            first = int(tf[0]) if docs[0] == 0 and key.startswith("body\tt") else 0
            assert here[2].tolist() == positions.tolist()[first:], key
    assert new.keys() == kept


def test_a_damaged_spill_is_refused_naming_it(tmp_path):
    spill = Spill(["body"])
    spill.add("a", {"body": ({"hoi": [0]}, {"hội": 1})})
    spill.save(tmp_path / "spill-x.spill")
    doc = tmp_path / "spill-x.spill" / "body.doc.npy"
    doc.write_bytes(doc.read_bytes()[:-2])  # a writer stopped while saving it
    with pytest.raises(IndexCorrupt, match=r"the spill spill-x\.spill cannot be read \(body\.doc\.npy"):
        SavedSpill(tmp_path / "spill-x.spill", ["body"])


def test_ranges_of_keys_packed_side_by_side_are_written_in_key_order():
    # The table is packed a range of keys at a time by two threads: a range
    # finished early waits for the ones before it, and no more than two are
    # held at once (each can be hundreds of MB).
    first_done, lock = threading.Event(), threading.Lock()
    running, most = 0, 0

    def pack(n):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        if n == 0:
            first_done.wait(5)  # the first range is the slowest
        elif n == 1:
            first_done.set()
        time.sleep(0.01)
        with lock:
            running -= 1
        return n

    assert list(terms._in_order(pack, range(8), 2)) == list(range(8))
    assert most == 2


def test_a_key_looked_up_again_is_found_without_reading_the_keys(tmp_path, monkeypatch):
    # A search looks a word up to count, score and match it: the key is searched for once.
    spill = Spill(["body"])
    for n in range(200):
        spill.add(f"d{n}", {"body": ({f"w{n}": [0], "hoi": [1]}, {})})
    spill.save(tmp_path / "spill")
    write_table(tmp_path, np.ones(200, dtype=bool), [(0, SavedSpill(tmp_path / "spill", ["body"]))])
    table = TermTable(tmp_path)
    read = []
    original = ByteFile.read
    monkeypatch.setattr(
        ByteFile,
        "read",
        lambda self, start, length: read.append(self.path.name) or original(self, start, length),
    )
    first = [a.tolist() for a in table.postings("body", "hoi")]
    assert {"terms-keys.bin", "terms-index.npy"} <= set(read)
    read.clear()
    assert [a.tolist() for a in table.postings("body", "hoi")] == first == [list(range(200)), [1] * 200]
    assert table.count("body", "hoi") == 200
    assert set(read) == {"terms-docs.bin", "terms-tf.bin"}


def _arrays_by_id(index):
    """``(the live generation's arrays, {id: document number} of its live documents)``."""
    generation = IndexStore(index).current()
    arrays = Arrays(generation.arrays, TEXT_FIELDS)
    with generation.open_whoosh().reader() as reader:
        ids = list(reader.column_reader("id"))
    return arrays, {ids[n]: int(n) for n in np.flatnonzero(arrays.live)}


def _by_id(postings, numbers):
    """Postings ``(docnums, frequencies, positions)`` as sorted ``(id, frequency, positions)``."""
    ids = {n: doc_id for doc_id, n in numbers.items()}
    docs, tf, positions = postings
    ends = np.cumsum(tf).tolist()
    each = (
        [positions[end - f : end].tolist() for f, end in zip(tf.tolist(), ends)]
        if positions.size
        else [[]] * len(docs)
    )
    return sorted((ids[int(d)], int(f), p) for d, f, p in zip(docs, tf, each))


def _every_key(segments):
    for position, (leaf, _) in enumerate(segments):
        for name in TEXT_FIELDS:
            for text, _ in leaf.iter_field(name):
                yield position, name, text


def test_leads_read_from_the_arrays_are_made_from_the_stored_fields(tmp_path):
    # The second pass reads leads from the arrays: the folded title and body start.
    source = write_articles(
        tmp_path / "corpus",
        {
            f"a{i}.txt": f"Tiêu đề {i} Hội nghị\nSáng nay, hội nghị lần thứ {i} khai mạc. " * 3
            for i in range(60)
        },
    )
    reindex(tmp_path / "index", [source], jobs=2)
    generation = IndexStore(tmp_path / "index").current()
    with generation.open_whoosh().searcher() as searcher:
        postings = Postings(searcher, TEXT_FIELDS, generation.arrays)
        docnums = list(range(searcher.doc_count_all()))
        leads = postings.leads(docnums)
        stored = [searcher.stored_fields(n) for n in docnums]
        assert leads == [folded_lead(f["title"], f["body"]) for f in stored]
        assert [postings.folded_title(n) for n in docnums] == [folded_title(f["title"]) for f in stored]
        assert leads[0].startswith(" tieu de ") and " | sang nay hoi nghi lan thu " in leads[0]


def test_an_index_written_by_an_earlier_version_is_refused_with_what_to_do(tmp_path):
    # Its postings were in Whoosh; this version reads them from the arrays only.
    source = write_articles(tmp_path / "corpus", {"a.txt": "Hội nghị cán bộ\nNội dung hội nghị."})
    reindex(tmp_path / "index", [source], jobs=1)
    store = IndexStore(tmp_path / "index")
    generation = store.current()
    meta = json.loads((generation.arrays / "meta.json").read_text("utf-8"))
    del meta["format"]  # as written before the format was numbered
    (generation.arrays / "meta.json").write_text(json.dumps(meta), "utf-8")
    (generation.path / "manifest.json").unlink()
    store.publish(generation, "an-earlier-version", 1)
    with pytest.raises(IndexCorrupt, match=r"earlier version .* run `search-app reindex` to rebuild it"):
        SearchEngine(tmp_path / "index").search("hoi nghi")
    reindex(tmp_path / "index", [source], jobs=1)  # another schema version: rebuilt in full
    assert SearchEngine(tmp_path / "index").search("hoi nghi").total == 1


def test_a_reindex_rebuilds_in_full_an_index_whose_arrays_an_earlier_version_wrote(tmp_path):
    # The same analysis (schema version), but arrays of another format (leads were
    # compressed before format 4): an update would carry them into the new format.
    source = write_articles(tmp_path / "corpus", {"a.txt": "Hội nghị cán bộ\nNội dung hội nghị."})
    reindex(tmp_path / "index", [source], jobs=1)
    generation = IndexStore(tmp_path / "index").current()
    meta = json.loads((generation.arrays / "meta.json").read_text("utf-8"))
    meta["format"] -= 1
    (generation.arrays / "meta.json").write_text(json.dumps(meta), "utf-8")
    (generation.path / "manifest.json").unlink()
    IndexStore(tmp_path / "index").publish(generation, SCHEMA_VERSION, 1)  # a sound manifest for it
    summary = reindex(tmp_path / "index", [source], jobs=1)
    assert summary.generation != generation.name and summary.documents == 1 and not summary.notes
    result = SearchEngine(tmp_path / "index").search("hoi nghi")
    assert [hit.id for hit in result.results] == ["a"]


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
