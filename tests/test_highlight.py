"""Snippets as a reader sees them: no text twice, "…" where text was cut, one mark per phrase."""

import re

from search_app.search.highlight import marks, snippet
from search_app.web.markup import marked, snippet_html

REPEATED = (
    "Sáng nay Viện tổ chức khai mạc Hội nghị. Các báo cáo trình bày kết quả năm. "
    + "Nhiều nội dung khác được bàn. " * 12
    + "Ảnh: khai mạc Hội nghị. Các báo cáo trình bày kết quả năm."
)


def test_the_same_text_is_never_shown_twice():
    html = str(snippet_html(snippet(REPEATED, {"hoi", "nghi", "bao", "cao"})))
    assert re.sub("<[^>]+>", "", html).count("Các báo cáo trình bày") == 1


def test_an_ellipsis_marks_where_the_text_was_cut():
    text = "Mở đầu bài viết. " * 10 + "Hội nghị cán bộ đã diễn ra tốt đẹp. " + "Kết thúc bài viết. " * 10
    html = str(snippet_html(snippet(text, {"hoi", "nghi"}, chars=60)))
    assert html.startswith("… ") and html.endswith(" …")
    assert str(snippet_html(snippet("Hội nghị cán bộ.", {"hoi"}))) == "<mark>Hội</mark> nghị cán bộ."


def test_the_start_of_a_long_text_without_a_match_ends_with_an_ellipsis():
    text = "Một hai ba bốn năm sáu bảy tám chín mười. " * 20
    html = str(snippet_html(snippet(text, {"xyz"}, chars=40)))
    assert html == "Một hai ba bốn năm sáu bảy tám chín …"


def test_adjacent_matched_words_share_one_mark():
    assert str(snippet_html(snippet("Đ/c Giang Mạnh Khôi phát biểu.", {"giang", "manh", "khoi"}))) == (
        "Đ/c <mark>Giang Mạnh Khôi</mark> phát biểu."
    )


def test_marks_of_a_whole_text_join_across_spaces_not_lines():
    text = "Hội nghị\nHội  nghị"
    assert str(marked(text, marks(text, {"hoi", "nghi"}))) == "<mark>Hội nghị</mark>\n<mark>Hội  nghị</mark>"


def test_passages_never_overlap_and_every_match_inside_one_is_marked():
    # The first passage, stretched to its length, took in the next match, unmarked, and the
    # next passage started at that match: "... khai mạc Hội nghị. Các báo cáo … Hội nghị. Các báo cáo ...".
    text = (
        "Ngày 09/11/2023, Trường Đại học Thuỷ lợi tổ chức Hội nghị khoa học trẻ lần thứ nhất với chủ đề quản lý "
        "tài nguyên nước và phòng chống thiên tai.\n\nPGS.TS. Nguyễn Trung Anh – Phó Hiệu trưởng Nhà trường phát "
        "biểu khai mạc Hội nghị. Các báo cáo trình bày về hồ chứa thuỷ điện, xâm nhập mặn ở đồng bằng sông Cửu Long "
        "và cảnh báo lũ quét.\n\nBà Nguyễn Thị Hoà, sinh viên năm cuối, đạt giải Nhất với đề tài dự báo hạn hán."
    )
    html = str(snippet_html(snippet(text, {"hoi", "nghi"})))
    assert re.sub("<[^>]+>", "", html).count("Các báo cáo") == 1
    assert html.count("<mark>Hội nghị</mark>") == 2


def test_snippets_do_not_keep_the_articles_they_show_in_memory():
    # fold() caches words; a worker that cached every body it showed grew by
    # the size of the archive (375 MB after 2,400 searches on news-50k, 281 MB now).
    from search_app.text import fold

    articles = [f"Bài {i}. " + "Hội nghị cán bộ viên chức năm 2023 đã diễn ra. " * 40 for i in range(100)]
    before = fold.cache_info().currsize
    for text in articles:
        assert snippet(text, {"hoi", "nghi"})[0].marks
    assert fold.cache_info().currsize - before < 10


def test_only_whole_words_are_marked_and_line_breaks_read_as_spaces():
    # "hoi" ends "khởi" and "chơi" but is neither; "_" parts words as a space does.
    text = "Khởi công trò chơi.\n\nHội   nghị\tnghỉ trưa_hoi."
    html = str(snippet_html(snippet(text, {"hoi", "nghi"})))
    assert html == "Khởi công trò chơi. <mark>Hội nghị nghỉ</mark> trưa_<mark>hoi</mark>."


def test_a_word_is_marked_only_where_it_stands_whole():
    # "a" is in "Ba", "và" and "bá" once folded: only the word "a" itself is marked.
    assert marks("Ba và a, bá A2 A", {"a"}) == [(6, 7), (15, 16)]
    assert marks("hội-nghị hộinghị", {"hoi", "nghi"}) == [(0, 3), (4, 8)]
