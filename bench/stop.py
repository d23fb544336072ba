"""Stop reindexes with signals, many times, and count those that do not exit.

    python bench/stop.py --rounds 50 --parallel 3

Each of ``--parallel`` loops starts ``search-app reindex --jobs 2 --full`` of
1,500 generated articles (about 3 s of work), waits for its two writer
processes, sends SIGTERM, SIGHUP or SIGINT (at random) a random 0 to
``--max-delay`` seconds later, and waits ``--timeout`` seconds for it to exit.
One that does not is counted as hung: ``faulthandler`` writes every thread's
stack into ``--work``/hung-N.txt (SIGABRT), then it is killed. The loops run
side by side, at ``nice 5``, so that the reindexes compete for the cores as a
busy server's would. Prints one table: per signal, the runs, those that hung,
the exit codes, and how long the others took to exit after their signal.

A hang is rare (about one stopped reindex in 50 hung before 31bd495), so
compare versions with a few hundred runs each: run this script from each
version's tree (``PYTHONPATH`` set to it).
"""

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def write_corpus(root, count=1500):
    root.mkdir(parents=True)
    for n in range(count):
        body = " ".join(f"Đoạn {k} của bài {n}: hội nghị cán bộ viên chức." for k in range(30))
        (root / f"a{n:04}.txt").write_text(f"Hội nghị số {n}\n{body}", encoding="utf-8")
    return root


def children_of(pid):
    """The child processes of ``pid``."""
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(line) for line in found.split()]


def stop_once(corpus, work, delay, how, timeout, hung_path):
    """``(exit code or None if it hung, seconds from the signal to the exit)``."""
    index = work / "index"
    shutil.rmtree(index, ignore_errors=True)
    env = dict(os.environ, PYTHONFAULTHANDLER="1")
    with open(work / "output", "w") as out:
        process = subprocess.Popen(
            ["nice", "-n", "5", sys.executable, "-m", "search_app", "reindex", str(corpus),
             "--index", str(index), "--jobs", "2", "--full"],
            stdout=out, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
    deadline = time.monotonic() + 60
    while len(children_of(process.pid)) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    writers = children_of(process.pid)
    time.sleep(delay)
    os.kill(process.pid, how)
    sent = time.monotonic()
    try:
        code = process.wait(timeout=timeout)
        return code, time.monotonic() - sent
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)  # faulthandler: every thread's stack to the output
        time.sleep(2)
        for pid in [process.pid, *writers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        process.wait()
        hung_path.write_text((work / "output").read_text(errors="replace"))
        return None, timeout


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=50, help="reindexes stopped by each loop")
    parser.add_argument("--parallel", type=int, default=3, help="loops side by side")
    parser.add_argument("--max-delay", type=float, default=3.0, help="longest wait before the signal, s")
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds an exit may take before it is a hang"
    )
    parser.add_argument(
        "--work", type=Path, default=None, help="scratch folder (default: a new temporary one)"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="stop-"))
    corpus = write_corpus(work / "corpus")
    results = defaultdict(list)  # signal name -> [(exit code or None, seconds)]
    lock = threading.Lock()

    def loop(slot):
        rng = random.Random(args.seed * 1000 + slot)
        folder = work / f"loop{slot}"
        folder.mkdir()
        for n in range(args.rounds):
            how = rng.choice(SIGNALS)
            hung_path = work / f"hung-{slot}-{n}.txt"
            result = stop_once(corpus, folder, rng.uniform(0, args.max_delay), how, args.timeout, hung_path)
            with lock:
                results[how.name].append(result)

    threads = [threading.Thread(target=loop, args=(slot,)) for slot in range(args.parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"reindexes stopped at random, {args.parallel} side by side; stacks of hung ones in {work}\n")
    print("| signal | runs | hung | exit codes | exit after the signal, p50 / p95 / max ms |")
    print("|---|---|---|---|---|")
    for name in sorted(results):
        runs = results[name]
        exited = [seconds * 1000 for code, seconds in runs if code is not None]
        codes = sorted({code for code, _ in runs if code is not None})
        timing = (
            f"{statistics.median(exited):.0f} / {sorted(exited)[int(len(exited) * 0.95)]:.0f} / {max(exited):.0f}"
            if exited
            else "–"
        )
        hung = sum(code is None for code, _ in runs)
        print(f"| {name} | {len(runs)} | {hung} | {', '.join(map(str, codes))} | {timing} |")


if __name__ == "__main__":
    main()
