"""What a hostile article or request cannot do: run script, frame the site, sniff types."""

import json

import pytest

from search_app.indexer import reindex
from search_app.web.app import create_app

HOSTILE_URLS = [
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "data:text/html,<script>x</script>",
    "vbscript:x",
]


@pytest.fixture
def hostile_client(tmp_path):
    records = [
        {"id": f"bad{n}", "title": f"Bài xấu {n}", "body": "Hội nghị cán bộ.", "url": url}
        for n, url in enumerate(HOSTILE_URLS)
    ] + [{"id": "good", "title": "Bài tốt", "body": "Hội nghị cán bộ.", "url": "  HTTPS://example.org/a  "}]
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    reindex(tmp_path / "index", [source], jobs=1)
    return create_app({"INDEX_PATH": str(tmp_path / "index"), "TESTING": True}).test_client()


@pytest.mark.parametrize("n", range(len(HOSTILE_URLS)))
def test_a_url_that_is_not_http_never_becomes_a_link(hostile_client, n):
    page = hostile_client.get(f"/doc/bad{n}").get_data(as_text=True)
    assert "Bài gốc" not in page
    assert "script:" not in page.lower() and "data:text" not in page
    assert hostile_client.get(f"/api/documents/bad{n}").get_json()["url"] == ""


def test_an_http_url_is_kept_trimmed(hostile_client):
    assert hostile_client.get("/api/documents/good").get_json()["url"] == "HTTPS://example.org/a"
    assert '<a href="HTTPS://example.org/a" rel="nofollow noopener">Bài gốc</a>' in hostile_client.get(
        "/doc/good"
    ).get_data(as_text=True)


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/search?q=hoi+nghi",
        "/api/search?q=hoi+nghi",
        "/api/search",
        "/healthz",
        "/nowhere",
        "/static/style.css",
    ],
)
def test_every_answer_carries_the_security_headers(client, url):
    with client.get(url) as response:
        headers = response.headers
    assert headers["Content-Security-Policy"] == CSP
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    ("url", "cache"),
    [
        ("/search?q=hoi+nghi", "no-cache"),
        ("/api/search?q=hoi+nghi", "no-cache"),
        ("/api/search", "no-store"),  # an error
        ("/healthz", "no-store"),
    ],
)
def test_cache_control(client, url, cache):
    assert client.get(url).headers["Cache-Control"] == cache


def test_api_answers_carry_an_etag_of_the_generation_and_revalidate(client, sample_index):
    generation = (sample_index / "CURRENT").read_text().strip()
    response = client.get("/api/search?q=hoi+nghi")
    assert response.headers["ETag"] == f'W/"{generation}"'
    again = client.get("/api/search?q=hoi+nghi", headers={"If-None-Match": response.headers["ETag"]})
    assert (again.status_code, again.data) == (304, b"")
    other = client.get("/api/search?q=hoi+nghi", headers={"If-None-Match": 'W/"another-generation"'})
    assert other.status_code == 200


def test_an_over_long_url_answers_the_json_error(client):
    response = client.get("/api/search?q=" + "a" * 5000)
    assert response.status_code == 414
    assert response.get_json()["error"]["code"] == "request_uri_too_long"
    assert client.get("/search?q=" + "a" * 5000).status_code == 414


def test_a_body_over_the_limit_answers_the_json_error(client):
    response = client.post("/api/search?q=a", data=b"x" * 100_000)
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "request_entity_too_large"


@pytest.mark.parametrize(
    ("method", "status", "code"), [("DELETE", 405, "method_not_allowed"), ("GET", 404, "not_found")]
)
def test_unknown_routes_and_methods_answer_the_json_error(client, method, status, code):
    url = "/api/search?q=a" if method == "DELETE" else "/api/nowhere"
    response = client.open(url, method=method)
    assert response.status_code == status
    assert response.get_json()["error"]["code"] == code
