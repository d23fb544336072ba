"""Queries typed with Telex or VNI keystrokes."""

import pytest

from search_app.search.telex import convert


@pytest.mark.parametrize(
    "typed, syllable",
    [
        ("hooij", "hội"),
        ("nghij", "nghị"),
        ("ddangr", "đảng"),
        ("ddaangr", "đẩng"),
        ("uyr", "ủy"),
        ("Vieetj", "Việt"),
        ("ho6i5", "hội"),
        ("nghi5", "nghị"),
        ("d9a3ng", "đảng"),
        ("d9uo7ng2", "đường"),
        ("duo7ng2", "dường"),
    ],
)
def test_keystrokes_become_syllables(typed, syllable):
    assert convert(typed) == syllable


@pytest.mark.parametrize("typed", ["class", "N95", "IMET", "hoi", "laser", "2023", "covid19"])
def test_words_and_codes_are_not_keystrokes(typed):
    assert convert(typed) is None


def test_search_understands_keystrokes_only_where_the_index_agrees(make_engine):
    engine = make_engine(
        {
            "a.txt": "Hội nghị cán bộ\nĐảng ủy tổ chức hội nghị.",
            "b.txt": "Lớp học tiếng Anh\nMột class học về laser và khẩu trang N95.",
        }
    )
    result = engine.search("hooij nghij")
    assert result.interpreted_as == "hội nghị"
    assert [h.id for h in result.results] == ["a"]
    assert engine.search("ho6i5 nghi5").interpreted_as == "hội nghị"
    # Words the index holds as typed are left alone.
    result = engine.search("class N95")
    assert result.interpreted_as is None
    assert [h.id for h in result.results] == ["b"]
    assert engine.search("hoi nghi").interpreted_as is None


def test_results_page_says_how_the_query_was_read(client):
    page = client.get("/search?q=hooij+nghij").get_data(as_text=True)
    assert "Đã tìm theo: <strong>hội nghị</strong>" in page


def test_a_misspelt_word_is_corrected_to_the_syllable_that_fits(make_engine):
    engine = make_engine(
        {
            "a.txt": "Hội nghị cán bộ\nĐảng ủy tổ chức hội nghị cán bộ viên chức.",
            # "nghe" is commoner than "nghị" here, but "hội nghị" is the pair the texts use.
            "b.txt": "Nghe nhìn\nNghe đài, nghe nhạc, nghe tin tức.",
            "c.txt": "Lớp học tiếng Anh\nMột class học về laser và kiểm soát chất lượng.",
        }
    )
    result = engine.search("hoi nghj")
    assert result.interpreted_as == "hoi nghi"
    assert result.interpreted_because == ["spelling"]
    assert [h.id for h in result.results] == ["a"]
    assert result.suggestion == "hội nghị"
    # Typed with accents, the correction keeps them.
    assert engine.search("hội nghjị").interpreted_as == "hội nghị"
    # Words the index holds, short words, codes, capitals and field names
    # ("sort" is one edit from "soát") are left alone.
    for query in ("nghe nhac", "class", "hoi ng", "IMETT", "covid19", "sort:hoi", "title:nghe"):
        assert engine.search(query).interpreted_as is None, query


def test_keystrokes_and_a_typo_in_one_query(make_engine):
    engine = make_engine({"a.txt": "Hội nghị cán bộ\nHội nghị cán bộ viên chức năm nay."})
    result = engine.search("hooij nghi cabn bo")
    assert result.interpreted_as == "hội nghi can bo"
    assert result.interpreted_because == ["keystrokes", "spelling"]
    assert [h.id for h in result.results] == ["a"]


def test_results_page_says_a_word_was_corrected(client):
    page = client.get("/search?q=vien+vta+ly").get_data(as_text=True)
    assert "Đã tìm theo: <strong>vien vat ly</strong>" in page
    assert "(sửa lỗi chính tả)" in page
