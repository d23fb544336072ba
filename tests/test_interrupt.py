"""A reindex stopped in any way stops its writer processes and leaves the live index as it was."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from search_app.indexer import reindex
from search_app.store import GENERATIONS, IndexStore

from .conftest import cli, write_articles

ARTICLES = {
    f"a{n:04}.txt": f"Hội nghị số {n}\n"
    + " ".join(f"Đoạn {k} của bài {n}: hội nghị cán bộ viên chức." for k in range(30))
    for n in range(1500)
}


def children_of(pid):
    """The live child processes of ``pid`` (zombies are gone as far as anyone is concerned)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_articles(tmp_path_factory.mktemp("big") / "corpus", ARTICLES)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL])
def test_a_stopped_reindex_leaves_no_writer_behind(corpus, tmp_path, how):
    index = tmp_path / "index"
    small = write_articles(tmp_path / "small", {"a.txt": "Tin cũ\nHội nghị."})
    reindex(index, [small], jobs=1)
    live = IndexStore(index).current_name()
    # Output goes to a file: writers that outlived it would hold a pipe open.
    output = tmp_path / "output"
    with open(output, "w") as out:
        process = subprocess.Popen(
            cli("reindex", corpus, "--index", index, "--jobs", "2", "--full"),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    writers = []
    try:
        assert wait_for(lambda: len(children_of(process.pid)) >= 2, 60), "the writers never started"
        writers = children_of(process.pid)
        time.sleep(0.5)
        os.kill(process.pid, how)
        process.wait(timeout=60)
        assert wait_for(lambda: not any(alive(pid) for pid in writers), 10), (
            "writer processes outlived the reindex"
        )
    finally:
        for pid in [process.pid, *writers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    stderr = output.read_text()
    assert IndexStore(index).current_name() == live  # the live index is as it was
    if how != signal.SIGKILL:
        assert process.returncode == 1
        assert "the live index is unchanged" in stderr
        assert sorted(os.listdir(index / GENERATIONS)) == [live]
    else:  # nothing could clean up: the next run does, and says so
        summary = reindex(index, [small], jobs=1)
        assert any("left unfinished by a reindex that was stopped" in note for note in summary.notes)
        assert sorted(os.listdir(index / GENERATIONS)) == [live]
