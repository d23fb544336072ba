"""What leaves the body: share buttons, menus, caption markers, bylines, source and URL lines."""

from search_app.extract import clean_body


def test_byline_share_buttons_and_navigation_leave_the_body():
    body = (
        "Facebook   Zalo\n\nNgày 18/01/2024, Trung tâm tổ chức Hội nghị.\n\n"
        "Hội nghị tổng kết năm 2024 -0\nĐại diện cơ quan ký giao ước thi đua\n\n"
        "Dương Chiêm, Thế Bằng\n\nFacebook Zalo"
    )
    clean, meta = clean_body(body, "Hội nghị tổng kết năm 2024")
    assert clean == ("Ngày 18/01/2024, Trung tâm tổ chức Hội nghị.\n\nĐại diện cơ quan ký giao ước thi đua")
    assert meta["byline"] == "Dương Chiêm, Thế Bằng"


def test_initials_byline_and_other_articles_menu():
    clean, meta = clean_body("Viện đã hoàn thành kế hoạch.\n\nĐ.L\n\nCác mục khác\nTin 1\nTin 2", "")
    assert clean == "Viện đã hoàn thành kế hoạch."
    assert meta["byline"] == "Đ.L"


def test_read_more_links_leave_the_body():
    clean, _ = clean_body("Nội dung.\nĐọc thêm > > > Cuộc gặp của TT Trump và ông Putin\nHết.", "")
    assert clean == "Nội dung.\nHết."


def test_source_and_theo_url_lines_become_fields():
    clean, meta = clean_body("Nội dung.\nNguồn: IMET", "")
    assert (clean, meta["source"]) == ("Nội dung.", "IMET")
    clean, meta = clean_body("Nội dung.\nTheo https://www.most.gov.vn/a/b.aspx", "")
    assert (clean, meta["url"]) == ("Nội dung.", "https://www.most.gov.vn/a/b.aspx")


def test_lines_are_read_alike_whether_the_body_folds_letter_for_letter_or_not():
    # "æ" folds to two letters and an emoji lies outside the table: both bodies are folded line by line.
    for odd in ("Cæsar", "🙂"):
        body = f"  Chia sẻ   Facebook \n  Hội nghị Đảng ủy  \n{odd} đến.\n\tĐọc thêm > Tin khác\nHết."
        clean, _ = clean_body(body, "Hội nghị Đảng ủy")
        assert clean == f"{odd} đến.\nHết."
    clean, _ = clean_body(
        "  Chia sẻ   Facebook \n  Hội nghị Đảng ủy  \nÔng đến.\n\tĐọc thêm > Tin khác", "Hội nghị Đảng ủy"
    )
    assert clean == "Ông đến."
