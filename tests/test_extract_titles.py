"""Titles: a first line that is body text, and a title made for an article without one."""

from search_app.articles import Article
from search_app.extract import extract

# Seed 004's first line: a body sentence, not a title.
SEED_004_FIRST_LINE = (
    "Tham dự Hội nghị có TS. Phạm Quang Minh - Phó Bí thư Đảng ủy, Phó Viện trưởng Viện "
    "Năng lượng nguyên tử Việt Nam; TS. Trần Ngọc Toàn - Phó Viện trưởng Viện; cùng toàn "
    "thể Lãnh đạo, cán bộ viên chức, người lao động trong đơn vị."
)


def test_missing_title_comes_from_the_first_sentence_not_a_caption():
    article = Article(
        id="x",
        origin="x",
        title=SEED_004_FIRST_LINE,
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


def test_a_slug_naming_a_place_the_body_never_writes_is_restored_with_the_place_names():
    # Seed 004: the body says "Trung tâm" and "chiếu xạ" but never "Hà Nội".
    article = Article(
        id="x",
        origin="x",
        title=SEED_004_FIRST_LINE,
        body="Khai mạc Hội nghị, TS. Đặng Quang Thiệu - Giám đốc Trung tâm trình bày báo cáo tổng kết "
        "năm 2020; hoạt động chiếu xạ vẫn được duy trì; các tổ chức đoàn thể; cán bộ viên chức và "
        "người lao động; công tác tuyên truyền; hội nghị thành công.\n"
        "Theo https://www.most.gov.vn/vn/tin-tuc/19297/trung-tam-chieu-xa-ha-noi-to-chuc-hoi-nghi-"
        "can-bo-vien-chuc-va-tong-ket-cong-tac-nam-2020.aspx",
    )
    result = extract(article)
    assert result.title_derived
    assert result.title == (
        "Trung tâm chiếu xạ Hà Nội tổ chức Hội nghị cán bộ viên chức và tổng kết công tác năm 2020"
    )


def test_a_short_first_line_that_opens_like_a_report_and_ends_with_a_full_stop_is_body():
    article = Article(
        id="x",
        origin="x",
        title="Ngày 15/3/2024, Sở Khoa học và Công nghệ tổ chức hội thảo về nhuộm lụa tự nhiên.",
        body="Các chuyên gia giới thiệu quy trình nhuộm.",
    )
    result = extract(article)
    assert result.title_derived
    assert result.body.startswith("Ngày 15/3/2024, Sở Khoa học")


def test_a_headline_stays_the_title():
    for title in [
        "Hội nghị cán bộ viên chức năm 2024",
        "Ngày hội Khởi nghiệp đổi mới sáng tạo tỉnh Thanh Hoá năm 2023",
        "Tham dự hội chợ, nông dân bán hết hàng trong ngày đầu.",  # short: a headline with a stop
    ]:
        result = extract(Article(id="x", origin="x", title=title, body="Nội dung bài viết."))
        assert (result.title, result.title_derived) == (title, False)
