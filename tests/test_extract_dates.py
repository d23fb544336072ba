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
    # Births, deaths, foundings, anniversaries and deadlines are not the event's date.
    pytest.param(
        ("", "", "Đoàn Văn Hậu sinh ngày 19.4.1999, đến với lò đào tạo bóng đá"),
        ("", 0),
        id="not_the_event-birth",
    ),
    pytest.param(
        ("", "", "cháu Việt Anh (sinh ngày 10/5/2017) bị tử vong trong cơ sở mầm non"),
        ("", 0),
        id="not_the_event-birth-2",
    ),
    pytest.param(
        ("", "", "Cựu Tổng thống Nelson Mandela đã qua đời vào ngày 5-12-2013, hưởng thọ 95 tuổi."),
        ("", 0),
        id="not_the_event-death",
    ),
    pytest.param(
        ("", "", "giấy báo tử, thông báo anh Lê Giang Nam hy sinh ngày 31/10/1968. Từ đó đến nay"),
        ("", 0),
        id="not_the_event-death-2",
    ),
    pytest.param(
        ("", "", "Nhà máy được thành lập ngày 29/11/1983. Trải qua hơn 30 năm"),
        ("", 0),
        id="not_the_event-founding",
    ),
    pytest.param(
        (
            "",
            "",
            "Năm 2012 nhằm kỷ niệm 100 năm ngày sinh cố Tổng bí thư Nguyễn Văn Cừ (9/7/1912 – 9/7/2012), dự án",
        ),
        ("", 0),
        id="not_the_event-anniversary",
    ),
    pytest.param(
        ("", "", "Hợp đồng hết hạn vào 30/6/2021 kèm mức lương cao"), ("", 0), id="not_the_event-deadline"
    ),
    pytest.param(
        ("", "", "Luật có 6 Chương, 33 Điều, có hiệu lực thi hành từ 1-7-2018."),
        ("", 0),
        id="not_the_event-in-force",
    ),
    pytest.param(
        ("", "", "HLV Park Hang-seo (sinh ngày 4 tháng 1 năm 1959). Chiều 20/3/2018, ông ra mắt đội tuyển."),
        ("2018-03-20", 2018),
        id="not_the_event-the_event_after_a_birth_date",
    ),
    pytest.param(
        ("", "", "danh sách thí sinh nhờ nâng điểm. Ngày 29-6-2018, Hoài dùng máy tính"),
        ("2018-06-29", 2018),
        id="not_the_event-a_candidate_is_not_a_birth",
    ),
    pytest.param(
        ("", "", "ông lâm trọng bệnh và từ trần tại nhà riêng hôm 13/2/2015, hưởng thọ 62 tuổi."),
        ("", 0),
        id="not_the_event-death-3",
    ),
    pytest.param(
        ("", "", "326,8 triệu USD vốn vay đã hết hạn giải ngân vào ngày 28-9-2018 và khoảng"),
        ("", 0),
        id="not_the_event-deadline-2",
    ),
    pytest.param(
        ("", "", "các trạm thu phí, chậm nhất đến ngày 31-12-2019 phải"),
        ("", 0),
        id="not_the_event-deadline-3",
    ),
    pytest.param(
        ("", "", "Vinpearl Air được thành lập từ 22/4/2019, trụ sở tại"),
        ("", 0),
        id="not_the_event-founding-2",
    ),
    pytest.param(
        ("", "", "vụ sát hại nữ sinh giao gà Ngày 21/3/2019, Cơ quan CSĐT"),
        ("2019-03-21", 2019),
        id="not_the_event-a_schoolgirl_is_not_a_birth",
    ),
    pytest.param(
        ("", "", "42 tháng tính từ ngày hợp đồng có hiệu lực (từ ngày 30/4/2008 đến 30/10/2011). Nhưng"),
        ("", 0),
        id="not_the_event-the_end_of_a_range_that_is_not",
    ),
    pytest.param(
        ("", "", "Sau hai lần được UBND tỉnh gia hạn tháo dỡ là 31-5 và 15-6-2018, Công ty"),
        ("", 0),
        id="not_the_event-deadline-4",
    ),
    pytest.param(
        ("", "", "nữ ca sĩ da màu đầu tiên hát trên BBC radio, chào đời tại London ngày 11-1-1902. Sớm"),
        ("", 0),
        id="not_the_event-birth-3",
    ),
    pytest.param(
        ("", "", "bà Hoàng Thị Minh Hồ vừa sinh con trai ngày 5/5/1949 tại chiến khu"),
        ("", 0),
        id="not_the_event-birth-4",
    ),
    pytest.param(
        ("", "", "không khí cách đây 100 năm, rạng sáng ngày 7-11-1917, loạt đạn"),
        ("", 0),
        id="not_the_event-years_ago",
    ),
    pytest.param(
        ("", "", "Nữ hoàng Elizabeth II sinh ngày 21/4/1926. Vua George VI băng hà vào đêm 6/2/1952."),
        ("", 0),
        id="not_the_event-death-of-a_king",
    ),
    pytest.param(
        ("", "", "Hội chợ diễn ra từ 1/6/2018 - 3/6/2018 tại Hà Nội."),
        ("2018-06-01", 2018),
        id="an_event_range",
    ),
]


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_the_date_of_the_event(given, expected):
    assert find_date(*given) == expected
