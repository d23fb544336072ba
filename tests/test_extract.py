from search_app.articles import Article
from search_app.extract import clean_body, extract, find_date, find_speakers, organisation


def speakers(text):
    return [(s["name"], s["role"]) for s in find_speakers(text)]


def test_dong_chi_with_dash_and_role():
    text = (
        "Đến dự có đồng chí Nguyễn Phú Hùng – Bí thư Đảng ủy, Viện trưởng Viện Ứng dụng "
        "công nghệ; đồng chí Lê Minh Tùng – Phó Chánh Văn phòng Viện."
    )
    assert speakers(text) == [
        ("Nguyễn Phú Hùng", "Bí thư Đảng ủy, Viện trưởng Viện Ứng dụng công nghệ"),
        ("Lê Minh Tùng", "Phó Chánh Văn phòng Viện"),
    ]


def test_dc_abbreviation_without_role():
    assert speakers("Đ/c Giang Mạnh Khôi phát biểu tại Hội nghị") == [("Giang Mạnh Khôi", "")]


def test_ong_with_comma_role_stops_at_the_verb():
    text = "ông Đào Hồng Quảng, Viện trưởng chủ trì cuộc họp."
    assert speakers(text) == [("Đào Hồng Quảng", "Viện trưởng")]


def test_academic_titles():
    text = (
        "TS. Đặng Quang Thiệu - Giám đốc Trung tâm trình bày báo cáo. "
        "PGS.TS. Nguyễn Quang Huy, Phó Giám đốc Học viện phát biểu. "
        "GS.TSKH Đỗ Trọng Nghĩa – Chủ tịch Hội đồng khoa học. ThS. Phạm Thuý Hằng giới thiệu."
    )
    assert speakers(text) == [
        ("Đặng Quang Thiệu", "Giám đốc Trung tâm"),
        ("Nguyễn Quang Huy", "Phó Giám đốc Học viện"),
        ("Đỗ Trọng Nghĩa", "Chủ tịch Hội đồng khoa học"),
        ("Phạm Thuý Hằng", ""),
    ]


def test_female_four_syllable_name():
    text = "Bà Lê Thị Thuỳ Dương, Giám đốc Sở Khoa học và Công nghệ phát biểu khai mạc."
    assert speakers(text) == [("Lê Thị Thuỳ Dương", "Giám đốc Sở Khoa học và Công nghệ")]


def test_caption_with_a_typo_does_not_add_a_variant():
    text = (
        "Tham dự có Đ/c Giang Mạnh Khôi – Phó Viện trưởng Viện Ứng dụng công nghệ.\n"
        "Đ/c Giang Mạnh Khổi phát biểu tại Hội nghị\n"
        "Phát biểu chỉ đạo, Đ/c Giang Mạnh Khôi đã ghi nhận kết quả."
    )
    assert speakers(text) == [("Giang Mạnh Khôi", "Phó Viện trưởng Viện Ứng dụng công nghệ")]


def test_plural_dong_chi_is_not_a_person():
    assert speakers("có các đồng chí Lãnh đạo, Chủ tịch Công đoàn Viện") == []


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


def test_date_forms_and_choice():
    assert find_date("", "", "Chiều ngày 20 tháng 12 năm 2022, Trung tâm") == ("2022-12-20", 2022)
    assert find_date("", "", "Ngày 21/7/2023 IMET ... đến ngày 30/6/2023") == ("2023-07-21", 2023)
    assert find_date("2021-05-01", "", "Ngày 21/7/2023") == ("2021-05-01", 2021)
    assert find_date("", "Tổng kết năm 2022, kế hoạch năm 2023", "không có ngày") == ("", 2023)
    assert find_date("", "", "ngày 31/02/2023 là ngày sai") == ("", 0)
    assert find_date("", "", "Ông được nghỉ từ ngày 11-12-2017.") == ("2017-12-11", 2017)
    assert find_date("", "", "phiên bản 1.2.2017.5 ra mắt") == ("", 0)


def test_a_day_and_month_first_take_the_year_of_the_latest_full_date_that_has_them():
    body = "Sáng 9-7, Bộ Quốc phòng tổ chức hội thảo nhân kỷ niệm 50 năm (9-7-1968 - 9-7-2018)."
    assert find_date("", "", body) == ("2018-07-09", 2018)
    # A day and month no full date repeats, not opening a sentence, leave the first full date.
    assert find_date("", "", "Hạn chót là 18-12, ... từ ngày 20-1-1968") == ("1968-01-20", 1968)


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


def test_role_before_the_name():
    text = (
        "Thứ trưởng Bộ Thông tin và Truyền thông Nguyễn Huy Dũng dự và phát biểu chỉ đạo. "
        "Phó Thủ tướng Trần Hồng Hà trao giải. "
        "Giám đốc Sở Khoa học và Công nghệ Hà Nội Nguyễn Văn An cho biết."
    )
    assert speakers(text) == [
        ("Nguyễn Huy Dũng", "Thứ trưởng Bộ Thông tin và Truyền thông"),
        ("Trần Hồng Hà", "Phó Thủ tướng"),
        ("Nguyễn Văn An", "Giám đốc Sở Khoa học và Công nghệ Hà Nội"),
    ]


def test_role_before_something_that_is_not_a_name():
    assert speakers("Giám đốc Trung tâm trình bày báo cáo tại Hội nghị Tổng kết.") == []
    assert speakers("Chủ tịch Hồ Chí Minh") == [("Hồ Chí Minh", "Chủ tịch")]


def test_lower_case_roles_common_in_general_news():
    text = (
        "Ông Trần Ngọc Căng, chủ tịch UBND tỉnh Quảng Ngãi, ra văn bản. "
        "Ông Lê Minh Hùng, Chi cục trưởng Chi cục Phòng chống tệ nạn xã hội, thẳng thắn nhìn nhận."
    )
    assert speakers(text) == [
        ("Trần Ngọc Căng", "chủ tịch UBND tỉnh Quảng Ngãi"),
        ("Lê Minh Hùng", "Chi cục trưởng Chi cục Phòng chống tệ nạn xã hội"),
    ]


def test_a_list_of_people_ends_each_role_at_the_next_honorific():
    text = "có bà Văn Thị Bạch Tuyết - Phó trưởng Đoàn Đại biểu Quốc hội, ông Trần Anh Tuấn - viện trưởng."
    assert speakers(text) == [
        ("Văn Thị Bạch Tuyết", "Phó trưởng Đoàn Đại biểu Quốc hội"),
        ("Trần Anh Tuấn", "viện trưởng"),
    ]


def test_dan_ong_and_cu_ong_are_not_honorifics_and_hyphenated_names_stay_whole():
    assert speakers("Người đàn ông Ấn Độ nuốt dao. Cụ ông Trung Quốc ăn thuỷ tinh.") == []
    assert speakers("ông Kim Jong-un phát biểu") == [("Kim Jong-un", "")]


def test_role_before_a_foreign_name_after_the_country():
    text = (
        "Tổng thống Nga Vladimir Putin tiếp Tổng thống Mỹ Donald Trump và Thủ tướng Nhật Bản "
        "Shinzo Abe. Giám đốc Cục Điều tra Liên bang (FBI) James Comey bị sa thải. "
        "Cựu tổng thống Mỹ George H.W. Bush nhập viện. Tổng thống Hàn Quốc Moon Jae-in phát biểu."
    )
    assert speakers(text) == [
        ("Vladimir Putin", "Tổng thống Nga"),
        ("Donald Trump", "Tổng thống Mỹ"),
        ("Shinzo Abe", "Thủ tướng Nhật Bản"),
        ("James Comey", "Giám đốc Cục Điều tra Liên bang (FBI)"),
        ("George H.W. Bush", "Cựu tổng thống Mỹ"),
        ("Moon Jae-in", "Tổng thống Hàn Quốc"),
    ]


def test_a_surname_alone_is_the_person_named_in_full():
    text = (
        "Tổng thống Mỹ D.Trump nói. Ông Trump cho biết. Ông Nguyễn Văn Hùng, Giám đốc Sở phát "
        "biểu. Ông Hùng nhấn mạnh. Ông Hán cho hay."
    )
    assert speakers(text) == [
        ("Nguyễn Văn Hùng", "Giám đốc Sở"),
        ("Hán", ""),
        ("D.Trump", "Tổng thống Mỹ"),
    ]


def test_organisations_and_places_after_a_role_are_not_names():
    text = (
        "Phát ngôn viên của Huawei từ chối bình luận. Giám đốc tài chính Huawei Mạnh Vãn Chu "
        "bị bắt. Ông ủng hộ ứng viên thống đốc ở New Jersey hôm nay. Đại sứ quán Việt Nam tại "
        "Indonesia cho biết. Ông Giám đốc Sở phát biểu. Người dân tỉnh Bà Rịa - Vũng Tàu."
    )
    assert speakers(text) == []


def test_name_then_role_and_role_then_name_after_a_comma():
    text = (
        "Larry Sabato, giáo sư khoa học chính trị, nói. "
        "Giám đốc Sở Y tế tỉnh Nghệ An, Nguyễn Văn Hùng cho biết. "
        "Ông Lê Văn Tám, phát biểu tại hội nghị, nói."
    )
    assert speakers(text) == [
        ("Lê Văn Tám", ""),
        ("Nguyễn Văn Hùng", "Giám đốc Sở Y tế tỉnh Nghệ An"),
        ("Larry Sabato", "giáo sư khoa học chính trị"),
    ]


def test_forms_of_address_and_coaches():
    text = (
        "Anh Phạm Văn Quỳnh chạy tới. Chị Lê Thị Hoa cho biết. Cô Trần Thị Diệp, giáo viên, "
        "kể. Bạn Nguyễn Hoài An nói. Các học trò của HLV Nguyễn Thị Thu Ngọc thua."
    )
    assert speakers(text) == [
        ("Phạm Văn Quỳnh", ""),
        ("Lê Thị Hoa", ""),
        ("Trần Thị Diệp", "giáo viên"),
        ("Nguyễn Hoài An", ""),
        ("Nguyễn Thị Thu Ngọc", "HLV"),
    ]


def test_anonymous_initials_districts_and_newspapers_are_not_people():
    text = (
        "Ông N. khai nhận. Anh H.T. M.L. cho biết. Quận Hai Bà Trưng, Hà Nội. "
        "Tổng biên tập tờ Global Times nói. Ông Hồ Tích Tiến, tổng biên tập, nói."
    )
    assert speakers(text) == [("Hồ Tích Tiến", "tổng biên tập")]


def test_foreign_names_with_hyphens_and_al_stay_whole():
    text = (
        "Nữ diễn viên Julia Louis - Dreyfus nhận giải. Nghị sĩ Jacob Rees - Mogg cho biết. "
        "Tổng thống Syria Bashar al-Assad nói. Tổng thống Hàn Quốc Moon Jae - in cho biết, "
        "Ngoại trưởng Syria Walid al - Moualem phát biểu."
    )
    assert speakers(text) == [
        ("Julia Louis-Dreyfus", "Nữ diễn viên"),
        ("Jacob Rees-Mogg", "Nghị sĩ"),
        ("Bashar al-Assad", "Tổng thống Syria"),
        ("Moon Jae-in", "Tổng thống Hàn Quốc"),
        ("Walid al-Moualem", "Ngoại trưởng Syria"),
    ]


def test_prize_winners_news_agencies_and_countries_are_not_speakers():
    text = (
        "Phim giành giải Nữ diễn viên chính xuất sắc cho Elisabeth Moss. "
        "Theo Reuters, cố vấn an ninh quốc gia Mỹ John Bolton khẳng định. "
        "Theo Tuổi Trẻ Online, đại tá Trần Văn Minh cho biết. Nhà báo Bahrain Nabeel Rajab bị bắt."
    )
    assert speakers(text) == [
        ("John Bolton", "cố vấn an ninh quốc gia Mỹ"),
        ("Trần Văn Minh", "đại tá"),
        ("Nabeel Rajab", "Nhà báo Bahrain"),
    ]


def test_roles_glued_to_the_name_or_written_before_the_comma():
    text = (
        "Nam diễn viên Alec Baldwin thủ vai Tổng thốngTrump. MC Stephen Colbert dẫn dắt. "
        "Người phát ngôn Bộ Quốc phòng Campuchia, ông Chhum Socheat, khẳng định. "
        "Ông Hun Sen nói. Thủ tướng Hun Sen bác bỏ. Mẹ dùng iPhone ở quán McDonald."
    )
    assert speakers(text) == [
        ("Chhum Socheat", "Người phát ngôn Bộ Quốc phòng Campuchia"),
        ("Hun Sen", "Thủ tướng"),
        ("Alec Baldwin", "Nam diễn viên"),
        ("Trump", "Tổng thống"),
        ("Stephen Colbert", "MC"),
    ]


def test_roles_in_brackets_after_a_dash_and_shared_by_two_names():
    text = (
        "Người phát ngôn Điện Kremlin Dmitry Peskov bác bỏ. Nghị sĩ đảng Cộng hoà Kevin McCarthy "
        "cho biết. Ông gặp Nancy Pelosi và Chuck Schumer, lãnh đạo phe Dân chủ, hôm qua. "
        "Liên quân tiêu diệt Turki Bin’ali - nhà truyền giáo của IS. "
        "Ông Vũ Hải Long (Phó giám đốc Công ty BOT Đèo Cả) cho biết. Anh Lê Văn Hoá (21 tuổi) nói."
    )
    assert speakers(text) == [
        ("Vũ Hải Long", "Phó giám đốc Công ty BOT Đèo Cả"),
        ("Lê Văn Hoá", ""),
        ("Dmitry Peskov", "Người phát ngôn Điện Kremlin"),
        ("Kevin McCarthy", "Nghị sĩ đảng Cộng hoà"),
        ("Chuck Schumer", "lãnh đạo phe Dân chủ"),
        ("Nancy Pelosi", "lãnh đạo phe Dân chủ"),
        ("Turki Bin’ali", "nhà truyền giáo của IS"),
    ]


def test_places_clubs_plural_roles_and_run_on_sentences_are_not_people():
    text = (
        "Hiệu trưởng trường tiểu học Lý Học từ chối. Hiệu trưởng Trường THPT chuyên Nguyễn Trãi "
        "phát biểu. "
        "Bà Trần Hải Yến - Phó chủ tịch UBND phường Yên Hoà cho biết. "
        "Các cầu thủ Chelsea ăn mừng cùng HLV Conte Khoảng khắc ấy. "
        "Kempes là đại sứ của CLB Valencia, Tây Ban Nha. Mario Kempes, vua phá lưới, nói."
    )
    assert speakers(text) == [("Trần Hải Yến", "Phó chủ tịch UBND phường Yên Hoà")]


def test_generals_monks_billionaires_and_chinese_names_after_a_role():
    text = (
        "Bloomberg dẫn lời tướng Charles Brown. Tu sĩ Phạm Thị Nương phản đối. Bà Nương nói. "
        "Tỉ phú Singapore Peter Lim mua CLB. Ông Lim cho biết. Putin tặng kem cho Chủ tịch "
        "Trung Quốc Tập Cận Bình. Ông Tập nói. Quyền Bộ trưởng Quốc phòng Patrick Shanahan "
        "cho biết; chính quyền Tổng thống Donald Trump."
    )
    assert speakers(text) == [
        ("Charles Brown", "tướng"),
        ("Phạm Thị Nương", "Tu sĩ"),
        ("Peter Lim", "Tỉ phú Singapore"),
        ("Tập Cận Bình", "Chủ tịch Trung Quốc"),
        ("Patrick Shanahan", "Quyền Bộ trưởng Quốc phòng"),
        ("Donald Trump", "Tổng thống"),
    ]


def test_meeting_reports_roles_the_genre_uses():
    text = (
        "Thống đốc Ngân hàng nhà nước Lê Minh Hưng cho biết. Theo ông Hưng, tỉ giá ổn định. "
        "Nghị sỹ Nga Anton Morozov vừa thăm. Trái với ý kiến đó, đại biểu Vũ Thanh Bình, "
        "Cục thi hành án TP. HCM, góp ý. \u201cCó mục đích\u201d, Yong Suk Lee, trợ lý phó giám đốc "
        "Trung tâm Sứ mệnh Hàn Quốc của CIA nêu quan điểm. Ông ấy và người đi cùng "
        "(đầu bếp nổi tiếng Anthony Bourdain) đã ăn hết."
    )
    assert speakers(text) == [
        ("Lê Minh Hưng", "Thống đốc Ngân hàng nhà nước"),
        ("Anton Morozov", "Nghị sỹ Nga"),
        ("Vũ Thanh Bình", "đại biểu"),
        ("Anthony Bourdain", "đầu bếp nổi tiếng"),
        ("Yong Suk Lee", "trợ lý phó giám đốc Trung tâm Sứ mệnh Hàn Quốc của CIA"),
    ]


def test_roles_keep_dashes_and_abbreviations_inside_a_name_and_prefer_a_post_to_a_rank():
    text = (
        "Theo ông Nguyễn Minh Cảnh, giám đốc Sở Kế hoạch - đầu tư tỉnh Bến Tre, chặng đường. "
        "Phát biểu, ông Nguyễn Thiện Nhân - bí thư Thành uỷ TP. HCM - đánh giá cao. "
        "Ngày 18/3, ông Vũ Hải Long (Phó giám đốc Công ty BOT Đèo Cả - chủ đầu tư) cho biết. "
        "Phát biểu khai mạc hội thảo, thượng tướng Lê Chiêm - thứ trưởng Bộ Quốc phòng khẳng định. "
        "Thiếu tướng, Tiến sĩ Nguyễn Hoàng Nhiên - viện trưởng Viện Lịch sử quân sự cho rằng. "
        "Ông gặp 4 lãnh đạo cấp cao gồm Chủ tịch nước Trần Đại Quang."
    )
    assert speakers(text) == [
        ("Nguyễn Minh Cảnh", "giám đốc Sở Kế hoạch - đầu tư tỉnh Bến Tre"),
        ("Nguyễn Thiện Nhân", "bí thư Thành uỷ TP. HCM"),
        ("Vũ Hải Long", "Phó giám đốc Công ty BOT Đèo Cả"),
        ("Nguyễn Hoàng Nhiên", "viện trưởng Viện Lịch sử quân sự"),
        ("Lê Chiêm", "thứ trưởng Bộ Quốc phòng"),
        ("Trần Đại Quang", "Chủ tịch nước"),
    ]


def test_organisation_needs_a_name_after_its_head_word():
    assert organisation("Ngân hàng nhà nước đã mua thêm hơn 6 tỉ USD", "") == "Ngân hàng nhà nước"
    body = "Người dân Nam Trung Bộ và Đồng bằng sông Cửu Long thiếu nước. Bộ sẽ công bố lộ trình."
    assert organisation("Sông Tiền xâm nhập mặn", body) == ""
    assert organisation("Kỳ thi THPT sẽ thay đổi", "Bộ sẽ công bố lộ trình thi.") == ""
    title = "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam tổ chức lễ trao giải"
    assert organisation(title, "") == "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam"


def test_particles_misspellings_and_two_people_joined_by_and():
    text = (
        "Trong khi đó, GS Jean - Paul de Gaudemar, Tổng giám đốc AUF, cho rằng. "
        "Năm 2017, giáo sư Gerard ‘t Hooft truyền cảm hứng. "
        "Phó ban Tuyên giáo Thành uỷ Nguyễn Văn Phong thông tin. "
        "Đại sứ Thạch Dư trao cúp. Quan hệ được cố Quốc vương Norodom Sihanouk đặt nền móng, "
        "sau đó được cố Quốc vương Sihanuc vun đắp. "
        "Một cuộc gặp giữa Tổng thống Donald Trump và Chủ tịch Tập Cận Bình càng xa vời."
    )
    assert speakers(text) == [
        ("Jean-Paul de Gaudemar", "Tổng giám đốc AUF"),
        ("Gerard ‘t Hooft", ""),
        ("Nguyễn Văn Phong", "Phó ban Tuyên giáo Thành uỷ"),
        ("Thạch Dư", "Đại sứ"),
        ("Norodom Sihanouk", "cố Quốc vương"),
        ("Donald Trump", "Tổng thống"),
        ("Tập Cận Bình", "Chủ tịch"),
    ]


def test_prizes_foundations_and_meetings_named_after_people_or_roles_are_not_speakers():
    text = (
        "Hai nhà khoa học đoạt giải Nobel tới Việt Nam. "
        "Ông giảng dạy tại Đại học California, là chủ tịch của Quỹ Jeff Henley. "
        "Đại biểu dự Hội nghị hiệu trưởng Confrasie diễn ra sáng nay."
    )
    assert speakers(text) == []


def test_organisation_is_the_subject_or_named_in_the_title_not_the_first_in_the_body():
    body = "Ngày 7 - 3, Ban An toàn giao thông TP. HCM phối hợp với Quỹ Bloomberg tổ chức hội nghị."
    assert organisation("Máy móc giao thông thiếu", body) == "Ban An toàn giao thông TP. HCM"
    body = "Hội nghị diễn ra tại Hà Nội. Bộ Nông nghiệp và phát triển nông thôn chủ trì."
    assert organisation("Hội nghị APEC về quản lý thiên tai khai mạc", body) == ""
    assert organisation("Giám đốc Bệnh viện Bạch Mai: cần thêm bác sĩ", "Nội dung.") == "Bệnh viện Bạch Mai"
    title = "Bế mạc Đại hội Đại biểu toàn quốc Hội Luật gia Việt Nam lần thứ XIII"
    assert organisation(title, "Nội dung.") == "Hội Luật gia Việt Nam"


def test_east_asian_names_names_after_long_organisations_and_foreign_forms_of_address():
    text = (
        "Ngoại trưởng Triều Tiên Ri Yong Ho cho rằng. Ngày 25-9, Ngoại trưởng Hàn Quốc Kang Kyung Wha "
        "đã tìm cách xoa dịu. Tại hội thảo, phó giám đốc Bệnh viện Bạch Mai Ngô Quý Châu cho rằng. "
        "Phát biểu tại Lễ động thổ, Madame Nguyễn Thị Nga, Chủ tịch Tập đoàn BRG chia sẻ."
    )
    assert speakers(text) == [
        ("Nguyễn Thị Nga", "Chủ tịch Tập đoàn BRG"),
        ("Ri Yong Ho", "Ngoại trưởng Triều Tiên"),
        ("Kang Kyung Wha", "Ngoại trưởng Hàn Quốc"),
        ("Ngô Quý Châu", "phó giám đốc Bệnh viện Bạch Mai"),
    ]


def test_a_role_keeps_the_posts_listed_before_it_and_the_fuller_form_found_later():
    text = (
        "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh dẫn đầu đoàn. "
        "Bí thư Nguyễn Thiện Nhân nói. Sau đó, Bí thư Thành uỷ TP. HCM Nguyễn Thiện Nhân nhấn mạnh."
    )
    assert speakers(text) == [
        ("Phạm Bình Minh", "Phó Thủ tướng, Bộ trưởng Ngoại giao"),
        ("Nguyễn Thiện Nhân", "Bí thư Thành uỷ TP. HCM"),
    ]
    assert (
        organisation("TP. HCM xây dựng kho dữ liệu", "Sáng 22-6, UBND TP. HCM tổ chức hội nghị.")
        == "UBND TP. HCM"
    )


def test_korean_given_names_particles_abbreviations_and_names_introduced_in_full():
    text = (
        "Tuyên bố được đưa ra sau khi Choe Son - hui, vụ trưởng Vụ Bắc Mỹ, khẳng định. "
        "Tuy nhiên, Viện trưởng KAIST Shin Sung - chul phát biểu. "
        "Theo Reuters, thái tử Saudi Arabia Mohammed bin Salman đã công bố kế hoạch. "
        "Thứ trưởng Bộ LĐ - TB & XH Phạm Minh Huân phát biểu. "
        '" Số trẻ tăng ", Helle Thorning - Schmidt, CEO của tổ chức Save the Children, tuyên bố. '
        "Tờ Independent cho hay, Ivanka Trump đã thay cha. Sau đó cô Ivanka phát biểu. "
        "\u201cCô Ivaka lưu ý rằng\u201d, thông cáo viết. "
        "Phát biểu, Chủ tịch thành phố Nguyễn Đức Chung cho biết."
    )
    assert speakers(text) == [
        ("Shin Sung-chul", "Viện trưởng KAIST"),
        ("Mohammed bin Salman", "thái tử Saudi Arabia"),
        ("Phạm Minh Huân", "Thứ trưởng Bộ LĐ - TB & XH"),
        ("Nguyễn Đức Chung", "Chủ tịch thành phố"),
        ("Choe Son-hui", "vụ trưởng Vụ Bắc Mỹ"),
        ("Helle Thorning-Schmidt", "CEO của tổ chức Save the Children"),
        ("Ivanka Trump", ""),
    ]


def test_a_bare_two_name_run_after_a_surname_is_not_the_persons_full_name():
    text = "HLV Conte không giấu nổi. Quyết định thay người của Conte Bashuayi đã lập công. Ông Conte nói."
    assert speakers(text) == [("Conte", "HLV")]


def test_a_report_opening_with_a_day_and_month_takes_no_other_events_full_date():
    body = "Ngày 4/6, Thủ tướng dự hội nghị. Sau Hội nghị Doanh nghiệp ngày 29/4/2016 tại TP HCM."
    assert find_date("", "", body) == ("", 0)
    # A day and month inside a sentence (a deadline, a range) do not count.
    assert find_date("", "", "Hạn nộp là 30/6, theo văn bản ngày 21/7/2023.") == ("2023-07-21", 2023)


def test_thai_and_korean_names_prefixes_and_the_full_name_a_title_shortens():
    text = (
        "Con gái Obama khóc\n"
        "Con gái lớn của Tổng thống Mỹ sắp mãn nhiệm Barack Obama xúc động. Malia ngồi cạnh "
        "đệ nhất phu nhân Michelle Obama. Guardian dẫn lời ông Obama nói. "
        "Thủ tướng Thái Lan Prayuth Chan - o - cha phát biểu. Tổng thống Moon Jae - in nói. "
        "Đoàn do Đô đốc Tôn Kiến Quốc, phó tổng tham mưu trưởng, dẫn đầu. "
        "Theo nguồn tin riêng của VnExpress, Tổng thống Mỹ Barack Obama có thể lưu trú."
    )
    assert speakers(text) == [
        ("Barack Obama", "Tổng thống Mỹ sắp mãn nhiệm"),
        ("Michelle Obama", "đệ nhất phu nhân"),
        ("Prayuth Chan-o-cha", "Thủ tướng Thái Lan"),
        ("Moon Jae-in", "Tổng thống"),
        ("Tôn Kiến Quốc", "Đô đốc"),
    ]


def test_names_apposed_between_commas_ministries_with_dashes_and_companies_named_like_people():
    text = (
        "Thay mặt các nước, Bộ trưởng Ngoại giao Lào, Saleumxay Kommasith, nước điều phối, khẳng định. "
        "Bộ trưởng Bộ Kế hoạch - đầu tư Nguyễn Chí Dũng cho biết. "
        "Ông Phạm Đại Dương, Thứ trưởng Bộ Khoa học - Công nghệ, đánh giá. "
        "Theo Reuters, Thủ tướng Peter O ' Neill phát biểu. Phó Thủ tướng gặp Ngoại trưởng Nhật Bản Tarō Kōno. "
        "Thủ tướng và Chủ tịch Tập đoàn Nidec. Cơ hội cho chủ nhà\nBáo The Nation dẫn ý kiến."
    )
    assert speakers(text) == [
        ("Phạm Đại Dương", "Thứ trưởng Bộ Khoa học - Công nghệ"),
        ("Saleumxay Kommasith", "Bộ trưởng Ngoại giao Lào"),
        ("Nguyễn Chí Dũng", "Bộ trưởng Bộ Kế hoạch - đầu tư"),
        ("Peter O'Neill", "Thủ tướng"),
        ("Tarō Kōno", "Ngoại trưởng Nhật Bản"),
    ]


def test_artists_lists_sharing_a_role_three_part_names_and_places_before_a_comma():
    text = (
        "NSND Trần Đình Sanh kể lại. Nhà thơ Nguyễn Trọng Tạo gửi bài thơ. "
        "Đó là quê hương của nhạc sỹ Antonin Dvorak và Bedrich Smetana... "
        "Ngày 18-2, Ngoại trưởng Iran Mohammad Javad Zarif tuyên bố. "
        "Trong ngày thứ ba ở Davos, Thủ tướng Nguyễn Xuân Phúc gặp Phó chủ tịch Uỷ ban châu Âu Jyrki Katainen. "
        "Sau đó, Thủ tướng tiếp Hoàng hậu Hà Lan Maxima. Phó Chủ tịch Quốc hội Uông Chu Lưu nói."
    )
    assert speakers(text) == [
        ("Trần Đình Sanh", ""),
        ("Nguyễn Trọng Tạo", "Nhà thơ"),
        ("Antonin Dvorak", "nhạc sỹ"),
        ("Bedrich Smetana", "nhạc sỹ"),
        ("Mohammad Javad Zarif", "Ngoại trưởng Iran"),
        ("Nguyễn Xuân Phúc", "Thủ tướng"),
        ("Jyrki Katainen", "Phó chủ tịch Uỷ ban châu Âu"),
        ("Maxima", "Hoàng hậu Hà Lan"),
        ("Uông Chu Lưu", "Phó Chủ tịch Quốc hội"),
    ]


def test_a_role_after_a_name_is_that_persons_and_what_follows_is_the_organisation():
    text = (
        "Trước đó, ông Đặng Tất Thắng – Giám đốc Bamboo Airways tự tin. "
        "Tướng Farzad Esmaili tư lệnh căn cứ không quân Khatam al-Anbiya của Iran cho biết. "
        "Ông Vũ Văn Viện Giám đốc Sở GTVT Hà Nội. "
        "Tổng giám đốc công ty Cienco 6 Bùi Phi Hùng đề nghị. "
        "Theo James Borton, nhà nghiên cứu Đông Nam Á tại Trung tâm Stimson, Mỹ. "
        "Giám đốc điều hành Facebook Mark Zuckerberg nói. Facebook cho biết. "
        "Ông Mai Sĩ Diến đề nghị. Ông Mai Sỹ Diến - Phó trưởng đoàn đại biểu Quốc hội tỉnh Thanh Hoá nói."
    )
    assert speakers(text) == [
        ("Đặng Tất Thắng", "Giám đốc Bamboo Airways tự tin"),
        ("Vũ Văn Viện", "Giám đốc Sở GTVT Hà Nội"),
        ("Mai Sĩ Diến", "Phó trưởng đoàn đại biểu Quốc hội tỉnh Thanh Hoá"),
        ("Farzad Esmaili", "Tướng"),
        ("Bùi Phi Hùng", "Tổng giám đốc công ty Cienco 6"),
        ("Mark Zuckerberg", "Giám đốc điều hành Facebook"),
        ("James Borton", "nhà nghiên cứu Đông Nam Á"),
    ]


def test_vietnamese_american_names_judges_voters_and_a_place_before_a_comma():
    text = (
        "Có nữ nghị sĩ thượng viện bang California Janet Nguyễn, thẩm phán liên bang Jacqueline Nguyen. "
        "Thẩm phán Kriangsak Kittichairasee, Toà án Luật biển quốc tế ITLOS cho rằng. "
        "Cử tri Lê Quý Hùng (phường Lam Sơn) nhìn nhận. "
        "Bộ trưởng Quốc phòng Trung Quốc Nguỵ Phượng Hoà phát biểu. "
        "Việc cố vấn An ninh quốc gia Michael Flynn từ chức. "
        "Tại Hội nghị An ninh Munich, Phó Tổng thống Michael Pence nhấn mạnh."
    )
    assert speakers(text) == [
        ("Janet Nguyễn", "nữ nghị sĩ thượng viện bang California"),
        ("Jacqueline Nguyen", "thẩm phán liên bang"),
        ("Kriangsak Kittichairasee", "Thẩm phán"),
        ("Lê Quý Hùng", "Cử tri"),
        ("Nguỵ Phượng Hoà", "Bộ trưởng Quốc phòng Trung Quốc"),
        ("Michael Flynn", "cố vấn An ninh quốc gia"),
        ("Michael Pence", "Phó Tổng thống"),
    ]


def test_long_organisations_before_a_name_and_a_role_before_the_titles_organisation():
    assert speakers("Viện trưởng Viện nghiên cứu lập pháp Nguyễn Đình Quyền thì cho rằng.") == [
        ("Nguyễn Đình Quyền", "Viện trưởng Viện nghiên cứu lập pháp"),
    ]
    body = "Phát biểu khai mạc, Thứ trưởng Bộ Lao động - Thương binh và Xã hội Doãn Mậu Diệp đã thông báo."
    assert organisation("Khai mạc cuộc họp đầu tiên", body) == ""


def test_ministries_with_commas_names_in_brackets_scholars_and_dutch_particles():
    text = (
        "Thứ trưởng Bộ Văn hoá, Thể thao và Du lịch Trịnh Thị Thuỷ đặt vấn đề. "
        "Giám đốc Sở Tài nguyên và Môi trường Lê Quang Nam cho hay. "
        "\\u201cChúng tôi có thể\\u201d, Bruce Blair, học giả nghiên cứu tại Đại học Princeton nói. "
        "Tham dự có Võ Văn Thưởng (Bí thư trung ương Đảng, trưởng Ban Tuyên giáo) cùng lãnh đạo. "
        "Bên lề hội thảo, giáo sư Gerard ' t Hooft cho biết. Sau đó giáo sư Hà Lan cho rằng. "
        "Hiện Việt Nam đã có giải thưởng mang tên nhà khoa học Tạ Quang Bửu. "
        "Marcus Noland, phó giám đốc điều hành Viện Nghiên cứu Kinh tế Quốc tế Peterson nói."
    )
    assert speakers(text) == [
        ("Gerard 't Hooft", ""),
        ("Trịnh Thị Thuỷ", "Thứ trưởng Bộ Văn hoá, Thể thao và Du lịch"),
        ("Lê Quang Nam", "Giám đốc Sở Tài nguyên và Môi trường"),
        ("Bruce Blair", "học giả nghiên cứu"),
        ("Võ Văn Thưởng", "Bí thư trung ương Đảng, trưởng Ban Tuyên giáo"),
        ("Marcus Noland", "phó giám đốc điều hành Viện Nghiên cứu Kinh tế Quốc tế Peterson"),
    ]


def test_a_role_at_a_place_or_of_a_body_and_lower_case_organisations_before_the_name():
    text = (
        "Đại sứ Hoa Kỳ tại Việt Nam Ted Osius nhấn mạnh. "
        "Chủ nhiệm Ủy ban Kinh tế của Quốc hội Vũ Hồng Thanh trình bày. "
        "Phó giám đốc Trung tâm chống ngập TP HCM Nguyễn Hoàng Anh Dũng cho biết. "
        "Giám đốc Trung tâm dự báo khí tượng thuỷ văn trung ương Hoàng Đức Cường nhận định. "
        "Đại sứ Nga tại Italy đã đến. Chủ tịch HĐQT của Vingroup nói. "
        "Bộ trưởng Bộ GD-ĐT quyết định tặng bằng khen cho em Đỗ Văn Bằng."
    )
    assert speakers(text) == [
        ("Ted Osius", "Đại sứ Hoa Kỳ tại Việt Nam"),
        ("Vũ Hồng Thanh", "Chủ nhiệm Ủy ban Kinh tế của Quốc hội"),
        ("Nguyễn Hoàng Anh Dũng", "Phó giám đốc Trung tâm chống ngập TP HCM"),
        ("Hoàng Đức Cường", "Giám đốc Trung tâm dự báo khí tượng thuỷ văn trung ương"),
    ]


def test_chinese_and_korean_names_countries_of_several_words_and_the_youth_union():
    text = (
        "Phát ngôn viên Bộ Ngoại giao Trung Quốc Cảnh Sảng dường như đã thể hiện. "
        "Ngoại trưởng Papua New Guinea Rimbink Pato để tác động. "
        "Tổng thư ký Liên Hợp Quốc Ban Ki-moon phát biểu. "
        "Năm 1990, ông giữ chức Bí thư Đoàn Thanh niên tại đây. "
        "Chủ tịch Hồ Chí Minh đã dạy. Luật sư TP Hồ Chí Minh cho biết."
    )
    assert speakers(text) == [
        ("Cảnh Sảng", "Phát ngôn viên Bộ Ngoại giao Trung Quốc"),
        ("Rimbink Pato", "Ngoại trưởng Papua New Guinea"),
        ("Ban Ki-moon", "Tổng thư ký Liên Hợp Quốc"),
        ("Hồ Chí Minh", "Chủ tịch"),
    ]


def test_places_named_ong_ba_a_lower_case_surname_and_what_follows_theo_ong():
    text = (
        "nạo vét rạch Ông Bé và kênh Ông Chưởng.\nÔng Bùi Chí Hiếu bị khởi tố. "
        "Trả lời, ông bùi Xuân Cường - Giám đốc Sở Giao thông Vận tải - nói. "
        "Cũng theo ông Eduardo Pedrosa, Liên minh Thái Bình Dương hướng tới miễn thị thực. "
        "Trump cử phó tổng thống Mỹ Mike Pence và Matthew Pottinger, người phụ trách chính sách, đi dự."
    )
    assert speakers(text) == [
        ("Bùi Chí Hiếu", ""),
        ("Bùi Xuân Cường", "Giám đốc Sở Giao thông Vận tải"),
        ("Eduardo Pedrosa", ""),
        ("Mike Pence", "phó tổng thống Mỹ"),
        ("Matthew Pottinger", "người phụ trách chính sách"),
    ]


def test_a_day_and_month_after_a_photo_caption_opens_the_report():
    body = "(Ảnh: K.T) Sáng 22/5, tại Hà Nội đã diễn ra Hội thảo. Liên minh được thành lập ngày 28/4/2011."
    assert find_date("", "Hội thảo", body) == ("", 0)


def test_names_listed_after_one_honorific_nicknames_and_photo_credits():
    text = (
        "Lãnh đạo lúc bấy giờ là ông Nguyễn Văn Linh, Võ Văn Kiệt - đã kêu gọi. "
        "Các nhân chứng như Đại tá tình báo Nguyễn Văn Tàu (Tư Cang - Anh hùng), ông Lê Quang Thành kể. "
        "Là đêm ông Tư Cang đi giữa Sài Gòn. Ông Tư Thành ở dưới hầm. "
        "Chủ tịch nước hội kiến Thủ tướng Trung Quốc Lý Khắc Cường Ảnh: Reuters"
    )
    assert speakers(text) == [
        ("Nguyễn Văn Linh", ""),
        ("Võ Văn Kiệt", ""),
        ("Lê Quang Thành", ""),
        ("Nguyễn Văn Tàu", "Đại tá tình báo"),
        ("Lý Khắc Cường", "Thủ tướng Trung Quốc"),
    ]


def test_organisations_with_lower_case_words_and_brackets_and_a_role_in_apposition():
    text = (
        "Tổng giám đốc Công ty CP Lọc hoá dầu Bình Sơn (BSR) Trần Ngọc Nguyên; Tổng giám đốc Công ty "
        "điều hành Dầu khí Phú Quốc (PHUQUOC POC) Lê Ngọc Sơn cùng đại diện. "
        "Cùng quan điểm, ông Sumio Hara, Chủ tịch kiêm Tổng Giám đốc Công ty Thiết kế xây dựng So Kikaku "
        "Sekkei, cho biết. Giám đốc Trung tâm Dịch vụ bán ĐGTS tỉnh Hải Dương Nguyễn Đại Dân lý giải. "
        "Là người từng làm việc với giáo sư Phan Huy Lê, nhà thơ Nguyễn Duy có suy nghĩ. "
        "KTS Phan Đức Hải nhận định. Ông Đoàn Nguyên Đức, Chủ tịch Tập đoàn Hoàng Anh Gia Lai nói."
    )
    assert [name for name, _ in speakers(text)] == [
        "Sumio Hara",
        "Phan Huy Lê",
        "Phan Đức Hải",
        "Đoàn Nguyên Đức",
        "Trần Ngọc Nguyên",
        "Lê Ngọc Sơn",
        "Nguyễn Đại Dân",
        "Nguyễn Duy",
    ]


def test_a_link_in_a_roles_tail_names_a_place_unless_a_full_name_follows():
    text = (
        "Thị trưởng của thành phố Davao đã phát biểu. Ông Nazarbayev cho biết người phát ngôn "
        "của thượng viện Kassym-Jomart Tokayev sẽ đảm đương. Bộ trưởng hiện tại là Yoo Il-ho nói."
    )
    assert [name for name, _ in speakers(text)] == ["Nazarbayev", "Kassym-Jomart Tokayev", "Yoo Il-ho"]


def test_bodies_in_brackets_agencies_rarer_surnames_columnists_and_oceans():
    text = (
        "Tại phiên thảo luận, phó vụ trưởng Vụ châu Mỹ (Bộ Ngoại giao) Trần Thanh Tâm cho rằng. "
        "Phó giám đốc Cơ quan Phát triển quốc tế Hoa Kỳ (USAID) Craig Hart cho rằng. "
        "Thứ trưởng Bộ Quốc phòng Bế Xuân Trường cho biết. "
        "Như lời cây bút Jill Dougherty từ CNN nhận xét. "
        "Thiếu tá Matt Knight, người phát ngôn Hạm đội Thái Bình Dương Mỹ đã nói. "
        "Ông Andrew O’ Neil, nhà nghiên cứu, nhận định. Đại sứ Hàn Quốc tại Đan Mạch Choi Jai-chul nói."
    )
    assert [name for name, _ in speakers(text)] == [
        "Andrew O'Neil",
        "Trần Thanh Tâm",
        "Craig Hart",
        "Bế Xuân Trường",
        "Jill Dougherty",
        "Matt Knight",
        "Choi Jai-chul",
    ]


def test_a_documents_date_is_not_the_events():
    body = (
        "Hội nghị sơ kết thực hiện Công điện số 967/CĐ - TTg ngày 10/6/2014 của Thủ tướng, "
        "do UBND TP Hà Nội tổ chức ngày 29/10. Quyết định số 3963/QĐ - UBND ngày 4/8/2016 đã ban hành."
    )
    assert find_date("", "Hội nghị", body) == ("", 0)
    assert find_date("", "Hội nghị", "Ngày 5/5/2019, theo Nghị định 45/NĐ - CP ngày 21/4/2010.") == (
        "2019-05-05",
        2019,
    )
    body = "Sáng nay (22/1) diễn ra hội nghị về Nghị quyết 02 của Chính phủ vừa ban hành ngày 01/01/2019."
    assert find_date("", "Hội nghị", body) == ("", 0)
    body = (
        "Tại Nghị quyết số 24/2016/QH14 của Quốc hội ngày 8/11/2016, quy định số: 1976/QĐ - TTg ký ngày "
        "24/10/2014 của Thủ tướng. Ngày 15/3/2018, ông Lê Đức Vinh nói."
    )
    assert find_date("", "Hội nghị", body) == ("2018-03-15", 2018)


def test_people_after_a_companys_one_word_name_and_organisations_named_like_people():
    text = (
        "Thủ tướng tiếp Giám đốc toàn cầu Tập đoàn Cisco Goh Seow Hiong, Giám đốc khu vực Ngân hàng HSBC "
        "Doreen Steidle, Phó Chủ tịch Tập đoàn Shire Linda Seah, Phó Chủ tịch Tập đoàn GE Christian Bennett…"
        "Phát biểu tại đây. Chúng tôi mời giám đốc Công ty Hoàng Gia Phát ra Bình Định. "
        "Tổng giám đốc Công ty CP Phúc Sinh cho biết. Giám đốc Bệnh viện Bạch Mai nói. "
        "Lãnh đạo đa số tại Hạ viện Kevin McCarthy dự họp."
    )
    assert [name for name, _ in speakers(text)] == [
        "Goh Seow Hiong",
        "Doreen Steidle",
        "Linda Seah",
        "Christian Bennett",
        "Kevin McCarthy",
    ]


def test_transliterated_countries_european_letters_and_roles_apposed_after_a_name():
    text = (
        "Có Thủ tướng Cam-pu-chia, Thủ tướng Lào, Tổng thống Phi-lip-pin. "
        "Đại sứ Thụy Điển tại Việt Nam Pereric Högberg đã chia sẻ. "
        "Stefan Lehne, một cựu nhà ngoại giao của Áo, phân tích. Vụ đầu độc cựu điệp viên Skripal."
    )
    assert speakers(text) == [
        ("Pereric Högberg", "Đại sứ Thụy Điển tại Việt Nam"),
        ("Skripal", "cựu điệp viên"),
        ("Stefan Lehne", "cựu nhà ngoại giao của Áo"),
    ]


def test_names_the_article_hides_a_vietnamese_name_before_a_dash_and_rarer_surnames():
    text = (
        "Theo bà Bùi Thị Th, hàng xóm, ông Đức T. đã đi. Bà Th kể lại. "
        "Ông Đặng Quang Vinh - chi cục trưởng Chi cục Bảo vệ môi trường cho biết. Theo ông Vinh, mẫu đã lấy. "
        "Theo chuyên gia Cấn Văn Lực, lãi suất sẽ giảm. Bộ trưởng bang Tây Bengal phản đối. "
        "Ngoại trưởng Philippines Teodoro Locsin Jr nói. Tổng thống Hàn Quốc Moon Jae - in nói."
    )
    assert [name for name, _ in speakers(text)] == [
        "Đặng Quang Vinh",
        "Cấn Văn Lực",
        "Teodoro Locsin Jr",
        "Moon Jae-in",
    ]


def test_deputies_names_listed_after_a_plural_role_and_romanised_chinese_names():
    text = (
        "ĐB Mai Sĩ Diến (Thanh Hóa) chỉ ra thực tế. ĐB Thái Trường Giang (Cà Mau), ĐB Nguyễn Thái Học "
        "(Phú Yên) bức xúc. ĐB Thái Trường Giang, Trưởng ban Kinh tế, nói thêm. "
        "Thủ tướng và các Phó Thủ tướng: Trương Hòa Bình, Vương Đình Huệ, Trịnh Đình Dũng tại Hội nghị. "
        "Các cầu thủ Chelsea ra sân. Có nguyên Thủ tướng Singapore Goh Chok Tong và Tổng thư ký tổ chức "
        "cứu trợ Caritas Michel Roy. Jin Zhong, tổng biên tập tạp chí Open ở Hong Kong, tuyên bố."
    )
    assert speakers(text) == [
        ("Mai Sĩ Diến", "ĐB"),
        ("Thái Trường Giang", "Trưởng ban Kinh tế"),
        ("Nguyễn Thái Học", "ĐB"),
        ("Trương Hòa Bình", "Phó Thủ tướng"),
        ("Vương Đình Huệ", "Phó Thủ tướng"),
        ("Trịnh Đình Dũng", "Phó Thủ tướng"),
        ("Goh Chok Tong", "nguyên Thủ tướng Singapore"),
        ("Jin Zhong", "tổng biên tập tạp chí Open ở Hong Kong"),
    ]


def test_a_bare_role_after_a_verb_is_whom_the_person_spoke_to_and_commanders_roles():
    text = (
        "Trả lời cử tri, ông Nguyễn Thành Phong nói. Chủ tịch UBND TP. HCM Nguyễn Thành Phong cho biết. "
        "Ông Lý và phu nhân, bà Ho Ching, có 4 người con. "
        "Thượng tá Trần Quốc Toản - phó chỉ huy trưởng Bộ đội biên phòng tỉnh Khánh Hoà - cho biết."
    )
    assert speakers(text) == [
        ("Nguyễn Thành Phong", "Chủ tịch UBND TP. HCM"),
        ("Lý", ""),
        ("Ho Ching", "phu nhân"),
        ("Trần Quốc Toản", "phó chỉ huy trưởng Bộ đội biên phòng tỉnh Khánh Hoà"),
    ]


def test_given_names_spelt_like_syllables_countries_asides_and_a_list_after_a_role():
    assert speakers("Thượng nghị sĩ Tom Cotton và HLV Pep Guardiola nói.") == [
        ("Tom Cotton", "Thượng nghị sĩ"),
        ("Pep Guardiola", "HLV"),
    ]
    assert speakers("Tư lệnh chiến dịch của SDF - tướng Chia Kobani cho biết.") == [("Chia Kobani", "tướng")]
    text = (
        "Tướng quân hàng đầu của Mỹ - ông Joseph Votel nói. Đại sứ - Trưởng phái đoàn EU Bruno Angelet nói."
    )
    assert speakers(text) == [
        ("Joseph Votel", "Tướng quân hàng đầu của Mỹ"),
        ("Bruno Angelet", "Đại sứ - Trưởng phái đoàn EU"),
    ]
    assert speakers("HLV The Voice và thị trưởng San Juan cho biết.") == []
    text = (
        "Giám đốc Cơ quan tình báo đối ngoại Anh (được biết đến với tên gọi MI 6) Alex Younger nhận định; "
        "tổng lãnh sự Mary Tarnowka đồng ý."
    )
    assert speakers(text) == [
        ("Alex Younger", "Giám đốc Cơ quan tình báo đối ngoại Anh"),
        ("Mary Tarnowka", "tổng lãnh sự"),
    ]
    text = "Sau diễn văn của Chủ tịch Quốc hội khoá 13 Nguyễn Thị Kim Ngân, Tổng bí thư Nguyễn Phú Trọng phát biểu."
    assert speakers(text) == [
        ("Nguyễn Thị Kim Ngân", "Chủ tịch Quốc hội khoá 13"),
        ("Nguyễn Phú Trọng", "Tổng bí thư"),
    ]
    text = "Sau diễn văn của bà Nguyễn Thị Kim Ngân, Tổng bí thư Nguyễn Phú Trọng phát biểu."
    assert speakers(text) == [("Nguyễn Thị Kim Ngân", ""), ("Nguyễn Phú Trọng", "Tổng bí thư")]
    text = "Giải thưởng trao cho đạo diễn Đào Bà Sơn, Phạm Nhuệ Giang, nhà văn Nguyễn Xuân Khánh."
    assert speakers(text) == [
        ("Đào Bà Sơn", "đạo diễn"),
        ("Phạm Nhuệ Giang", "đạo diễn"),
        ("Nguyễn Xuân Khánh", "nhà văn"),
    ]


def test_roles_end_before_another_post_a_degree_yields_to_a_post_and_subjects_end_at_the_verb():
    text = (
        "Ông Cầm Văn An, Phó Hiệu trưởng trường Chính trị tỉnh giữ chức vụ Phó Giám đốc sở. "
        "Ông Phan Đoàn Thái, Giám đốc Sở Giáo dục Bình Thuận muốn trao quyền."
    )
    assert speakers(text) == [
        ("Cầm Văn An", "Phó Hiệu trưởng trường Chính trị tỉnh"),
        ("Phan Đoàn Thái", "Giám đốc Sở Giáo dục Bình Thuận"),
    ]
    text = (
        "Ông Nguyễn Thanh Long, tiến sĩ y học, được điều động. Ông Võ Văn Thưởng trao quyết định cho "
        "ông Nguyễn Thanh Long, Thứ trưởng Y tế. Thứ trưởng Nguyễn Vinh Hiển phát biểu. Tại hội thảo, "
        "Thứ trưởng Bộ Giáo dục và Đào tạo Nguyễn Vinh Hiển cho rằng"
    )
    assert speakers(text) == [
        ("Nguyễn Thanh Long", "Thứ trưởng Y tế"),
        ("Võ Văn Thưởng", ""),
        ("Nguyễn Vinh Hiển", "Thứ trưởng Bộ Giáo dục và Đào tạo"),
    ]
    assert organisation("Quốc hội dành 6 ngày quyết định nhân sự", "Nội dung.") == "Quốc hội"
    body = "UBND tỉnh Sơn La bổ nhiệm ông Cầm Văn An giữ chức vụ Phó Giám đốc."
    assert organisation("Sơn La có Phó Giám đốc sở mới", body) == "UBND tỉnh Sơn La"
    title = "Sở Giao thông vận tải TP. HCM cho biết đang phân luồng"
    assert organisation(title, "Nội dung.") == "Sở Giao thông vận tải TP. HCM"
    assert organisation("Tây Ban Nha kêu gọi đối thoại", "Nội dung.") == ""
    body = "Sáng nay, 22/1, Thủ tướng chủ trì. Kết luận số 22 - KL/TW ngày 7/11/2017 của Bộ Chính trị nêu rõ."
    assert find_date("", "Họp về Đề án", body) == ("", 0)


def test_a_bare_province_before_a_name_the_youth_union_and_a_misspelt_foreign_name_in_a_caption():
    text = (
        "Phó Chủ tịch UBND tỉnh Đặng Ngọc Sơn và Chánh Thanh tra tỉnh Võ Văn Phúc điều hành. "
        "Chủ tịch UBND tỉnh Hải Dương Nguyễn Đại Dân nói. Phó bí thư phường Nguyễn Văn Đốn có mặt."
    )
    assert speakers(text) == [
        ("Đặng Ngọc Sơn", "Phó Chủ tịch UBND tỉnh"),
        ("Võ Văn Phúc", "Chánh Thanh tra tỉnh"),
        ("Nguyễn Đại Dân", "Chủ tịch UBND tỉnh Hải Dương"),
    ]
    text = (
        "Bí thư thường trực Trung ương Đoàn Nguyễn Mạnh Dũng được luân chuyển. Trước khi được Ban bí thư "
        "phân công nhận nhiệm vụ mới, ông Nguyễn Mạnh Dũng từng làm cán bộ Đoàn."
    )
    assert speakers(text) == [("Nguyễn Mạnh Dũng", "Bí thư thường trực Trung ương Đoàn")]
    text = (
        "Chủ tịch nước tiếp Bộ trưởng Thương mại Indonesia Enggartiasto Lukita. "
        "Ảnh: Chủ tịch nước tiếp Bộ trưởng Thương mại Engartiasto Lukita."
    )
    assert speakers(text) == [("Enggartiasto Lukita", "Bộ trưởng Thương mại Indonesia")]
    text = (
        "Bộ trưởng Y tế và dịch vụ xã hội Tom Price bước lên. Chen Daoyin, một nhà khoa học chính trị, nói."
    )
    assert speakers(text) == [
        ("Tom Price", "Bộ trưởng Y tế và dịch vụ xã hội"),
        ("Chen Daoyin", "nhà khoa học chính trị"),
    ]


def test_a_father_named_in_a_sons_name_posts_listed_before_a_post_and_names_listed_after_gom():
    text = (
        "Tổng thống Erdogan điện đàm với Quốc vương Saudi Arabia Salman cũng như tân Thái tử Mohammed bin "
        "Salman. Trưởng đặc khu Hong Kong Carrie Lam nói. Bà Lam cho biết thêm."
    )
    assert speakers(text) == [
        ("Erdogan", "Tổng thống"),
        ("Salman", "Quốc vương Saudi Arabia"),
        ("Mohammed bin Salman", "tân Thái tử"),
        ("Carrie Lam", "Trưởng đặc khu Hong Kong"),
    ]
    assert speakers("Thái tử Mohammed bin Salman đến. Thái tử Salman phát biểu.") == [
        ("Mohammed bin Salman", "Thái tử"),
    ]
    text = (
        "Đến dự có Ủy viên Bộ Chính trị, Chủ nhiệm Ủy ban Kiểm tra T.Ư Trần Quốc Vượng; Ủy viên Bộ Chính "
        "trị, Bí thư Trung ương Đảng, Trưởng Ban Kinh tế T.Ư Nguyễn Văn Bình. Nghệ sĩ Thanh Quý, đạo diễn "
        "Trần Lực cùng dự. Theo nhận định của chuyên gia, Bộ trưởng Quốc phòng Mỹ Jim Mattis sẽ phát biểu."
    )
    assert speakers(text) == [
        ("Trần Quốc Vượng", "Ủy viên Bộ Chính trị, Chủ nhiệm Ủy ban Kiểm tra T.Ư"),
        ("Nguyễn Văn Bình", "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Kinh tế T.Ư"),
        ("Trần Lực", "đạo diễn"),
        ("Jim Mattis", "Bộ trưởng Quốc phòng Mỹ"),
    ]
    text = (
        "Bộ Lao động có bốn Thứ trưởng gồm ông Doãn Mậu Diệp, Lê Tấn Dũng, Lê Quân và bà Nguyễn Thị Hà. "
        "Ông đề xuất Thủ tướng thêm ông Trần Hoàng Ngân vào tổ tư vấn."
    )
    assert speakers(text) == [
        ("Doãn Mậu Diệp", "Thứ trưởng"),
        ("Lê Tấn Dũng", "Thứ trưởng"),
        ("Lê Quân", "Thứ trưởng"),
        ("Nguyễn Thị Hà", ""),
        ("Trần Hoàng Ngân", ""),
    ]


def test_hong_kong_names_long_roles_and_quotes_and_verbs_that_end_a_role():
    text = (
        '"Bắc Kinh muốn xoá tan mọi khúc mắc", Michael Tien Puk - sun, đại biểu quốc hội Trung Quốc, cho hay. '
        "Dưới sự chủ trì của Trương Hiểu Minh, Giám đốc Văn phòng Các vấn đề Hong Kong và Macau của Quốc "
        'vụ viện Trung Quốc. Tuy nhiên, "tổng thống tự phong" Juan Guaido từ chối. Lãnh đạo của Samsung, '
        "con trai của Chủ tịch tập đoàn Samsung Lee Kun - hee, bị bắt."
    )
    assert speakers(text) == [
        ("Juan Guaido", "tổng thống tự phong"),
        ("Lee Kun-hee", "Chủ tịch tập đoàn Samsung"),
        ("Michael Tien Puk-sun", "đại biểu quốc hội Trung Quốc"),
        ("Trương Hiểu Minh", "Giám đốc Văn phòng Các vấn đề Hong Kong và Macau của Quốc vụ viện Trung Quốc"),
    ]
    text = (
        "Bộ Chính trị chỉ định bà Đào Hồng Lan, Uỷ viên dự khuyết Trung ương Đảng, Thứ trưởng Bộ Lao động "
        "Thương binh và Xã hội tham gia Ban Chấp hành. Ông Lê Sỹ Minh, Giám đốc Sở Thông tin Truyền thông "
        "thừa nhận Sở vội vàng."
    )
    assert speakers(text) == [
        ("Đào Hồng Lan", "Uỷ viên dự khuyết Trung ương Đảng, Thứ trưởng Bộ Lao động Thương binh và Xã hội"),
        ("Lê Sỹ Minh", "Giám đốc Sở Thông tin Truyền thông"),
    ]


def test_a_deadline_is_not_the_event_and_acronyms_and_federations_as_subjects():
    body = "Bộ yêu cầu báo cáo Lãnh đạo Bộ trước ngày 5/6/2017. Ngày 2/6, Thứ trưởng ký công văn."
    assert find_date("", "Bộ yêu cầu xử lý", body) == ("", 0)
    assert find_date("", "t", "Ngày 5/6/2017, Thứ trưởng ký công văn.") == ("2017-06-05", 2017)
    first = "Sáng ngày 13/7, Tập đoàn Dầu khí Việt Nam (PVN) đã tổ chức hội nghị."
    assert organisation("PVN hoàn thành vượt mọi chỉ tiêu", first) == "PVN"
    assert organisation("HLV vô địch cúp C1 nhận tin vui", "Ông X nói.") == ""
    assert organisation("Trường Sa của Việt Nam trong một động thái", "Ông X nói.") == ""
    first = "Tổng liên đoàn Lao động Việt Nam vừa đề xuất tăng thêm 1 ngày nghỉ."
    assert (
        organisation("Người lao động sẽ được nghỉ thêm 1 ngày", first) == "Tổng liên đoàn Lao động Việt Nam"
    )
    assert organisation("Hội đồng Bảo an LHQ họp kín về Triều Tiên", "") == "Hội đồng Bảo an LHQ"
    assert organisation("Ban Văn hoá - Xã hội của HĐND TP. HCM đề nghị giữ cây xanh", "") == (
        "Ban Văn hoá - Xã hội của HĐND TP. HCM"
    )


def test_a_post_run_on_after_a_name_a_hamlet_and_a_city_after_a_role_are_not_names():
    text = (
        "Bí thư Thành ủy Hà Nội Hoàng Trung Hải Bí thư Thành ủy Hà Nội Hoàng Trung Hải yêu cầu. "
        "Vụ sạt lở ở nóc Ông Tuân rất nặng. Elly Yuzar, phát ngôn viên nhà tù thành phố Sorong, nói. "
        "Thượng tá Nguyễn Trung Tâm, Phó Chủ nhiệm Chính trị - Sư đoàn 1, cho biết."
    )
    assert sorted(speakers(text)) == [
        ("Elly Yuzar", "phát ngôn viên nhà tù thành phố Sorong"),
        ("Hoàng Trung Hải", "Bí thư Thành ủy Hà Nội"),
        ("Nguyễn Trung Tâm", "Phó Chủ nhiệm Chính trị"),
    ]
    assert speakers("Thị trưởng thành phố Davao phát biểu. Thống đốc bang Vermont phát biểu.") == []


def test_a_plenipotentiary_ambassador_posts_joined_by_kiem_a_role_between_dashes_and_the_body_above():
    text = (
        "Tại hội nghị, Đại sứ Đặc mệnh toàn quyền Nhật Bản tại Việt Nam Umeda Kunio mong rằng hợp tác tăng. "
        "Uỷ viên Trung ương Đảng, Bộ trưởng Bộ TT&TT kiêm Phó Trưởng Ban Tuyên giáo Trung ương Trương Minh "
        "Tuấn phát biểu. Phó thủ tướng Phạm Bình Minh lên án. Phó thủ tướng, Bộ trưởng Ngoại giao Phạm Bình "
        "Minh phát biểu. Kỷ luật ông Tất Thành Cang - uỷ viên Trung ương, phó bí thư thường trực Thành uỷ "
        "TP. HCM - vì những vi phạm. Thiếu tướng Nguyễn Ngọc Thế, Cục trưởng Cục An ninh nông thôn (Bộ "
        "Công an), cho rằng phải mạnh tay. Ông Phạm Văn Hồng, Giám đốc Viện Năng lượng nguyên tử (NLNT) "
        "cho biết. Ông Trần Anh Tuấn - tổng giám đốc Công ty CP tư vấn - thương mại - dịch vụ Hoàng Quân "
        "(chủ dự án) hứa."
    )
    assert sorted(speakers(text)) == [
        ("Nguyễn Ngọc Thế", "Cục trưởng Cục An ninh nông thôn (Bộ Công an)"),
        ("Phạm Bình Minh", "Phó thủ tướng, Bộ trưởng Ngoại giao"),
        ("Phạm Văn Hồng", "Giám đốc Viện Năng lượng nguyên tử"),
        (
            "Trương Minh Tuấn",
            "Uỷ viên Trung ương Đảng, Bộ trưởng Bộ TT&TT kiêm Phó Trưởng Ban Tuyên giáo Trung ương",
        ),
        ("Trần Anh Tuấn", "tổng giám đốc Công ty CP tư vấn - thương mại - dịch vụ Hoàng Quân"),
        ("Tất Thành Cang", "uỷ viên Trung ương, phó bí thư thường trực Thành uỷ TP. HCM"),
        ("Umeda Kunio", "Đại sứ Đặc mệnh toàn quyền Nhật Bản tại Việt Nam"),
    ]
