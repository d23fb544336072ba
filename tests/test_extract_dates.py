"""The event's date: (date given with the record, title, body) in, (YYYY-MM-DD or "", year or 0) out."""

import pytest

from search_app.extract import find_date

CASES = [
    pytest.param(
        ("", "", "Chiều ngày 20 tháng 12 năm 2022, Trung tâm"),
        ("2022-12-20", 2022),
        id="date_forms_and_choice-1",
    ),
    pytest.param(
        ("", "", "Ngày 21/7/2023 IMET ... đến ngày 30/6/2023"),
        ("2023-07-21", 2023),
        id="date_forms_and_choice-2",
    ),
    pytest.param(("2021-05-01", "", "Ngày 21/7/2023"), ("2021-05-01", 2021), id="date_forms_and_choice-3"),
    pytest.param(
        ("", "Tổng kết năm 2022, kế hoạch năm 2023", "không có ngày"),
        ("", 2023),
        id="date_forms_and_choice-4",
    ),
    pytest.param(("", "", "ngày 31/02/2023 là ngày sai"), ("", 0), id="date_forms_and_choice-5"),
    pytest.param(
        ("", "", "Ông được nghỉ từ ngày 11-12-2017."), ("2017-12-11", 2017), id="date_forms_and_choice-6"
    ),
    pytest.param(("", "", "phiên bản 1.2.2017.5 ra mắt"), ("", 0), id="date_forms_and_choice-7"),
    pytest.param(
        ("", "", "Sáng 9-7, Bộ Quốc phòng tổ chức hội thảo nhân kỷ niệm 50 năm (9-7-1968 - 9-7-2018)."),
        ("2018-07-09", 2018),
        id="a_day_and_month_first_take_the_year_of_the_latest_full_date_that_has_them-1",
    ),
    # A day and month no full date repeats, not opening a sentence, leave the first full date.
    pytest.param(
        ("", "", "Hạn chót là 18-12, ... từ ngày 20-1-1968"),
        ("1968-01-20", 1968),
        id="a_day_and_month_first_take_the_year_of_the_latest_full_date_that_has_them-2",
    ),
    pytest.param(
        ("", "", "Ngày 4/6, Thủ tướng dự hội nghị. Sau Hội nghị Doanh nghiệp ngày 29/4/2016 tại TP HCM."),
        ("", 0),
        id="a_report_opening_with_a_day_and_month_takes_no_other_events_full_date-1",
    ),
    # A day and month inside a sentence (a deadline, a range) do not count.
    pytest.param(
        ("", "", "Hạn nộp là 30/6, theo văn bản ngày 21/7/2023."),
        ("2023-07-21", 2023),
        id="a_report_opening_with_a_day_and_month_takes_no_other_events_full_date-2",
    ),
    pytest.param(
        (
            "",
            "Hội thảo",
            "(Ảnh: K.T) Sáng 22/5, tại Hà Nội đã diễn ra Hội thảo. Liên minh được thành lập ngày 28/4/2011.",
        ),
        ("", 0),
        id="a_day_and_month_after_a_photo_caption_opens_the_report",
    ),
    pytest.param(
        (
            "",
            "Hội nghị",
            "Hội nghị sơ kết thực hiện Công điện số 967/CĐ - TTg ngày 10/6/2014 của Thủ tướng, "
            "do UBND TP Hà Nội tổ chức ngày 29/10. Quyết định số 3963/QĐ - UBND ngày 4/8/2016 đã ban hành.",
        ),
        ("", 0),
        id="a_documents_date_is_not_the_events-1",
    ),
    pytest.param(
        ("", "Hội nghị", "Ngày 5/5/2019, theo Nghị định 45/NĐ - CP ngày 21/4/2010."),
        (
            "2019-05-05",
            2019,
        ),
        id="a_documents_date_is_not_the_events-2",
    ),
    pytest.param(
        (
            "",
            "Hội nghị",
            "Sáng nay (22/1) diễn ra hội nghị về Nghị quyết 02 của Chính phủ vừa ban hành ngày 01/01/2019.",
        ),
        ("", 0),
        id="a_documents_date_is_not_the_events-3",
    ),
    pytest.param(
        (
            "",
            "Hội nghị",
            "Tại Nghị quyết số 24/2016/QH14 của Quốc hội ngày 8/11/2016, quy định số: 1976/QĐ - TTg ký ngày "
            "24/10/2014 của Thủ tướng. Ngày 15/3/2018, ông Lê Đức Vinh nói.",
        ),
        ("2018-03-15", 2018),
        id="a_documents_date_is_not_the_events-4",
    ),
    pytest.param(
        (
            "",
            "Họp về Đề án",
            "Sáng nay, 22/1, Thủ tướng chủ trì. Kết luận số 22 - KL/TW ngày 7/11/2017 của Bộ Chính trị nêu rõ.",
        ),
        ("", 0),
        id="roles_end_before_another_post_a_degree_yields_to_a_post_and_subjects_end_at_the_verb-7",
    ),
    pytest.param(
        (
            "",
            "Bộ yêu cầu xử lý",
            "Bộ yêu cầu báo cáo Lãnh đạo Bộ trước ngày 5/6/2017. Ngày 2/6, Thứ trưởng ký công văn.",
        ),
        ("", 0),
        id="a_deadline_is_not_the_event_and_acronyms_and_federations_as_subjects-1",
    ),
    pytest.param(
        ("", "t", "Ngày 5/6/2017, Thứ trưởng ký công văn."),
        ("2017-06-05", 2017),
        id="a_deadline_is_not_the_event_and_acronyms_and_federations_as_subjects-2",
    ),
]


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_the_date_of_the_event(given, expected):
    assert find_date(*given) == expected
