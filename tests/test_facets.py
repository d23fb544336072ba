"""Filters, sorting, facets and the speaker page (API and web)."""

import pytest

from search_app.search import Filters
from search_app.text import fold


def ids(data):
    return [r["id"] for r in data["results"]]


def test_year_in_the_query_and_as_a_parameter_agree(client):
    in_query = client.get("/api/search?q=hoi+nghi+year:2023&per_page=50").get_json()
    as_param = client.get("/api/search?q=hoi+nghi&year=2023&per_page=50").get_json()
    assert in_query["total"] == as_param["total"] == 6
    assert sorted(ids(in_query)) == sorted(ids(as_param))
    assert all(r["date"].startswith("2023") for r in in_query["results"])


def test_year_range_and_year_alone(client):
    both = client.get("/api/search?q=year:2023-2024&per_page=50").get_json()
    assert both["total"] == 20  # every sample article is from 2023 or 2024
    assert client.get("/api/search?q=year:2024&per_page=50").get_json()["total"] == 9


def test_date_range(client):
    data = client.get("/api/search?q=hoi+nghi&from=2023-07-01&to=2023-12-31&per_page=50").get_json()
    dates = sorted(r["date"] for r in data["results"])
    assert dates == ["2023-07-14", "2023-08-08", "2023-11-09", "2023-12-20"]


def test_sort_by_date_newest_first(client):
    data = client.get("/api/search?q=hoi+nghi&sort=date&per_page=50").get_json()
    dates = [r["date"] for r in data["results"]]
    assert dates == sorted(dates, reverse=True)
    # Sorted by date, each result keeps its relevance score.
    assert all(r["score"] > 0 for r in data["results"])


def test_facets_count_every_matching_document(client):
    data = client.get("/api/search?q=hoi+nghi&per_page=1").get_json()
    facets = data["facets"]
    assert facets["year"] == [{"value": 2024, "count": 4}, {"value": 2023, "count": 6}]
    assert sum(f["count"] for f in facets["year"]) == data["total"]
    assert {"value": "Trung tâm Công nghệ Laser", "count": 1} in facets["organisation"]
    assert {"value": "giang manh khoi", "name": "Giang Mạnh Khôi", "count": 1} in facets["speaker"]


def test_organisation_and_speaker_filters(client):
    data = client.get("/api/search?q=hoi+nghi&org=Trung tâm Công nghệ Laser").get_json()
    assert ids(data) == ["khcn/02-trung-tam-laser-so-ket"]
    # Speakers match without accents, as users type them.
    data = client.get("/api/search?q=cong+doan&speaker=nguyen phu hung").get_json()
    assert ids(data) == ["khcn/05-dai-hoi-cong-doan"]


@pytest.mark.parametrize(
    "args, code",
    [
        ("year=20x3", "invalid_year"),
        ("year=99", "invalid_year"),
        ("from=2023-13-01", "invalid_date"),
        ("to=yesterday", "invalid_date"),
        ("sort=popular", "invalid_sort"),
    ],
)
def test_filter_errors(client, args, code):
    response = client.get("/api/search?q=x&" + args)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == code


def test_speaker_api_lists_articles_newest_first_with_roles(client):
    data = client.get("/api/speakers/Nguyen Phu Hung").get_json()
    assert (data["name"], data["total"]) == ("Nguyễn Phú Hùng", 1)
    assert data["articles"] == [
        {
            "id": "khcn/05-dai-hoi-cong-doan",
            "title": "Đại hội Công đoàn Viện Ứng dụng công nghệ nhiệm kỳ 2023 – 2028",
            "date": "2023-05-26",
            "year": 2023,
            "name": "Nguyễn Phú Hùng",
            "role": "Bí thư Đảng ủy, Viện trưởng Viện Ứng dụng công nghệ",
            "source": "",
        }
    ]
    response = client.get("/api/speakers/Không Ai Cả")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_speaker_page_newest_first(make_engine, tmp_path):
    from search_app.web.app import create_app

    make_engine(
        {
            "cu.txt": "Tin cũ\nNgày 01/02/2022, đồng chí Lê Văn Tám – Giám đốc Sở phát biểu.",
            "moi.txt": "Tin mới\nNgày 03/04/2024, ông Lê Văn Tám, Chủ tịch Hội đồng khai mạc.",
            "khac.txt": "Tin khác\nNgày 05/06/2023, bà Trần Thị Hoa phát biểu.",
        }
    )
    client = create_app({"INDEX_PATH": str(tmp_path / "index"), "TESTING": True}).test_client()
    page = client.get("/speaker/le van tam").get_data(as_text=True)
    assert "<h1>Lê Văn Tám</h1>" in page
    assert "Xuất hiện trong 2 bài viết" in page
    assert page.index("Tin mới") < page.index("Tin cũ")
    assert "Vai trò: Chủ tịch Hội đồng" in page and "Vai trò: Giám đốc Sở" in page


def test_results_page_facet_links_narrow_the_search(client):
    page = client.get("/search?q=hoi+nghi").get_data(as_text=True)
    assert '<a href="/search?q=hoi+nghi&amp;year=2023">2023</a> <span class="count">6</span>' in page
    narrowed = client.get("/search?q=hoi+nghi&year=2023").get_data(as_text=True)
    assert "Tìm thấy 6 kết quả" in narrowed
    assert 'href="/search?q=hoi+nghi" title="Bỏ bộ lọc">Năm: 2023 ✕</a>' in narrowed


def test_filters_survive_pagination(client):
    page = client.get("/search?q=ngay&sort=date&page=1").get_data(as_text=True)
    assert 'href="/search?q=ngay&amp;sort=date&amp;page=2"' in page


def test_a_foreign_surname_alone_counts_as_the_full_name_across_articles(make_engine):
    engine = make_engine(
        {
            "a.txt": "Tin một\nNgày 01/02/2023, Tổng thống Mỹ Donald Trump phát biểu tại hội nghị.",
            "b.txt": "Tin hai\nNgày 01/03/2023, Tổng thống Mỹ Donald Trump gặp báo chí tại hội nghị.",
            "c.txt": "Tin ba\nNgày 01/04/2023, ông Trump cho biết tại hội nghị.",
            "d.txt": "Tin bốn\nNgày 01/05/2023, ông Lê Văn Tám phát biểu tại hội nghị.",
            "e.txt": "Tin năm\nNgày 01/06/2023, ông Tám cho biết tại hội nghị.",
        }
    )
    counts = {f.value: f.count for f in engine.search("hoi nghi").facets.speaker}
    # "Tám" alone is Vietnamese: many people are called Tám, so it stays apart.
    assert counts == {"donald trump": 3, "le van tam": 1, "tam": 1}
    assert engine.search("hoi nghi", filters=Filters(speaker="Donald Trump")).total == 3
    page = engine.speaker("Donald Trump")
    assert page.total == 3
    assert sorted(a.name for a in page.articles) == ["Donald Trump", "Donald Trump", "Trump"]


def test_a_speakers_name_is_written_as_the_first_live_article_writes_it(make_engine, tmp_path):
    articles = {
        "a.txt": "Tin một\nNgày 01/02/2023, ông Lê Văn Tám phát biểu tại hội nghị.",
        "b.txt": "Tin hai\nNgày 01/03/2023, ông Le Van Tam phát biểu tại hội nghị.",
    }
    engine = make_engine(articles)
    assert [(f.value, f.name) for f in engine.search("hoi nghi").facets.speaker] == [
        ("le van tam", "Lê Văn Tám")
    ]
    # The article that wrote it first no longer names him: the next one's spelling shows.
    articles["a.txt"] = "Tin một\nNgày 01/02/2023, hội nghị khai mạc."
    engine = make_engine(articles)
    assert [(f.value, f.name) for f in engine.search("hoi nghi").facets.speaker] == [
        ("le van tam", "Le Van Tam")
    ]


def test_no_search_waits_for_the_facets_columns(sample_index, monkeypatch):
    # Each document's year, organisation and speakers are read when a generation opens
    # (2 s at 179k articles), not by the first search of each server process.
    from search_app.search import SearchEngine
    from search_app.search.postings import Postings

    read = []
    column = Postings.column
    monkeypatch.setattr(Postings, "column", lambda self, name: read.append(name) or column(self, name))
    engine = SearchEngine(sample_index)
    engine.health()  # opens the live generation
    assert {"year", "organisation", "speaker_keys"} <= set(read)
    read.clear()
    result = engine.search("hội nghị")
    assert result.total and result.facets.year
    assert read == []


@pytest.mark.parametrize("direct_share, first_speakers", [(10**9, 64), (1, 10), (1, 3)])
def test_the_speaker_facet_is_the_same_however_it_is_counted(
    make_engine, monkeypatch, direct_share, first_speakers
):
    # From the listing's own documents, or from the most named speakers down in rounds.
    # Eleven people are named twice: the eleventh ties with the tenth and loses on the key
    # only, so counting must not stop at ten (then 40, or 3 then 12: the singles are left out).
    from search_app.search import facets

    monkeypatch.setattr(facets, "DIRECT_SHARE", direct_share)
    monkeypatch.setattr(facets, "FIRST_SPEAKERS", first_speakers)
    twice = "Yên An Bình Cường Dũng Giang Hải Khánh Lâm Minh Nam".split()  # "Yên" first read, last by key
    once = "Phúc Quang Sơn Thắng Vinh".split()
    articles = {}
    for n, given in enumerate(twice * 2 + once):
        articles[f"a{n:02}.txt"] = (
            f"Tin số {n}\nNgày 01/02/2023, ông Nguyễn Văn {given} phát biểu tại hội nghị."
        )
    engine = make_engine(articles)
    speakers = [(f.value, f.count) for f in engine.search("hoi nghi").facets.speaker]
    assert speakers == sorted((f"nguyen van {fold(given)}", 2) for given in twice)[:10]
