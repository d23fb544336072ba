"""What an operator sees: Prometheus metrics at ``/metrics`` and a JSON-lines access log.

Metrics: requests by route and status, a latency histogram by route, the
searches that found nothing, and the documents the index holds. Under
gunicorn with several workers, ``PROMETHEUS_MULTIPROC_DIR`` (set by
:mod:`search_app.web.server`) makes ``/metrics`` add up every worker.

The access log is one JSON object a line (to stderr, or to the file the
``ACCESS_LOG`` setting names, from ``$SEARCH_APP_ACCESS_LOG``): time, route, query, total, took_ms, status.
No client addresses. ``search-app stats`` reads it.
"""

import json
import logging
import os
import time

from flask import Response, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
REQUESTS = Counter("search_app_requests", "HTTP requests answered", ["route", "status"])
LATENCY = Histogram(
    "search_app_request_seconds",
    "Time to answer a request",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
NOTHING_FOUND = Counter("search_app_searches_without_results", "Searches that found nothing")
DOCUMENTS = Gauge("search_app_documents", "Documents in the generation that answers", multiprocess_mode="max")


def record_search(query, result):
    """Note a search for the access log and the metrics (called by the routes that search)."""
    g.search = {"query": query, "total": result.total, "took_ms": result.took_ms}
    if not result.total:
        NOTHING_FOUND.inc()


def metrics():
    """``GET /metrics``: the Prometheus text format."""
    DOCUMENTS.set(current_app.extensions["search_engine"].health()["documents"])
    if MULTIPROCESS:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY as registry
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


def access_logger(destination):
    """A logger of its own for one app's access log: a file, or stderr."""
    logger = logging.Logger("search_app.access", logging.INFO)
    handler = logging.FileHandler(destination, encoding="utf-8") if destination else logging.StreamHandler()
    logger.addHandler(handler)
    return logger


def register(app):
    access_log = app.extensions["access_log"] = access_logger(app.config.get("ACCESS_LOG"))
    app.add_url_rule("/metrics", "metrics", metrics)

    @app.before_request
    def start_clock():
        g.started = time.perf_counter()

    @app.after_request
    def observe(response):
        route = request.url_rule.rule if request.url_rule else "unknown"
        seconds = time.perf_counter() - g.get("started", time.perf_counter())
        REQUESTS.labels(route, str(response.status_code)).inc()
        LATENCY.labels(route).observe(seconds)
        search = g.get("search", {})
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "route": route,
            "query": search.get("query", request.args.get("q")),
            "total": search.get("total"),
            "took_ms": search.get("took_ms", round(seconds * 1000, 2)),
            "status": response.status_code,
        }
        access_log.info(json.dumps(entry, ensure_ascii=False))
        return response
