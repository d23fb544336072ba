"""Metrics at /metrics and the JSON-lines access log, as an operator reads them."""

import json
import re

import pytest
from click.testing import CliRunner

from search_app.cli import main
from search_app.web.app import create_app


@pytest.fixture
def logged(sample_index, tmp_path):
    log = tmp_path / "access.log"
    app = create_app({"INDEX_PATH": str(sample_index), "TESTING": True, "ACCESS_LOG": str(log)})
    yield app.test_client(), log
    for handler in app.extensions["access_log"].handlers:
        handler.close()


def value(text, name, **labels):
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    match = re.search(
        rf"^{name}{{{re.escape(wanted)}}} ([0-9.e+]+)$" if labels else rf"^{name} ([0-9.e+]+)$", text, re.M
    )
    return float(match[1]) if match else 0.0


def test_metrics_count_requests_latency_searches_without_results_and_documents(client):
    before = client.get("/metrics").get_data(as_text=True)
    client.get("/api/search?q=hoi+nghi")
    client.get("/api/search?q=xyzzyx")
    client.get("/api/search")  # a 400
    after = client.get("/metrics").get_data(as_text=True)

    def counted(text, status):
        return value(text, "search_app_requests_total", route="/api/search", status=status)

    assert counted(after, "200") - counted(before, "200") == 2
    assert counted(after, "400") - counted(before, "400") == 1
    assert (
        value(after, "search_app_searches_without_results_total")
        - value(before, "search_app_searches_without_results_total")
        == 1
    )
    assert value(after, "search_app_request_seconds_count", route="/api/search") >= 3
    assert value(after, "search_app_documents") == 20


def test_every_request_is_a_json_line_without_the_client_address(logged):
    client, log = logged
    client.get("/api/search?q=hoi+nghi", environ_base={"REMOTE_ADDR": "203.0.113.9"})
    client.get("/search?q=xyzzyx")
    client.get("/doc/nowhere")
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [(e["route"], e["query"], e["total"], e["status"]) for e in lines] == [
        ("/api/search", "hoi nghi", 10, 200),
        ("/search", "xyzzyx", 0, 200),
        ("/doc/<path:doc_id>", None, None, 404),
    ]
    assert all(set(e) == {"time", "route", "query", "total", "took_ms", "status"} for e in lines)
    assert "203.0.113.9" not in log.read_text(encoding="utf-8")


def test_stats_prints_the_top_queries_and_those_that_found_nothing(logged):
    client, log = logged
    for query in ["hoi nghi", "hoi nghi", "laser", "xyzzyx", "xyzzyx", "xyzzyx", "qqqq"]:
        client.get("/api/search", query_string={"q": query})
    result = CliRunner().invoke(main, ["stats", str(log)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "7 searches, 4 found nothing (57%)",
        "",
        "| top queries | searches | results |",
    ]
    assert "| xyzzyx | 3 | 0 |" in result.output
    assert "| hoi nghi | 2 | 10 |" in result.output
    assert result.output.split("| queries that found nothing | searches |")[1].splitlines()[2:4] == [
        "| xyzzyx | 3 |",
        "| qqqq | 1 |",
    ]
