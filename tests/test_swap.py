"""Reindexing under a live gunicorn server, and reindexes that fail or die."""

import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from search_app.indexer import reindex
from search_app.search import SearchEngine
from search_app.store import GENERATIONS, IndexStore

from .conftest import cli, write_articles

BASE = {
    f"base-{i}.txt": f"Hội nghị cán bộ số {i}\nHội nghị cán bộ viên chức lần thứ {i} đã diễn ra."
    for i in range(5)
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def wait_until(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


@pytest.fixture
def server(tmp_path):
    """gunicorn with two workers serving an index of BASE; yields (url, corpus, index)."""
    corpus = write_articles(tmp_path / "corpus", BASE)
    index = tmp_path / "index"
    reindex(index, [corpus])
    port = free_port()
    process = subprocess.Popen(
        cli("serve", "--index", index, "--port", port, "--workers", "2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: get_json(url + "/healthz")[0] == 200, 30), "server did not start"
        yield url, corpus, index
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_live_server_picks_up_new_generations_without_errors(server):
    url, corpus, index = server
    answers = []
    stop = threading.Event()

    def hammer():
        while not stop.is_set() and len(answers) < 5000:
            answers.append(get_json(url + "/api/search?q=hoi+nghi+can+bo&per_page=20"))

    client = threading.Thread(target=hammer)
    client.start()
    try:
        for round_ in range(3):
            # Let requests run against this generation before replacing it.
            seen = len(answers)
            assert wait_until(lambda seen=seen: len(answers) >= seen + 10, 20)
            write_articles(corpus, {f"new-{round_}.txt": f"Tin mới {round_}\nTừ khóa riêng zqx{round_}."})
            (corpus / f"base-{round_}.txt").unlink()
            reindex(index, [corpus])
            assert wait_until(
                lambda round_=round_: get_json(f"{url}/api/search?q=zqx{round_}")[1]["total"] == 1, 10
            ), f"round {round_}: the server did not pick up the new index"
    finally:
        stop.set()
        client.join()
    statuses = {status for status, _ in answers}
    totals = {body["total"] for _, body in answers}
    assert len(answers) >= 30
    assert statuses == {200}
    assert 0 not in totals  # never an empty index in between
    assert get_json(url + "/api/search?q=zqx0")[1]["total"] == 1
    assert get_json(url + "/healthz")[1]["documents"] == 5


def test_failed_reindex_leaves_the_old_index_serving(tmp_path, monkeypatch):
    corpus = write_articles(tmp_path / "corpus", BASE)
    store = IndexStore(tmp_path / "index")
    reindex(store.path, [corpus])
    before = store.current_name()
    write_articles(corpus, {"z.txt": "Tin z\nNội dung."})

    def broken(article):
        raise RuntimeError("disk full")

    monkeypatch.setattr("search_app.indexer.clean", broken)
    with pytest.raises(RuntimeError):
        reindex(store.path, [corpus])
    assert store.current_name() == before
    assert os.listdir(tmp_path / "index" / GENERATIONS) == [before]
    assert SearchEngine(tmp_path / "index").search("hoi nghi").total == 5


def test_killed_reindex_leaves_the_old_index_serving(tmp_path):
    corpus = write_articles(tmp_path / "corpus", BASE)
    store = IndexStore(tmp_path / "index")
    reindex(store.path, [corpus])
    before = store.current_name()
    big = tmp_path / "big.jsonl"
    with open(big, "w", encoding="utf-8") as handle:
        for i in range(20000):
            record = {"id": f"big-{i}", "title": f"Bài số {i}", "body": "Hội nghị cán bộ viên chức. " * 20}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    process = subprocess.Popen(
        cli("reindex", corpus, big, "--index", tmp_path / "index"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    generations = tmp_path / "index" / GENERATIONS
    assert wait_until(lambda: len(os.listdir(generations)) == 2, 30), "reindex did not start"
    time.sleep(0.5)
    process.kill()
    process.wait()
    assert store.current_name() == before
    assert SearchEngine(tmp_path / "index").search("hoi nghi").total == 5
    # The next run clears the half-written generation away; nothing changed,
    # so the live generation stays as it is.
    reindex(store.path, [corpus])
    assert os.listdir(generations) == [before]
    assert SearchEngine(tmp_path / "index").search("hoi nghi").total == 5


def test_gunicorn_lets_the_application_answer_an_over_long_url(server):
    url, _, _ = server
    status, body = get_json(url + "/api/search?q=" + "a" * 6000)
    assert status == 414
    assert body["error"]["code"] == "request_uri_too_long"


def test_metrics_add_up_every_worker(server):
    url, _, _ = server
    for _ in range(12):
        assert get_json(url + "/api/search?q=hoi+nghi")[0] == 200
    with urllib.request.urlopen(url + "/metrics", timeout=5) as response:
        text = response.read().decode()
    counted = re.search(
        r'^search_app_requests_total\{route="/api/search",status="200"\} ([0-9.]+)$', text, re.M
    )
    assert counted and float(counted[1]) == 12
