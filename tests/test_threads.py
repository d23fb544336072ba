"""One engine shared by many threads, as under `gunicorn --threads`, while reindexes publish."""

import threading
import time

from search_app.indexer import reindex
from search_app.search import SearchEngine
from search_app.search import engine as engine_module

from .conftest import write_articles

ARTICLES = {
    f"a{n:03}.txt": (
        f"Hội nghị số {n} về mã zqx{n}\n"
        + " ".join(
            f"Đoạn {k}: hội nghị cán bộ viên chức lần {n}, báo cáo {k} của đơn vị {n}." for k in range(40)
        )
    )
    for n in range(60)
}


def test_eight_threads_search_one_engine_while_three_reindexes_publish(tmp_path):
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    index = tmp_path / "index"
    reindex(index, [corpus], jobs=1)
    engine = SearchEngine(index)
    errors, answers, stop = [], [0], threading.Event()

    def search(worker):
        n = worker
        while not stop.is_set():
            n = (n + 7) % 60
            try:
                result = engine.search(f"zqx{n}", per_page=5)
                # The one article holding the code, with its own title and snippet.
                hit = result.results[0]
                assert (result.total, hit.id, hit.title) == (1, f"a{n:03}", f"Hội nghị số {n} về mã zqx{n}")
                assert f"lần {n}," in hit.snippet[0].text
                engine.search("hoi nghi can bo", per_page=20)
                answers[0] += 1
            except Exception as exc:  # noqa: BLE001 - every failure is what this test counts
                errors.append(repr(exc))

    threads = [threading.Thread(target=search, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    try:
        for round_ in range(3):
            (corpus / f"a{round_:03}.txt").write_text(ARTICLES[f"a{round_:03}.txt"] + " Cập nhật.", "utf-8")
            reindex(index, [corpus], jobs=1)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert answers[0] > 50


def test_no_request_waits_while_a_new_generation_is_opened(tmp_path, monkeypatch):
    corpus = write_articles(tmp_path / "corpus", {"a.txt": "Tin cũ\nHội nghị cũ."})
    index = tmp_path / "index"
    reindex(index, [corpus], jobs=1)
    engine = SearchEngine(index)
    assert engine.search("hoi nghi").total == 1
    write_articles(corpus, {"b.txt": "Tin mới\nHội nghị mới."})
    reindex(index, [corpus], jobs=1)
    opened, slow_open = threading.Event(), engine_module.OpenGeneration.open

    def open_slowly(generation):
        opened.wait(10)  # a large index takes seconds to check
        return slow_open(generation)

    monkeypatch.setattr(engine_module.OpenGeneration, "open", staticmethod(open_slowly))
    started = time.monotonic()
    assert engine.search("hoi nghi").total == 1  # the old generation answers at once
    assert time.monotonic() - started < 5
    opened.set()
    engine.refresh()
    assert engine.search("hoi nghi").total == 2
