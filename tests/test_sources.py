"""Hostile and failing sources: FIFOs, devices, symlinks, unreadable folders, vanishing files, path spellings."""

import os
import shutil
import subprocess
import threading

import pytest
from click.testing import CliRunner

from search_app import articles
from search_app.articles import Article, Skipped, read_sources
from search_app.cli import main
from search_app.indexer import reindex
from search_app.search import SearchEngine

from .conftest import cli, write_articles

ARTICLES = {f"tin-{n}.txt": f"Hội nghị số {n}\nHội nghị cán bộ lần {n} đã diễn ra." for n in range(4)}
ARTICLES["sub/tin-sub.txt"] = "Hội nghị trong thư mục con\nBài viết trong thư mục con."


def read_within(seconds, *sources):
    """What read_sources yields, read in a thread that must finish within ``seconds``."""
    items = []
    thread = threading.Thread(target=lambda: items.extend(read_sources(sources)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading the sources hung"
    return {os.path.basename(i.origin): i.reason for i in items if isinstance(i, Skipped)}, [
        i.id for i in items if isinstance(i, Article)
    ]


def test_a_fifo_is_skipped_without_being_opened(tmp_path):
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    os.mkfifo(corpus / "pipe.txt")
    skipped, ids = read_within(10, corpus)
    assert skipped == {"pipe.txt": "not a regular file (a FIFO)"}
    assert len(ids) == 5


def test_a_symlink_to_a_device_is_skipped_and_a_symlink_to_a_file_is_read(tmp_path):
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    (corpus / "zero.txt").symlink_to("/dev/zero")
    outside = write_articles(tmp_path / "outside", {"real.txt": "Bài thật\nNội dung."})
    (corpus / "link.txt").symlink_to(outside / "real.txt")
    skipped, ids = read_within(10, corpus)
    assert skipped == {"zero.txt": "not a regular file (a character device)"}
    assert "link" in ids


def test_a_file_growing_past_the_limit_after_its_size_was_read_is_cut_at_the_limit(tmp_path, monkeypatch):
    corpus = write_articles(tmp_path / "corpus", {"big.txt": "Tiêu đề\n" + "a" * 100})
    monkeypatch.setattr(articles, "MAX_ARTICLE_BYTES", 50)
    real_fstat = os.fstat
    # stat says small, the file is not: the read itself must stop at the limit.
    monkeypatch.setattr(
        os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:]))
    )
    monkeypatch.setattr(
        articles, "_stat", lambda path: os.stat_result((*os.stat(path)[:6], 10, *os.stat(path)[7:]))
    )
    skipped, ids = read_within(10, corpus)
    assert skipped == {"big.txt": "too large (over 50 bytes)"}


def test_a_file_that_vanishes_during_the_run_is_reported(tmp_path, monkeypatch):
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    real_walk = os.walk

    def walk_listing_a_ghost(root, **kwargs):
        for dirpath, dirnames, filenames in real_walk(root, **kwargs):
            yield dirpath, dirnames, [*filenames, "ghost.txt"] if dirpath == str(root) else filenames

    monkeypatch.setattr(articles.os, "walk", walk_listing_a_ghost)
    skipped, ids = read_within(10, corpus)
    assert skipped == {"ghost.txt": "vanished while the reindex ran"}
    assert len(ids) == 5


def test_an_explicit_source_that_is_not_a_regular_file_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    result = CliRunner().invoke(
        main, ["reindex", str(tmp_path / "pipe.jsonl"), "--index", str(tmp_path / "ix")]
    )
    assert result.exit_code == 1
    assert "not a regular file (a FIFO)" in result.output


def test_a_jsonl_line_over_the_limit_is_skipped_without_holding_it(tmp_path, monkeypatch):
    monkeypatch.setattr(articles, "MAX_ARTICLE_BYTES", 100)
    source = tmp_path / "a.jsonl"
    source.write_text(
        '{"id": "1", "title": "Một", "body": "x"}\n'
        + '{"id": "2", "title": "Hai", "body": "'
        + "y" * 500
        + '"}\n'
        + '{"id": "3", "title": "Ba", "body": "z"}\n',
        encoding="utf-8",
    )
    skipped, ids = read_within(10, source)
    assert ids == ["1", "3"]
    assert skipped == {"a.jsonl:2": "too large (over 100 bytes)"}


@pytest.mark.parametrize("spelling", ["absolute", "trailing slash", "through a symlink"])
def test_the_same_files_by_another_path_spelling_are_unchanged(tmp_path, monkeypatch, spelling):
    write_articles(tmp_path / "corpus", ARTICLES)
    (tmp_path / "alias").symlink_to(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    index = tmp_path / "index"
    reindex(index, ["corpus"], jobs=1)
    again = {"absolute": str(tmp_path / "corpus"), "trailing slash": "corpus/", "through a symlink": "alias"}[
        spelling
    ]
    summary = reindex(index, [again], jobs=1)
    assert (summary.unchanged, summary.added, summary.updated, summary.removed) == (5, 0, 0, 0)


needs_dropped_capabilities = pytest.mark.skipif(
    os.geteuid() == 0 and not shutil.which("setpriv"),
    reason="root ignores permissions and setpriv is missing",
)


def reindex_as_a_user(corpus, index):
    """Run the reindex CLI where permissions apply (as root: with the capabilities that bypass them dropped)."""
    command = cli("reindex", corpus, "--index", index, "--jobs", "1")
    if os.geteuid() == 0:
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@needs_dropped_capabilities
def test_an_unreadable_folder_is_reported_and_keeps_its_articles(tmp_path):
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    index = tmp_path / "index"
    reindex(index, [corpus], jobs=1)
    (corpus / "sub").chmod(0)
    try:
        result = reindex_as_a_user(corpus, index)
    finally:
        (corpus / "sub").chmod(0o755)
    assert result.returncode == 3, result.stderr
    assert f"skipped {corpus / 'sub'}: unreadable folder: Permission denied" in result.stderr
    assert "removed 0" in result.stdout
    assert SearchEngine(index).document("sub/tin-sub").title == "Hội nghị trong thư mục con"


@needs_dropped_capabilities
def test_an_unreadable_file_is_reported_and_keeps_its_article(tmp_path):
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    index = tmp_path / "index"
    reindex(index, [corpus], jobs=1)
    (corpus / "tin-1.txt").chmod(0)
    result = reindex_as_a_user(corpus, index)
    assert result.returncode == 3, result.stderr
    assert f"skipped {corpus / 'tin-1.txt'}: unreadable: Permission denied" in result.stderr
    assert SearchEngine(index).document("tin-1").title == "Hội nghị số 1"
