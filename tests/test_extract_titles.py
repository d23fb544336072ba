"""Titles: a first line that is body text, and a title made for an article without one."""

from search_app.articles import Article
from search_app.extract import extract


def test_missing_title_comes_from_the_first_sentence_not_a_caption():
    article = Article(
        id="x",
        origin="x",
        title="Tham dự Hội nghị có TS. Phạm Quang Minh - Phó Bí thư Đảng ủy, Phó Viện trưởng Viện "
        "Năng lượng nguyên tử Việt Nam; TS. Trần Ngọc Toàn - Phó Viện trưởng Viện; cùng toàn "
        "thể Lãnh đạo, cán bộ viên chức, người lao động trong đơn vị.",
        body="Toàn cảnh Hội nghị\n\nKhai mạc Hội nghị, TS. Đặng Quang Thiệu trình bày báo cáo.",
    )
    result = extract(article)
    assert result.title_derived
    assert result.title == "Tham dự Hội nghị có TS. Phạm Quang Minh - Phó Bí thư Đảng …"
    assert result.body.startswith("Tham dự Hội nghị có TS. Phạm Quang Minh")


def test_missing_title_from_url_slug_when_the_body_has_every_word():
    article = Article(
        id="x",
        origin="x",
        title="Tham dự buổi gặp mặt có PGS.TS Hoàng Anh Tuấn – Viện trưởng Viện Hoá học, cùng đại "
        "diện lãnh đạo các phòng và đông đảo cán bộ nghiên cứu trẻ của Viện Hoá học nhân dịp "
        "kỷ niệm ngày Khoa học.",
        body="Viện Hoá học gặp mặt cán bộ nghiên cứu trẻ.\n"
        "Theo https://www.example.vn/tin/1234/vien-hoa-hoc-gap-mat-can-bo-nghien-cuu-tre.aspx",
    )
    assert extract(article).title == "Viện Hoá học gặp mặt cán bộ nghiên cứu trẻ"
