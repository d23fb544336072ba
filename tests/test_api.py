import pytest

from search_app.web.app import create_app


def test_search_answers_the_documented_shape(client):
    response = client.get("/api/search?q=giang+manh+khoi&per_page=3")
    assert response.status_code == 200
    data = response.get_json()
    assert list(data) == [
        "query",
        "total",
        "page",
        "per_page",
        "pages",
        "took_ms",
        "suggestion",
        "interpreted_as",
        "interpreted_because",
        "results",
        "facets",
    ]
    assert (data["query"], data["page"], data["per_page"]) == ("giang manh khoi", 1, 3)
    first = data["results"][0]
    assert list(first) == ["id", "title", "score", "snippet", "speakers", "date", "source", "url"]
    assert first["id"] == "khcn/02-trung-tam-laser-so-ket"
    assert first["date"] == "2023-07-14"
    assert {"name": "Giang Mạnh Khôi", "role": "Phó Viện trưởng phụ trách Trung tâm"} in first["speakers"]
    assert "<mark>Giang Mạnh Khôi</mark>" in first["snippet"]


def test_date_is_null_when_unknown(make_engine, tmp_path):
    make_engine({"a.txt": "Tiêu đề không ngày\nNội dung không có ngày tháng."})
    app = create_app({"INDEX_PATH": str(tmp_path / "index"), "TESTING": True})
    data = app.test_client().get("/api/search?q=noi+dung").get_json()
    assert data["results"][0]["date"] is None


@pytest.mark.parametrize(
    "query, status, code",
    [
        ("", 400, "missing_query"),
        ("?q=", 400, "missing_query"),
        ("?q=%20%20", 400, "missing_query"),
        ("?q=" + "a" * 501, 400, "query_too_long"),
        ("?q=x&page=0", 400, "invalid_page"),
        ("?q=x&page=-3", 400, "invalid_page"),
        ("?q=x&page=abc", 400, "invalid_page"),
        ("?q=x&per_page=0", 400, "invalid_per_page"),
        ("?q=x&per_page=101", 400, "invalid_per_page"),
        ("?q=x&per_page=1e9", 400, "invalid_per_page"),
        ("?q=x&page=%D9%A1%D9%A3", 400, "invalid_page"),  # Arabic-Indic digits
        ("?q=x&page=%EF%BC%92", 400, "invalid_page"),  # a full-width 2
        ("?q=x&page=%202", 400, "invalid_page"),
        ("?q=x&page=99999999999999999999999", 400, "invalid_page"),
        ("?q=x&year=%DB%B2%DB%B0%DB%B2%DB%B3", 400, "invalid_year"),
        ("?q=x&from=2023-05-01&to=2023-04-30", 400, "invalid_date"),
    ],
)
def test_search_errors(client, query, status, code):
    response = client.get("/api/search" + query)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["code"] == code
    assert error["message"]


def test_a_page_past_the_last_is_empty_and_says_how_many_pages_there_are(client):
    data = client.get("/api/search?q=ngay&page=1000000").get_json()
    assert (data["total"], data["pages"], data["page"], data["results"]) == (18, 2, 1000000, [])


def test_query_of_exactly_500_characters_is_accepted(client):
    assert client.get("/api/search?q=" + "a" * 500).status_code == 200


@pytest.mark.parametrize("q", ['"', "-", "OR", "title:", "%00", "%F0%9F%98%80", "((((", "'; DROP TABLE"])
def test_odd_queries_answer_an_empty_result(client, q):
    response = client.get("/api/search?q=" + q)
    assert response.status_code == 200
    assert (response.get_json()["total"], response.get_json()["results"]) == (0, [])


@pytest.mark.parametrize(("q", "code"), [("%20%20", "missing_query"), ("a" * 501, "query_too_long")])
def test_queries_that_cannot_be_searched_answer_a_json_error(client, q, code):
    response = client.get("/api/search?q=" + q)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == code


def test_document_with_speakers(client):
    response = client.get("/api/documents/khcn/04-so-khcn-hoa-binh")
    assert response.status_code == 200
    doc = response.get_json()
    assert doc["title"] == "Sở Khoa học và Công nghệ Hoà Bình triển khai nhiệm vụ năm 2024"
    assert doc["speakers"] == [
        {"name": "Bùi Văn Khoẻ", "role": "Giám đốc Sở"},
        {"name": "Đinh Thị Thuý", "role": "Phó Giám đốc Sở"},
    ]
    assert doc["date"] == "2024-01-10"
    assert "Nguồn:" not in doc["body"]


def test_unknown_document(client):
    response = client.get("/api/documents/khcn/nope")
    assert response.status_code == 404
    assert response.get_json() == {
        "error": {"code": "not_found", "message": "no document with id 'khcn/nope'"}
    }


def test_unknown_api_route_and_method_answer_json(client):
    assert client.get("/api/nope").get_json()["error"]["code"] == "not_found"
    response = client.post("/api/search?q=x")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"


def test_healthz(client, sample_index):
    data = client.get("/healthz").get_json()
    assert data["documents"] == 20
    assert data["version"] == (sample_index / "CURRENT").read_text().strip()


def test_missing_index_is_a_clear_503(tmp_path):
    app = create_app({"INDEX_PATH": str(tmp_path / "none"), "TESTING": True})
    response = app.test_client().get("/api/search?q=x")
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "index_missing"
    assert "search-app reindex" in response.get_json()["error"]["message"]
