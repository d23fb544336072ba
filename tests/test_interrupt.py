"""A reindex stopped in any way stops its writer processes and leaves the live index as it was."""

import os
import signal
import subprocess
import sys
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


def started(command, output):
    """``command`` in a process of its own, faulthandler on, its output to the file ``output``.

    A file, not a pipe: writer processes that outlived it would hold a pipe open.
    """
    with open(output, "w") as out:
        return subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ, PYTHONFAULTHANDLER="1")
        )


def stopped_in_time(process, output, seconds=60):
    """Wait for ``process``; if it hangs, fail with where it hung (faulthandler's dump on SIGABRT)."""
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGABRT)  # PYTHONFAULTHANDLER: every thread's stack to the output
        process.wait()
        pytest.fail(f"the reindex did not exit within {seconds} s; its output:\n{output.read_text()}")


def idle(pid, seconds=1.0):
    """True once ``pid`` has used no CPU for ``seconds``: it waits for something."""

    def cpu():
        return sum(int(n) for n in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[11:13])

    before = cpu()
    time.sleep(seconds)
    return cpu() == before


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_articles(tmp_path_factory.mktemp("big") / "corpus", ARTICLES)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL])
def test_a_stopped_reindex_leaves_no_writer_behind(corpus, tmp_path, how):
    index = tmp_path / "index"
    small = write_articles(tmp_path / "small", {"a.txt": "Tin cũ\nHội nghị."})
    reindex(index, [small], jobs=1)
    live = IndexStore(index).current_name()
    output = tmp_path / "output"
    process = started(cli("reindex", corpus, "--index", index, "--jobs", "2", "--full"), output)
    writers = []
    try:
        assert wait_for(lambda: len(children_of(process.pid)) >= 2, 60), "the writers never started"
        writers = children_of(process.pid)
        time.sleep(0.5)
        os.kill(process.pid, how)
        stopped_in_time(process, output)
        assert wait_for(lambda: not any(alive(pid) for pid in writers), 10), (
            "writer processes outlived the reindex"
        )
    finally:
        for pid in [process.pid, *writers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait()
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


def test_writers_killed_while_the_reindex_waits_for_room_fail_it(corpus, tmp_path):
    # The kernel's out-of-memory killer can take the writer processes while
    # the reindex waits for room in their full job queue: it used to wait forever.
    index = tmp_path / "index"
    output = tmp_path / "output"
    process = started(cli("reindex", corpus, "--index", index, "--jobs", "2"), output)
    writers = []
    try:
        assert wait_for(lambda: len(children_of(process.pid)) >= 2, 60), "the writers never started"
        writers = children_of(process.pid)
        for pid in writers:
            os.kill(pid, signal.SIGSTOP)
        assert wait_for(lambda: idle(process.pid), 60), "the reindex never waited for its writers"
        for pid in writers:
            os.kill(pid, signal.SIGKILL)
        stopped_in_time(process, output)
    finally:
        for pid in [process.pid, *writers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == 1
    assert "an indexing process was killed (SIGKILL); the live index is unchanged" in output.read_text()
    assert not (index / "CURRENT").exists()


# Run in the reindex's process: the stop signal lands inside the job queue's
# notification of its feeder thread, after the feeder is woken and before it is
# struck off the condition's waiters, as a signal can. The feeder then misses
# the queue's last notification and the exit, which joins it, waits forever.
SIGNAL_INSIDE_THE_JOB_QUEUE = """
import collections, multiprocessing, multiprocessing.queues, os, signal, sys

class Waiters(collections.deque):
    armed = True

    def remove(self, waiter):
        if Waiters.armed and multiprocessing.parent_process() is None:
            Waiters.armed = False
            os.kill(os.getpid(), signal.SIGTERM)
        super().remove(waiter)

reset = multiprocessing.queues.Queue._reset

def _reset(queue, after_fork=False):
    reset(queue, after_fork)
    queue._notempty._waiters = Waiters()

multiprocessing.queues.Queue._reset = _reset
from search_app.cli import main
main(prog_name="search-app")
"""


def test_a_stop_signal_inside_the_writers_job_queue_still_stops_the_reindex(corpus, tmp_path):
    index = tmp_path / "index"
    output = tmp_path / "output"
    command = [
        sys.executable,
        "-c",
        SIGNAL_INSIDE_THE_JOB_QUEUE,
        "reindex",
        corpus,
        "--index",
        index,
        "--jobs",
        "2",
    ]
    process = started(command, output)
    try:
        stopped_in_time(process, output)
    finally:
        if alive(process.pid):
            process.kill()
            process.wait()
    assert process.returncode == 1
    assert "the reindex was stopped by SIGTERM; the live index is unchanged" in output.read_text()
    assert not (index / "CURRENT").exists()


def test_a_stop_signal_during_the_publish_is_too_late_to_stop_the_run(tmp_path, monkeypatch):
    # Once the new generation goes live, a stop saying "the live index is unchanged" would lie.
    source = write_articles(tmp_path / "corpus", {"a.txt": "Hội nghị\nNội dung."})
    publish = IndexStore.publish

    def publish_and_be_stopped(store, *args):
        publish(store, *args)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(IndexStore, "publish", publish_and_be_stopped)
    summary = reindex(tmp_path / "index", [source], jobs=1)
    assert IndexStore(tmp_path / "index").current_name() == summary.generation
    assert summary.documents == 1
