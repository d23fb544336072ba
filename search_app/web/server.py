"""gunicorn's settings for this app, shared by ``search-app serve`` and ``gunicorn.conf.py``.

* gunicorn answers a request line over its limit (4,094 bytes by default)
  with an HTML page of its own; without that limit, the application answers
  it (``MAX_URL_BYTES`` in :mod:`search_app.web.app`) in the API's JSON shape.
* Each worker counts its own metrics; a directory they all write to lets
  ``/metrics`` add them up (prometheus-client's multiprocess mode).
"""

import os
import shutil
import tempfile


def on_starting(server):
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="search-app-metrics-")
        server.metrics_dir = os.environ["PROMETHEUS_MULTIPROC_DIR"]


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if getattr(server, "metrics_dir", None):
        shutil.rmtree(server.metrics_dir, ignore_errors=True)


SETTINGS = {
    "limit_request_line": 0,
    "on_starting": on_starting,
    "child_exit": child_exit,
    "on_exit": on_exit,
}
