"""The organisation an article is about: (title, body) in, its name (or "") out."""

import pytest

from search_app.extract import organisation

CASES = [
    pytest.param(
        ("Ngân hàng nhà nước đã mua thêm hơn 6 tỉ USD", ""),
        "Ngân hàng nhà nước",
        id="organisation_needs_a_name_after_its_head_word-1",
    ),
    pytest.param(
        (
            "Sông Tiền xâm nhập mặn",
            "Người dân Nam Trung Bộ và Đồng bằng sông Cửu Long thiếu nước. Bộ sẽ công bố lộ trình.",
        ),
        "",
        id="organisation_needs_a_name_after_its_head_word-2",
    ),
    pytest.param(
        ("Kỳ thi THPT sẽ thay đổi", "Bộ sẽ công bố lộ trình thi."),
        "",
        id="organisation_needs_a_name_after_its_head_word-3",
    ),
    pytest.param(
        ("Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam tổ chức lễ trao giải", ""),
        "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
        id="organisation_needs_a_name_after_its_head_word-4",
    ),
    pytest.param(
        (
            "Máy móc giao thông thiếu",
            "Ngày 7 - 3, Ban An toàn giao thông TP. HCM phối hợp với Quỹ Bloomberg tổ chức hội nghị.",
        ),
        "Ban An toàn giao thông TP. HCM",
        id="organisation_is_the_subject_or_named_in_the_title_not_the_first_in_the_body-1",
    ),
    pytest.param(
        (
            "Hội nghị APEC về quản lý thiên tai khai mạc",
            "Hội nghị diễn ra tại Hà Nội. Bộ Nông nghiệp và phát triển nông thôn chủ trì.",
        ),
        "",
        id="organisation_is_the_subject_or_named_in_the_title_not_the_first_in_the_body-2",
    ),
    pytest.param(
        ("Giám đốc Bệnh viện Bạch Mai: cần thêm bác sĩ", "Nội dung."),
        "Bệnh viện Bạch Mai",
        id="organisation_is_the_subject_or_named_in_the_title_not_the_first_in_the_body-3",
    ),
    pytest.param(
        ("Bế mạc Đại hội Đại biểu toàn quốc Hội Luật gia Việt Nam lần thứ XIII", "Nội dung."),
        "Hội Luật gia Việt Nam",
        id="organisation_is_the_subject_or_named_in_the_title_not_the_first_in_the_body-4",
    ),
    pytest.param(
        ("TP. HCM xây dựng kho dữ liệu", "Sáng 22-6, UBND TP. HCM tổ chức hội nghị."),
        "UBND TP. HCM",
        id="a_role_keeps_the_posts_listed_before_it_and_the_fuller_form_found_later-2",
    ),
    pytest.param(
        (
            "Khai mạc cuộc họp đầu tiên",
            "Phát biểu khai mạc, Thứ trưởng Bộ Lao động - Thương binh và Xã hội Doãn Mậu Diệp đã thông báo.",
        ),
        "",
        id="long_organisations_before_a_name_and_a_role_before_the_titles_organisation-2",
    ),
    pytest.param(
        ("Quốc hội dành 6 ngày quyết định nhân sự", "Nội dung."),
        "Quốc hội",
        id="roles_end_before_another_post_a_degree_yields_to_a_post_and_subjects_end_at_the_verb-3",
    ),
    pytest.param(
        (
            "Sơn La có Phó Giám đốc sở mới",
            "UBND tỉnh Sơn La bổ nhiệm ông Cầm Văn An giữ chức vụ Phó Giám đốc.",
        ),
        "UBND tỉnh Sơn La",
        id="roles_end_before_another_post_a_degree_yields_to_a_post_and_subjects_end_at_the_verb-4",
    ),
    pytest.param(
        ("Sở Giao thông vận tải TP. HCM cho biết đang phân luồng", "Nội dung."),
        "Sở Giao thông vận tải TP. HCM",
        id="roles_end_before_another_post_a_degree_yields_to_a_post_and_subjects_end_at_the_verb-5",
    ),
    pytest.param(
        ("Tây Ban Nha kêu gọi đối thoại", "Nội dung."),
        "",
        id="roles_end_before_another_post_a_degree_yields_to_a_post_and_subjects_end_at_the_verb-6",
    ),
    pytest.param(
        (
            "PVN hoàn thành vượt mọi chỉ tiêu",
            "Sáng ngày 13/7, Tập đoàn Dầu khí Việt Nam (PVN) đã tổ chức hội nghị.",
        ),
        "PVN",
        id="a_deadline_is_not_the_event_and_acronyms_and_federations_as_subjects-3",
    ),
    pytest.param(
        ("HLV vô địch cúp C1 nhận tin vui", "Ông X nói."),
        "",
        id="a_deadline_is_not_the_event_and_acronyms_and_federations_as_subjects-4",
    ),
    pytest.param(
        ("Trường Sa của Việt Nam trong một động thái", "Ông X nói."),
        "",
        id="a_deadline_is_not_the_event_and_acronyms_and_federations_as_subjects-5",
    ),
    pytest.param(
        (
            "Người lao động sẽ được nghỉ thêm 1 ngày",
            "Tổng liên đoàn Lao động Việt Nam vừa đề xuất tăng thêm 1 ngày nghỉ.",
        ),
        "Tổng liên đoàn Lao động Việt Nam",
        id="a_deadline_is_not_the_event_and_acronyms_and_federations_as_subjects-6",
    ),
    pytest.param(
        ("Hội đồng Bảo an LHQ họp kín về Triều Tiên", ""),
        "Hội đồng Bảo an LHQ",
        id="a_deadline_is_not_the_event_and_acronyms_and_federations_as_subjects-7",
    ),
    pytest.param(
        ("Ban Văn hoá - Xã hội của HĐND TP. HCM đề nghị giữ cây xanh", ""),
        "Ban Văn hoá - Xã hội của HĐND TP. HCM",
        id="a_deadline_is_not_the_event_and_acronyms_and_federations_as_subjects-8",
    ),
]


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_the_organisation_an_article_is_about(given, expected):
    assert organisation(*given) == expected
