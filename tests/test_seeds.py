"""The shared seed articles: unaccented queries find the right article first."""

import pytest

from search_app.indexer import reindex
from search_app.search import SearchEngine
from search_app.web.markup import snippet_html


@pytest.fixture(scope="module")
def seeds_engine(tmp_path_factory, request):
    seeds = request.getfixturevalue("seeds_dir")
    index = tmp_path_factory.mktemp("seeds") / "index"
    summary = reindex(index, [seeds])
    assert (summary.added, summary.skipped) == (5, [])
    return SearchEngine(index)


@pytest.fixture(scope="module")
def seeds_dir():
    from .conftest import SHARED

    path = SHARED / "corpus" / "seeds"
    if not path.is_dir():
        pytest.skip(f"the shared seed articles are not at {path}")
    return path


def test_hoi_nghi_can_bo_vien_chuc(seeds_engine):
    result = seeds_engine.search("hoi nghi can bo vien chuc")
    # The two annual staff conferences, each with the words in order in its
    # title; the one whose title is only that conference first.
    assert [h.id for h in result.results[:2]] == ["003_e1345b242f345270", "000_457340f1cf6a2d26"]
    assert "<mark>Hội nghị cán bộ viên chức</mark> năm 2022" in snippet_html(result.results[1].snippet)


def test_giang_manh_khoi(seeds_engine):
    result = seeds_engine.search("giang manh khoi")
    assert [h.id for h in result.results] == ["001_1a382b758c38a27e", "000_457340f1cf6a2d26"]
    assert "Đ/c <mark>Giang Mạnh Khôi</mark>" in snippet_html(result.results[0].snippet)
    assert {
        "name": "Giang Mạnh Khôi",
        "role": "Đảng Ủy viên, Phó Viện trưởng Viện Ứng dụng công nghệ",
    } in result.results[0].speakers


def test_dang_uy(seeds_engine):
    result = seeds_engine.search("dang uy")
    assert {h.id for h in result.results} == {
        "000_457340f1cf6a2d26",
        "001_1a382b758c38a27e",
        "004_7a8c72d5bdf8c836",
    }
    for hit in result.results:
        assert "<mark>Đảng ủy</mark>" in snippet_html(hit.snippet) or "<mark>Đảng Ủy</mark>" in snippet_html(
            hit.snippet
        )


def test_chieu_xa_khau_trang(seeds_engine):
    result = seeds_engine.search("chieu xa khau trang")
    assert [h.id for h in result.results] == ["004_7a8c72d5bdf8c836"]
    assert "<mark>chiếu xạ</mark> miễn phí 7 đợt cho <mark>khẩu trang</mark>" in snippet_html(
        result.results[0].snippet
    )


def test_seed_without_title_gets_the_one_its_url_names(seeds_engine):
    # Its first line is a body sentence; the closing "Theo <url>" line names the real title.
    doc = seeds_engine.document("004_7a8c72d5bdf8c836")
    assert doc.title == (
        "Trung tâm chiếu xạ Hà Nội tổ chức Hội nghị cán bộ viên chức và tổng kết công tác năm 2020"
    )
    assert doc.body.startswith("Tham dự Hội nghị có TS. Phạm Quang Minh")
    assert doc.url.startswith("https://www.most.gov.vn/")
    assert "Theo https" not in doc.body


def test_seed_boilerplate_stays_out_of_the_body(seeds_engine):
    doc = seeds_engine.document("003_e1345b242f345270")
    assert "Facebook" not in doc.body and "Zalo" not in doc.body
    assert "-0" not in doc.body
    assert not doc.body.rstrip().endswith("Thế Bằng")
    assert doc.byline == "Dương Chiêm, Thế Bằng"
    assert "Các mục khác" not in seeds_engine.document("002_27beb12f4ff9ba85").body
