"""Speakers: one sentence in, the people it names (name, role) out."""

import pytest

from search_app.extract import find_speakers
from search_app.extract.lexicon import ROLE_BEFORE_RE, ROLE_NOUN_LIST, role_nouns_in


def speakers(text):
    return [(s["name"], s["role"]) for s in find_speakers(text)]


CASES = [
    pytest.param(
        "Đến dự có đồng chí Nguyễn Phú Hùng – Bí thư Đảng ủy, Viện trưởng Viện Ứng dụng "
        "công nghệ; đồng chí Lê Minh Tùng – Phó Chánh Văn phòng Viện.",
        [
            ("Nguyễn Phú Hùng", "Bí thư Đảng ủy, Viện trưởng Viện Ứng dụng công nghệ"),
            ("Lê Minh Tùng", "Phó Chánh Văn phòng Viện"),
        ],
        id="dong_chi_with_dash_and_role",
    ),
    pytest.param(
        "Đ/c Giang Mạnh Khôi phát biểu tại Hội nghị",
        [("Giang Mạnh Khôi", "")],
        id="dc_abbreviation_without_role",
    ),
    pytest.param(
        "ông Đào Hồng Quảng, Viện trưởng chủ trì cuộc họp.",
        [("Đào Hồng Quảng", "Viện trưởng")],
        id="ong_with_comma_role_stops_at_the_verb",
    ),
    pytest.param(
        "TS. Đặng Quang Thiệu - Giám đốc Trung tâm trình bày báo cáo. "
        "PGS.TS. Nguyễn Quang Huy, Phó Giám đốc Học viện phát biểu. "
        "GS.TSKH Đỗ Trọng Nghĩa – Chủ tịch Hội đồng khoa học. ThS. Phạm Thuý Hằng giới thiệu.",
        [
            ("Đặng Quang Thiệu", "Giám đốc Trung tâm"),
            ("Nguyễn Quang Huy", "Phó Giám đốc Học viện"),
            ("Đỗ Trọng Nghĩa", "Chủ tịch Hội đồng khoa học"),
            ("Phạm Thuý Hằng", ""),
        ],
        id="academic_titles",
    ),
    pytest.param(
        "Bà Lê Thị Thuỳ Dương, Giám đốc Sở Khoa học và Công nghệ phát biểu khai mạc.",
        [("Lê Thị Thuỳ Dương", "Giám đốc Sở Khoa học và Công nghệ")],
        id="female_four_syllable_name",
    ),
    pytest.param(
        "Tham dự có Đ/c Giang Mạnh Khôi – Phó Viện trưởng Viện Ứng dụng công nghệ.\n"
        "Đ/c Giang Mạnh Khổi phát biểu tại Hội nghị\n"
        "Phát biểu chỉ đạo, Đ/c Giang Mạnh Khôi đã ghi nhận kết quả.",
        [("Giang Mạnh Khôi", "Phó Viện trưởng Viện Ứng dụng công nghệ")],
        id="caption_with_a_typo_does_not_add_a_variant",
    ),
    pytest.param(
        "có các đồng chí Lãnh đạo, Chủ tịch Công đoàn Viện",
        [],
        id="plural_dong_chi_is_not_a_person",
    ),
    pytest.param(
        "Thứ trưởng Bộ Thông tin và Truyền thông Nguyễn Huy Dũng dự và phát biểu chỉ đạo. "
        "Phó Thủ tướng Trần Hồng Hà trao giải. "
        "Giám đốc Sở Khoa học và Công nghệ Hà Nội Nguyễn Văn An cho biết.",
        [
            ("Nguyễn Huy Dũng", "Thứ trưởng Bộ Thông tin và Truyền thông"),
            ("Trần Hồng Hà", "Phó Thủ tướng"),
            ("Nguyễn Văn An", "Giám đốc Sở Khoa học và Công nghệ Hà Nội"),
        ],
        id="role_before_the_name",
    ),
    pytest.param(
        "Giám đốc Trung tâm trình bày báo cáo tại Hội nghị Tổng kết.",
        [],
        id="role_before_something_that_is_not_a_name-1",
    ),
    pytest.param(
        "Chủ tịch Hồ Chí Minh",
        [("Hồ Chí Minh", "Chủ tịch")],
        id="role_before_something_that_is_not_a_name-2",
    ),
    pytest.param(
        "Ông Trần Ngọc Căng, chủ tịch UBND tỉnh Quảng Ngãi, ra văn bản. "
        "Ông Lê Minh Hùng, Chi cục trưởng Chi cục Phòng chống tệ nạn xã hội, thẳng thắn nhìn nhận.",
        [
            ("Trần Ngọc Căng", "chủ tịch UBND tỉnh Quảng Ngãi"),
            ("Lê Minh Hùng", "Chi cục trưởng Chi cục Phòng chống tệ nạn xã hội"),
        ],
        id="lower_case_roles_common_in_general_news",
    ),
    pytest.param(
        "có bà Văn Thị Bạch Tuyết - Phó trưởng Đoàn Đại biểu Quốc hội, ông Trần Anh Tuấn - viện trưởng.",
        [
            ("Văn Thị Bạch Tuyết", "Phó trưởng Đoàn Đại biểu Quốc hội"),
            ("Trần Anh Tuấn", "viện trưởng"),
        ],
        id="a_list_of_people_ends_each_role_at_the_next_honorific",
    ),
    pytest.param(
        "Người đàn ông Ấn Độ nuốt dao. Cụ ông Trung Quốc ăn thuỷ tinh.",
        [],
        id="dan_ong_and_cu_ong_are_not_honorifics_and_hyphenated_names_stay_whole-1",
    ),
    pytest.param(
        "ông Kim Jong-un phát biểu",
        [("Kim Jong-un", "")],
        id="dan_ong_and_cu_ong_are_not_honorifics_and_hyphenated_names_stay_whole-2",
    ),
    pytest.param(
        "Tổng thống Nga Vladimir Putin tiếp Tổng thống Mỹ Donald Trump và Thủ tướng Nhật Bản "
        "Shinzo Abe. Giám đốc Cục Điều tra Liên bang (FBI) James Comey bị sa thải. "
        "Cựu tổng thống Mỹ George H.W. Bush nhập viện. Tổng thống Hàn Quốc Moon Jae-in phát biểu.",
        [
            ("Vladimir Putin", "Tổng thống Nga"),
            ("Donald Trump", "Tổng thống Mỹ"),
            ("Shinzo Abe", "Thủ tướng Nhật Bản"),
            ("James Comey", "Giám đốc Cục Điều tra Liên bang (FBI)"),
            ("George H.W. Bush", "Cựu tổng thống Mỹ"),
            ("Moon Jae-in", "Tổng thống Hàn Quốc"),
        ],
        id="role_before_a_foreign_name_after_the_country",
    ),
    pytest.param(
        "Tổng thống Mỹ D.Trump nói. Ông Trump cho biết. Ông Nguyễn Văn Hùng, Giám đốc Sở phát "
        "biểu. Ông Hùng nhấn mạnh. Ông Hán cho hay.",
        [
            ("Nguyễn Văn Hùng", "Giám đốc Sở"),
            ("Hán", ""),
            ("D.Trump", "Tổng thống Mỹ"),
        ],
        id="a_surname_alone_is_the_person_named_in_full",
    ),
    pytest.param(
        "Phát ngôn viên của Huawei từ chối bình luận. Giám đốc tài chính Huawei Mạnh Vãn Chu "
        "bị bắt. Ông ủng hộ ứng viên thống đốc ở New Jersey hôm nay. Đại sứ quán Việt Nam tại "
        "Indonesia cho biết. Ông Giám đốc Sở phát biểu. Người dân tỉnh Bà Rịa - Vũng Tàu.",
        [],
        id="organisations_and_places_after_a_role_are_not_names",
    ),
    pytest.param(
        "Larry Sabato, giáo sư khoa học chính trị, nói. "
        "Giám đốc Sở Y tế tỉnh Nghệ An, Nguyễn Văn Hùng cho biết. "
        "Ông Lê Văn Tám, phát biểu tại hội nghị, nói.",
        [
            ("Lê Văn Tám", ""),
            ("Nguyễn Văn Hùng", "Giám đốc Sở Y tế tỉnh Nghệ An"),
            ("Larry Sabato", "giáo sư khoa học chính trị"),
        ],
        id="name_then_role_and_role_then_name_after_a_comma",
    ),
    pytest.param(
        "Anh Phạm Văn Quỳnh chạy tới. Chị Lê Thị Hoa cho biết. Cô Trần Thị Diệp, giáo viên, "
        "kể. Bạn Nguyễn Hoài An nói. Các học trò của HLV Nguyễn Thị Thu Ngọc thua.",
        [
            ("Phạm Văn Quỳnh", ""),
            ("Lê Thị Hoa", ""),
            ("Trần Thị Diệp", "giáo viên"),
            ("Nguyễn Hoài An", ""),
            ("Nguyễn Thị Thu Ngọc", "HLV"),
        ],
        id="forms_of_address_and_coaches",
    ),
    pytest.param(
        "Ông N. khai nhận. Anh H.T. M.L. cho biết. Quận Hai Bà Trưng, Hà Nội. "
        "Tổng biên tập tờ Global Times nói. Ông Hồ Tích Tiến, tổng biên tập, nói.",
        [("Hồ Tích Tiến", "tổng biên tập")],
        id="anonymous_initials_districts_and_newspapers_are_not_people",
    ),
    pytest.param(
        "Nữ diễn viên Julia Louis - Dreyfus nhận giải. Nghị sĩ Jacob Rees - Mogg cho biết. "
        "Tổng thống Syria Bashar al-Assad nói. Tổng thống Hàn Quốc Moon Jae - in cho biết, "
        "Ngoại trưởng Syria Walid al - Moualem phát biểu.",
        [
            ("Julia Louis-Dreyfus", "Nữ diễn viên"),
            ("Jacob Rees-Mogg", "Nghị sĩ"),
            ("Bashar al-Assad", "Tổng thống Syria"),
            ("Moon Jae-in", "Tổng thống Hàn Quốc"),
            ("Walid al-Moualem", "Ngoại trưởng Syria"),
        ],
        id="foreign_names_with_hyphens_and_al_stay_whole",
    ),
    pytest.param(
        "Phim giành giải Nữ diễn viên chính xuất sắc cho Elisabeth Moss. "
        "Theo Reuters, cố vấn an ninh quốc gia Mỹ John Bolton khẳng định. "
        "Theo Tuổi Trẻ Online, đại tá Trần Văn Minh cho biết. Nhà báo Bahrain Nabeel Rajab bị bắt.",
        [
            ("John Bolton", "cố vấn an ninh quốc gia Mỹ"),
            ("Trần Văn Minh", "đại tá"),
            ("Nabeel Rajab", "Nhà báo Bahrain"),
        ],
        id="prize_winners_news_agencies_and_countries_are_not_speakers",
    ),
    pytest.param(
        "Nam diễn viên Alec Baldwin thủ vai Tổng thốngTrump. MC Stephen Colbert dẫn dắt. "
        "Người phát ngôn Bộ Quốc phòng Campuchia, ông Chhum Socheat, khẳng định. "
        "Ông Hun Sen nói. Thủ tướng Hun Sen bác bỏ. Mẹ dùng iPhone ở quán McDonald.",
        [
            ("Chhum Socheat", "Người phát ngôn Bộ Quốc phòng Campuchia"),
            ("Hun Sen", "Thủ tướng"),
            ("Alec Baldwin", "Nam diễn viên"),
            ("Trump", "Tổng thống"),
            ("Stephen Colbert", "MC"),
        ],
        id="roles_glued_to_the_name_or_written_before_the_comma",
    ),
    pytest.param(
        "Người phát ngôn Điện Kremlin Dmitry Peskov bác bỏ. Nghị sĩ đảng Cộng hoà Kevin McCarthy "
        "cho biết. Ông gặp Nancy Pelosi và Chuck Schumer, lãnh đạo phe Dân chủ, hôm qua. "
        "Liên quân tiêu diệt Turki Bin’ali - nhà truyền giáo của IS. "
        "Ông Vũ Hải Long (Phó giám đốc Công ty BOT Đèo Cả) cho biết. Anh Lê Văn Hoá (21 tuổi) nói.",
        [
            ("Vũ Hải Long", "Phó giám đốc Công ty BOT Đèo Cả"),
            ("Lê Văn Hoá", ""),
            ("Dmitry Peskov", "Người phát ngôn Điện Kremlin"),
            ("Kevin McCarthy", "Nghị sĩ đảng Cộng hoà"),
            ("Chuck Schumer", "lãnh đạo phe Dân chủ"),
            ("Nancy Pelosi", "lãnh đạo phe Dân chủ"),
            ("Turki Bin’ali", "nhà truyền giáo của IS"),
        ],
        id="roles_in_brackets_after_a_dash_and_shared_by_two_names",
    ),
    pytest.param(
        "Hiệu trưởng trường tiểu học Lý Học từ chối. Hiệu trưởng Trường THPT chuyên Nguyễn Trãi "
        "phát biểu. "
        "Bà Trần Hải Yến - Phó chủ tịch UBND phường Yên Hoà cho biết. "
        "Các cầu thủ Chelsea ăn mừng cùng HLV Conte Khoảng khắc ấy. "
        "Kempes là đại sứ của CLB Valencia, Tây Ban Nha. Mario Kempes, vua phá lưới, nói.",
        [("Trần Hải Yến", "Phó chủ tịch UBND phường Yên Hoà")],
        id="places_clubs_plural_roles_and_run_on_sentences_are_not_people",
    ),
    pytest.param(
        "Bloomberg dẫn lời tướng Charles Brown. Tu sĩ Phạm Thị Nương phản đối. Bà Nương nói. "
        "Tỉ phú Singapore Peter Lim mua CLB. Ông Lim cho biết. Putin tặng kem cho Chủ tịch "
        "Trung Quốc Tập Cận Bình. Ông Tập nói. Quyền Bộ trưởng Quốc phòng Patrick Shanahan "
        "cho biết; chính quyền Tổng thống Donald Trump.",
        [
            ("Charles Brown", "tướng"),
            ("Phạm Thị Nương", "Tu sĩ"),
            ("Peter Lim", "Tỉ phú Singapore"),
            ("Tập Cận Bình", "Chủ tịch Trung Quốc"),
            ("Patrick Shanahan", "Quyền Bộ trưởng Quốc phòng"),
            ("Donald Trump", "Tổng thống"),
        ],
        id="generals_monks_billionaires_and_chinese_names_after_a_role",
    ),
    pytest.param(
        "Thống đốc Ngân hàng nhà nước Lê Minh Hưng cho biết. Theo ông Hưng, tỉ giá ổn định. "
        "Nghị sỹ Nga Anton Morozov vừa thăm. Trái với ý kiến đó, đại biểu Vũ Thanh Bình, "
        "Cục thi hành án TP. HCM, góp ý. \u201cCó mục đích\u201d, Yong Suk Lee, trợ lý phó giám đốc "
        "Trung tâm Sứ mệnh Hàn Quốc của CIA nêu quan điểm. Ông ấy và người đi cùng "
        "(đầu bếp nổi tiếng Anthony Bourdain) đã ăn hết.",
        [
            ("Lê Minh Hưng", "Thống đốc Ngân hàng nhà nước"),
            ("Anton Morozov", "Nghị sỹ Nga"),
            ("Vũ Thanh Bình", "đại biểu"),
            ("Anthony Bourdain", "đầu bếp nổi tiếng"),
            ("Yong Suk Lee", "trợ lý phó giám đốc Trung tâm Sứ mệnh Hàn Quốc của CIA"),
        ],
        id="meeting_reports_roles_the_genre_uses",
    ),
    pytest.param(
        "Theo ông Nguyễn Minh Cảnh, giám đốc Sở Kế hoạch - đầu tư tỉnh Bến Tre, chặng đường. "
        "Phát biểu, ông Nguyễn Thiện Nhân - bí thư Thành uỷ TP. HCM - đánh giá cao. "
        "Ngày 18/3, ông Vũ Hải Long (Phó giám đốc Công ty BOT Đèo Cả - chủ đầu tư) cho biết. "
        "Phát biểu khai mạc hội thảo, thượng tướng Lê Chiêm - thứ trưởng Bộ Quốc phòng khẳng định. "
        "Thiếu tướng, Tiến sĩ Nguyễn Hoàng Nhiên - viện trưởng Viện Lịch sử quân sự cho rằng. "
        "Ông gặp 4 lãnh đạo cấp cao gồm Chủ tịch nước Trần Đại Quang.",
        [
            ("Nguyễn Minh Cảnh", "giám đốc Sở Kế hoạch - đầu tư tỉnh Bến Tre"),
            ("Nguyễn Thiện Nhân", "bí thư Thành uỷ TP. HCM"),
            ("Vũ Hải Long", "Phó giám đốc Công ty BOT Đèo Cả"),
            ("Nguyễn Hoàng Nhiên", "viện trưởng Viện Lịch sử quân sự"),
            ("Lê Chiêm", "thứ trưởng Bộ Quốc phòng"),
            ("Trần Đại Quang", "Chủ tịch nước"),
        ],
        id="roles_keep_dashes_and_abbreviations_inside_a_name_and_prefer_a_post_to_a_rank",
    ),
    pytest.param(
        "Trong khi đó, GS Jean - Paul de Gaudemar, Tổng giám đốc AUF, cho rằng. "
        "Năm 2017, giáo sư Gerard ‘t Hooft truyền cảm hứng. "
        "Phó ban Tuyên giáo Thành uỷ Nguyễn Văn Phong thông tin. "
        "Đại sứ Thạch Dư trao cúp. Quan hệ được cố Quốc vương Norodom Sihanouk đặt nền móng, "
        "sau đó được cố Quốc vương Sihanuc vun đắp. "
        "Một cuộc gặp giữa Tổng thống Donald Trump và Chủ tịch Tập Cận Bình càng xa vời.",
        [
            ("Jean-Paul de Gaudemar", "Tổng giám đốc AUF"),
            ("Gerard ‘t Hooft", ""),
            ("Nguyễn Văn Phong", "Phó ban Tuyên giáo Thành uỷ"),
            ("Thạch Dư", "Đại sứ"),
            ("Norodom Sihanouk", "cố Quốc vương"),
            ("Donald Trump", "Tổng thống"),
            ("Tập Cận Bình", "Chủ tịch"),
        ],
        id="particles_misspellings_and_two_people_joined_by_and",
    ),
    pytest.param(
        "Hai nhà khoa học đoạt giải Nobel tới Việt Nam. "
        "Ông giảng dạy tại Đại học California, là chủ tịch của Quỹ Jeff Henley. "
        "Đại biểu dự Hội nghị hiệu trưởng Confrasie diễn ra sáng nay.",
        [],
        id="prizes_foundations_and_meetings_named_after_people_or_roles_are_not_speakers",
    ),
    pytest.param(
        "Ngoại trưởng Triều Tiên Ri Yong Ho cho rằng. Ngày 25-9, Ngoại trưởng Hàn Quốc Kang Kyung Wha "
        "đã tìm cách xoa dịu. Tại hội thảo, phó giám đốc Bệnh viện Bạch Mai Ngô Quý Châu cho rằng. "
        "Phát biểu tại Lễ động thổ, Madame Nguyễn Thị Nga, Chủ tịch Tập đoàn BRG chia sẻ.",
        [
            ("Nguyễn Thị Nga", "Chủ tịch Tập đoàn BRG"),
            ("Ri Yong Ho", "Ngoại trưởng Triều Tiên"),
            ("Kang Kyung Wha", "Ngoại trưởng Hàn Quốc"),
            ("Ngô Quý Châu", "phó giám đốc Bệnh viện Bạch Mai"),
        ],
        id="east_asian_names_names_after_long_organisations_and_foreign_forms_of_address",
    ),
    pytest.param(
        "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh dẫn đầu đoàn. "
        "Bí thư Nguyễn Thiện Nhân nói. Sau đó, Bí thư Thành uỷ TP. HCM Nguyễn Thiện Nhân nhấn mạnh.",
        [
            ("Phạm Bình Minh", "Phó Thủ tướng, Bộ trưởng Ngoại giao"),
            ("Nguyễn Thiện Nhân", "Bí thư Thành uỷ TP. HCM"),
        ],
        id="a_role_keeps_the_posts_listed_before_it_and_the_fuller_form_found_later-1",
    ),
    pytest.param(
        "Tuyên bố được đưa ra sau khi Choe Son - hui, vụ trưởng Vụ Bắc Mỹ, khẳng định. "
        "Tuy nhiên, Viện trưởng KAIST Shin Sung - chul phát biểu. "
        "Theo Reuters, thái tử Saudi Arabia Mohammed bin Salman đã công bố kế hoạch. "
        "Thứ trưởng Bộ LĐ - TB & XH Phạm Minh Huân phát biểu. "
        '" Số trẻ tăng ", Helle Thorning - Schmidt, CEO của tổ chức Save the Children, tuyên bố. '
        "Tờ Independent cho hay, Ivanka Trump đã thay cha. Sau đó cô Ivanka phát biểu. "
        "\u201cCô Ivaka lưu ý rằng\u201d, thông cáo viết. "
        "Phát biểu, Chủ tịch thành phố Nguyễn Đức Chung cho biết.",
        [
            ("Shin Sung-chul", "Viện trưởng KAIST"),
            ("Mohammed bin Salman", "thái tử Saudi Arabia"),
            ("Phạm Minh Huân", "Thứ trưởng Bộ LĐ - TB & XH"),
            ("Nguyễn Đức Chung", "Chủ tịch thành phố"),
            ("Choe Son-hui", "vụ trưởng Vụ Bắc Mỹ"),
            ("Helle Thorning-Schmidt", "CEO của tổ chức Save the Children"),
            ("Ivanka Trump", ""),
        ],
        id="korean_given_names_particles_abbreviations_and_names_introduced_in_full",
    ),
    pytest.param(
        "HLV Conte không giấu nổi. Quyết định thay người của Conte Bashuayi đã lập công. Ông Conte nói.",
        [("Conte", "HLV")],
        id="a_bare_two_name_run_after_a_surname_is_not_the_persons_full_name",
    ),
    pytest.param(
        "Con gái Obama khóc\n"
        "Con gái lớn của Tổng thống Mỹ sắp mãn nhiệm Barack Obama xúc động. Malia ngồi cạnh "
        "đệ nhất phu nhân Michelle Obama. Guardian dẫn lời ông Obama nói. "
        "Thủ tướng Thái Lan Prayuth Chan - o - cha phát biểu. Tổng thống Moon Jae - in nói. "
        "Đoàn do Đô đốc Tôn Kiến Quốc, phó tổng tham mưu trưởng, dẫn đầu. "
        "Theo nguồn tin riêng của VnExpress, Tổng thống Mỹ Barack Obama có thể lưu trú.",
        [
            ("Barack Obama", "Tổng thống Mỹ sắp mãn nhiệm"),
            ("Michelle Obama", "đệ nhất phu nhân"),
            ("Prayuth Chan-o-cha", "Thủ tướng Thái Lan"),
            ("Moon Jae-in", "Tổng thống"),
            ("Tôn Kiến Quốc", "Đô đốc"),
        ],
        id="thai_and_korean_names_prefixes_and_the_full_name_a_title_shortens",
    ),
    pytest.param(
        "Thay mặt các nước, Bộ trưởng Ngoại giao Lào, Saleumxay Kommasith, nước điều phối, khẳng định. "
        "Bộ trưởng Bộ Kế hoạch - đầu tư Nguyễn Chí Dũng cho biết. "
        "Ông Phạm Đại Dương, Thứ trưởng Bộ Khoa học - Công nghệ, đánh giá. "
        "Theo Reuters, Thủ tướng Peter O ' Neill phát biểu. Phó Thủ tướng gặp Ngoại trưởng Nhật Bản Tarō Kōno. "
        "Thủ tướng và Chủ tịch Tập đoàn Nidec. Cơ hội cho chủ nhà\nBáo The Nation dẫn ý kiến.",
        [
            ("Phạm Đại Dương", "Thứ trưởng Bộ Khoa học - Công nghệ"),
            ("Saleumxay Kommasith", "Bộ trưởng Ngoại giao Lào"),
            ("Nguyễn Chí Dũng", "Bộ trưởng Bộ Kế hoạch - đầu tư"),
            ("Peter O'Neill", "Thủ tướng"),
            ("Tarō Kōno", "Ngoại trưởng Nhật Bản"),
        ],
        id="names_apposed_between_commas_ministries_with_dashes_and_companies_named_like_people",
    ),
    pytest.param(
        "NSND Trần Đình Sanh kể lại. Nhà thơ Nguyễn Trọng Tạo gửi bài thơ. "
        "Đó là quê hương của nhạc sỹ Antonin Dvorak và Bedrich Smetana... "
        "Ngày 18-2, Ngoại trưởng Iran Mohammad Javad Zarif tuyên bố. "
        "Trong ngày thứ ba ở Davos, Thủ tướng Nguyễn Xuân Phúc gặp Phó chủ tịch Uỷ ban châu Âu Jyrki Katainen. "
        "Sau đó, Thủ tướng tiếp Hoàng hậu Hà Lan Maxima. Phó Chủ tịch Quốc hội Uông Chu Lưu nói.",
        [
            ("Trần Đình Sanh", ""),
            ("Nguyễn Trọng Tạo", "Nhà thơ"),
            ("Antonin Dvorak", "nhạc sỹ"),
            ("Bedrich Smetana", "nhạc sỹ"),
            ("Mohammad Javad Zarif", "Ngoại trưởng Iran"),
            ("Nguyễn Xuân Phúc", "Thủ tướng"),
            ("Jyrki Katainen", "Phó chủ tịch Uỷ ban châu Âu"),
            ("Maxima", "Hoàng hậu Hà Lan"),
            ("Uông Chu Lưu", "Phó Chủ tịch Quốc hội"),
        ],
        id="artists_lists_sharing_a_role_three_part_names_and_places_before_a_comma",
    ),
    pytest.param(
        "Trước đó, ông Đặng Tất Thắng – Giám đốc Bamboo Airways tự tin. "
        "Tướng Farzad Esmaili tư lệnh căn cứ không quân Khatam al-Anbiya của Iran cho biết. "
        "Ông Vũ Văn Viện Giám đốc Sở GTVT Hà Nội. "
        "Tổng giám đốc công ty Cienco 6 Bùi Phi Hùng đề nghị. "
        "Theo James Borton, nhà nghiên cứu Đông Nam Á tại Trung tâm Stimson, Mỹ. "
        "Giám đốc điều hành Facebook Mark Zuckerberg nói. Facebook cho biết. "
        "Ông Mai Sĩ Diến đề nghị. Ông Mai Sỹ Diến - Phó trưởng đoàn đại biểu Quốc hội tỉnh Thanh Hoá nói.",
        [
            ("Đặng Tất Thắng", "Giám đốc Bamboo Airways tự tin"),
            ("Vũ Văn Viện", "Giám đốc Sở GTVT Hà Nội"),
            ("Mai Sĩ Diến", "Phó trưởng đoàn đại biểu Quốc hội tỉnh Thanh Hoá"),
            ("Farzad Esmaili", "Tướng"),
            ("Bùi Phi Hùng", "Tổng giám đốc công ty Cienco 6"),
            ("Mark Zuckerberg", "Giám đốc điều hành Facebook"),
            ("James Borton", "nhà nghiên cứu Đông Nam Á"),
        ],
        id="a_role_after_a_name_is_that_persons_and_what_follows_is_the_organisation",
    ),
    pytest.param(
        "Có nữ nghị sĩ thượng viện bang California Janet Nguyễn, thẩm phán liên bang Jacqueline Nguyen. "
        "Thẩm phán Kriangsak Kittichairasee, Toà án Luật biển quốc tế ITLOS cho rằng. "
        "Cử tri Lê Quý Hùng (phường Lam Sơn) nhìn nhận. "
        "Bộ trưởng Quốc phòng Trung Quốc Nguỵ Phượng Hoà phát biểu. "
        "Việc cố vấn An ninh quốc gia Michael Flynn từ chức. "
        "Tại Hội nghị An ninh Munich, Phó Tổng thống Michael Pence nhấn mạnh.",
        [
            ("Janet Nguyễn", "nữ nghị sĩ thượng viện bang California"),
            ("Jacqueline Nguyen", "thẩm phán liên bang"),
            ("Kriangsak Kittichairasee", "Thẩm phán"),
            ("Lê Quý Hùng", "Cử tri"),
            ("Nguỵ Phượng Hoà", "Bộ trưởng Quốc phòng Trung Quốc"),
            ("Michael Flynn", "cố vấn An ninh quốc gia"),
            ("Michael Pence", "Phó Tổng thống"),
        ],
        id="vietnamese_american_names_judges_voters_and_a_place_before_a_comma",
    ),
    pytest.param(
        "Viện trưởng Viện nghiên cứu lập pháp Nguyễn Đình Quyền thì cho rằng.",
        [
            ("Nguyễn Đình Quyền", "Viện trưởng Viện nghiên cứu lập pháp"),
        ],
        id="long_organisations_before_a_name_and_a_role_before_the_titles_organisation-1",
    ),
    pytest.param(
        "Thứ trưởng Bộ Văn hoá, Thể thao và Du lịch Trịnh Thị Thuỷ đặt vấn đề. "
        "Giám đốc Sở Tài nguyên và Môi trường Lê Quang Nam cho hay. "
        "\\u201cChúng tôi có thể\\u201d, Bruce Blair, học giả nghiên cứu tại Đại học Princeton nói. "
        "Tham dự có Võ Văn Thưởng (Bí thư trung ương Đảng, trưởng Ban Tuyên giáo) cùng lãnh đạo. "
        "Bên lề hội thảo, giáo sư Gerard ' t Hooft cho biết. Sau đó giáo sư Hà Lan cho rằng. "
        "Hiện Việt Nam đã có giải thưởng mang tên nhà khoa học Tạ Quang Bửu. "
        "Marcus Noland, phó giám đốc điều hành Viện Nghiên cứu Kinh tế Quốc tế Peterson nói.",
        [
            ("Gerard 't Hooft", ""),
            ("Trịnh Thị Thuỷ", "Thứ trưởng Bộ Văn hoá, Thể thao và Du lịch"),
            ("Lê Quang Nam", "Giám đốc Sở Tài nguyên và Môi trường"),
            ("Bruce Blair", "học giả nghiên cứu"),
            ("Võ Văn Thưởng", "Bí thư trung ương Đảng, trưởng Ban Tuyên giáo"),
            ("Marcus Noland", "phó giám đốc điều hành Viện Nghiên cứu Kinh tế Quốc tế Peterson"),
        ],
        id="ministries_with_commas_names_in_brackets_scholars_and_dutch_particles",
    ),
    pytest.param(
        "Đại sứ Hoa Kỳ tại Việt Nam Ted Osius nhấn mạnh. "
        "Chủ nhiệm Ủy ban Kinh tế của Quốc hội Vũ Hồng Thanh trình bày. "
        "Phó giám đốc Trung tâm chống ngập TP HCM Nguyễn Hoàng Anh Dũng cho biết. "
        "Giám đốc Trung tâm dự báo khí tượng thuỷ văn trung ương Hoàng Đức Cường nhận định. "
        "Đại sứ Nga tại Italy đã đến. Chủ tịch HĐQT của Vingroup nói. "
        "Bộ trưởng Bộ GD-ĐT quyết định tặng bằng khen cho em Đỗ Văn Bằng.",
        [
            ("Ted Osius", "Đại sứ Hoa Kỳ tại Việt Nam"),
            ("Vũ Hồng Thanh", "Chủ nhiệm Ủy ban Kinh tế của Quốc hội"),
            ("Nguyễn Hoàng Anh Dũng", "Phó giám đốc Trung tâm chống ngập TP HCM"),
            ("Hoàng Đức Cường", "Giám đốc Trung tâm dự báo khí tượng thuỷ văn trung ương"),
        ],
        id="a_role_at_a_place_or_of_a_body_and_lower_case_organisations_before_the_name",
    ),
    pytest.param(
        "Phát ngôn viên Bộ Ngoại giao Trung Quốc Cảnh Sảng dường như đã thể hiện. "
        "Ngoại trưởng Papua New Guinea Rimbink Pato để tác động. "
        "Tổng thư ký Liên Hợp Quốc Ban Ki-moon phát biểu. "
        "Năm 1990, ông giữ chức Bí thư Đoàn Thanh niên tại đây. "
        "Chủ tịch Hồ Chí Minh đã dạy. Luật sư TP Hồ Chí Minh cho biết.",
        [
            ("Cảnh Sảng", "Phát ngôn viên Bộ Ngoại giao Trung Quốc"),
            ("Rimbink Pato", "Ngoại trưởng Papua New Guinea"),
            ("Ban Ki-moon", "Tổng thư ký Liên Hợp Quốc"),
            ("Hồ Chí Minh", "Chủ tịch"),
        ],
        id="chinese_and_korean_names_countries_of_several_words_and_the_youth_union",
    ),
    pytest.param(
        "nạo vét rạch Ông Bé và kênh Ông Chưởng.\nÔng Bùi Chí Hiếu bị khởi tố. "
        "Trả lời, ông bùi Xuân Cường - Giám đốc Sở Giao thông Vận tải - nói. "
        "Cũng theo ông Eduardo Pedrosa, Liên minh Thái Bình Dương hướng tới miễn thị thực. "
        "Trump cử phó tổng thống Mỹ Mike Pence và Matthew Pottinger, người phụ trách chính sách, đi dự.",
        [
            ("Bùi Chí Hiếu", ""),
            ("Bùi Xuân Cường", "Giám đốc Sở Giao thông Vận tải"),
            ("Eduardo Pedrosa", ""),
            ("Mike Pence", "phó tổng thống Mỹ"),
            ("Matthew Pottinger", "người phụ trách chính sách"),
        ],
        id="places_named_ong_ba_a_lower_case_surname_and_what_follows_theo_ong",
    ),
    pytest.param(
        "Lãnh đạo lúc bấy giờ là ông Nguyễn Văn Linh, Võ Văn Kiệt - đã kêu gọi. "
        "Các nhân chứng như Đại tá tình báo Nguyễn Văn Tàu (Tư Cang - Anh hùng), ông Lê Quang Thành kể. "
        "Là đêm ông Tư Cang đi giữa Sài Gòn. Ông Tư Thành ở dưới hầm. "
        "Chủ tịch nước hội kiến Thủ tướng Trung Quốc Lý Khắc Cường Ảnh: Reuters",
        [
            ("Nguyễn Văn Linh", ""),
            ("Võ Văn Kiệt", ""),
            ("Lê Quang Thành", ""),
            ("Nguyễn Văn Tàu", "Đại tá tình báo"),
            ("Lý Khắc Cường", "Thủ tướng Trung Quốc"),
        ],
        id="names_listed_after_one_honorific_nicknames_and_photo_credits",
    ),
    pytest.param(
        "Có Thủ tướng Cam-pu-chia, Thủ tướng Lào, Tổng thống Phi-lip-pin. "
        "Đại sứ Thụy Điển tại Việt Nam Pereric Högberg đã chia sẻ. "
        "Stefan Lehne, một cựu nhà ngoại giao của Áo, phân tích. Vụ đầu độc cựu điệp viên Skripal.",
        [
            ("Pereric Högberg", "Đại sứ Thụy Điển tại Việt Nam"),
            ("Skripal", "cựu điệp viên"),
            ("Stefan Lehne", "cựu nhà ngoại giao của Áo"),
        ],
        id="transliterated_countries_european_letters_and_roles_apposed_after_a_name",
    ),
    pytest.param(
        "ĐB Mai Sĩ Diến (Thanh Hóa) chỉ ra thực tế. ĐB Thái Trường Giang (Cà Mau), ĐB Nguyễn Thái Học "
        "(Phú Yên) bức xúc. ĐB Thái Trường Giang, Trưởng ban Kinh tế, nói thêm. "
        "Thủ tướng và các Phó Thủ tướng: Trương Hòa Bình, Vương Đình Huệ, Trịnh Đình Dũng tại Hội nghị. "
        "Các cầu thủ Chelsea ra sân. Có nguyên Thủ tướng Singapore Goh Chok Tong và Tổng thư ký tổ chức "
        "cứu trợ Caritas Michel Roy. Jin Zhong, tổng biên tập tạp chí Open ở Hong Kong, tuyên bố.",
        [
            ("Mai Sĩ Diến", "ĐB"),
            ("Thái Trường Giang", "Trưởng ban Kinh tế"),
            ("Nguyễn Thái Học", "ĐB"),
            ("Trương Hòa Bình", "Phó Thủ tướng"),
            ("Vương Đình Huệ", "Phó Thủ tướng"),
            ("Trịnh Đình Dũng", "Phó Thủ tướng"),
            ("Goh Chok Tong", "nguyên Thủ tướng Singapore"),
            ("Jin Zhong", "tổng biên tập tạp chí Open ở Hong Kong"),
        ],
        id="deputies_names_listed_after_a_plural_role_and_romanised_chinese_names",
    ),
    pytest.param(
        "Trả lời cử tri, ông Nguyễn Thành Phong nói. Chủ tịch UBND TP. HCM Nguyễn Thành Phong cho biết. "
        "Ông Lý và phu nhân, bà Ho Ching, có 4 người con. "
        "Thượng tá Trần Quốc Toản - phó chỉ huy trưởng Bộ đội biên phòng tỉnh Khánh Hoà - cho biết.",
        [
            ("Nguyễn Thành Phong", "Chủ tịch UBND TP. HCM"),
            ("Lý", ""),
            ("Ho Ching", "phu nhân"),
            ("Trần Quốc Toản", "phó chỉ huy trưởng Bộ đội biên phòng tỉnh Khánh Hoà"),
        ],
        id="a_bare_role_after_a_verb_is_whom_the_person_spoke_to_and_commanders_roles",
    ),
    pytest.param(
        "Thượng nghị sĩ Tom Cotton và HLV Pep Guardiola nói.",
        [
            ("Tom Cotton", "Thượng nghị sĩ"),
            ("Pep Guardiola", "HLV"),
        ],
        id="given_names_spelt_like_syllables_countries_asides_and_a_list_after_a_role-1",
    ),
    pytest.param(
        "Tư lệnh chiến dịch của SDF - tướng Chia Kobani cho biết.",
        [("Chia Kobani", "tướng")],
        id="given_names_spelt_like_syllables_countries_asides_and_a_list_after_a_role-2",
    ),
    pytest.param(
        "Tướng quân hàng đầu của Mỹ - ông Joseph Votel nói. Đại sứ - Trưởng phái đoàn EU Bruno Angelet nói.",
        [
            ("Joseph Votel", "Tướng quân hàng đầu của Mỹ"),
            ("Bruno Angelet", "Đại sứ - Trưởng phái đoàn EU"),
        ],
        id="given_names_spelt_like_syllables_countries_asides_and_a_list_after_a_role-3",
    ),
    pytest.param(
        "HLV The Voice và thị trưởng San Juan cho biết.",
        [],
        id="given_names_spelt_like_syllables_countries_asides_and_a_list_after_a_role-4",
    ),
    pytest.param(
        "Giám đốc Cơ quan tình báo đối ngoại Anh (được biết đến với tên gọi MI 6) Alex Younger nhận định; "
        "tổng lãnh sự Mary Tarnowka đồng ý.",
        [
            ("Alex Younger", "Giám đốc Cơ quan tình báo đối ngoại Anh"),
            ("Mary Tarnowka", "tổng lãnh sự"),
        ],
        id="given_names_spelt_like_syllables_countries_asides_and_a_list_after_a_role-5",
    ),
    pytest.param(
        "Sau diễn văn của Chủ tịch Quốc hội khoá 13 Nguyễn Thị Kim Ngân, Tổng bí thư Nguyễn Phú Trọng phát biểu.",
        [
            ("Nguyễn Thị Kim Ngân", "Chủ tịch Quốc hội khoá 13"),
            ("Nguyễn Phú Trọng", "Tổng bí thư"),
        ],
        id="given_names_spelt_like_syllables_countries_asides_and_a_list_after_a_role-6",
    ),
    pytest.param(
        "Sau diễn văn của bà Nguyễn Thị Kim Ngân, Tổng bí thư Nguyễn Phú Trọng phát biểu.",
        [("Nguyễn Thị Kim Ngân", ""), ("Nguyễn Phú Trọng", "Tổng bí thư")],
        id="given_names_spelt_like_syllables_countries_asides_and_a_list_after_a_role-7",
    ),
    pytest.param(
        "Giải thưởng trao cho đạo diễn Đào Bà Sơn, Phạm Nhuệ Giang, nhà văn Nguyễn Xuân Khánh.",
        [
            ("Đào Bà Sơn", "đạo diễn"),
            ("Phạm Nhuệ Giang", "đạo diễn"),
            ("Nguyễn Xuân Khánh", "nhà văn"),
        ],
        id="given_names_spelt_like_syllables_countries_asides_and_a_list_after_a_role-8",
    ),
    pytest.param(
        "Ông Cầm Văn An, Phó Hiệu trưởng trường Chính trị tỉnh giữ chức vụ Phó Giám đốc sở. "
        "Ông Phan Đoàn Thái, Giám đốc Sở Giáo dục Bình Thuận muốn trao quyền.",
        [
            ("Cầm Văn An", "Phó Hiệu trưởng trường Chính trị tỉnh"),
            ("Phan Đoàn Thái", "Giám đốc Sở Giáo dục Bình Thuận"),
        ],
        id="roles_end_before_another_post_a_degree_yields_to_a_post_and_subjects_end_at_the_verb-1",
    ),
    pytest.param(
        "Ông Nguyễn Thanh Long, tiến sĩ y học, được điều động. Ông Võ Văn Thưởng trao quyết định cho "
        "ông Nguyễn Thanh Long, Thứ trưởng Y tế. Thứ trưởng Nguyễn Vinh Hiển phát biểu. Tại hội thảo, "
        "Thứ trưởng Bộ Giáo dục và Đào tạo Nguyễn Vinh Hiển cho rằng",
        [
            ("Nguyễn Thanh Long", "Thứ trưởng Y tế"),
            ("Võ Văn Thưởng", ""),
            ("Nguyễn Vinh Hiển", "Thứ trưởng Bộ Giáo dục và Đào tạo"),
        ],
        id="roles_end_before_another_post_a_degree_yields_to_a_post_and_subjects_end_at_the_verb-2",
    ),
    pytest.param(
        "Phó Chủ tịch UBND tỉnh Đặng Ngọc Sơn và Chánh Thanh tra tỉnh Võ Văn Phúc điều hành. "
        "Chủ tịch UBND tỉnh Hải Dương Nguyễn Đại Dân nói. Phó bí thư phường Nguyễn Văn Đốn có mặt.",
        [
            ("Đặng Ngọc Sơn", "Phó Chủ tịch UBND tỉnh"),
            ("Võ Văn Phúc", "Chánh Thanh tra tỉnh"),
            ("Nguyễn Đại Dân", "Chủ tịch UBND tỉnh Hải Dương"),
        ],
        id="a_bare_province_before_a_name_the_youth_union_and_a_misspelt_foreign_name_in_a_caption-1",
    ),
    pytest.param(
        "Bí thư thường trực Trung ương Đoàn Nguyễn Mạnh Dũng được luân chuyển. Trước khi được Ban bí thư "
        "phân công nhận nhiệm vụ mới, ông Nguyễn Mạnh Dũng từng làm cán bộ Đoàn.",
        [("Nguyễn Mạnh Dũng", "Bí thư thường trực Trung ương Đoàn")],
        id="a_bare_province_before_a_name_the_youth_union_and_a_misspelt_foreign_name_in_a_caption-2",
    ),
    pytest.param(
        "Chủ tịch nước tiếp Bộ trưởng Thương mại Indonesia Enggartiasto Lukita. "
        "Ảnh: Chủ tịch nước tiếp Bộ trưởng Thương mại Engartiasto Lukita.",
        [("Enggartiasto Lukita", "Bộ trưởng Thương mại Indonesia")],
        id="a_bare_province_before_a_name_the_youth_union_and_a_misspelt_foreign_name_in_a_caption-3",
    ),
    pytest.param(
        "Bộ trưởng Y tế và dịch vụ xã hội Tom Price bước lên. Chen Daoyin, một nhà khoa học chính trị, nói.",
        [
            ("Tom Price", "Bộ trưởng Y tế và dịch vụ xã hội"),
            ("Chen Daoyin", "nhà khoa học chính trị"),
        ],
        id="a_bare_province_before_a_name_the_youth_union_and_a_misspelt_foreign_name_in_a_caption-4",
    ),
    pytest.param(
        "Tổng thống Erdogan điện đàm với Quốc vương Saudi Arabia Salman cũng như tân Thái tử Mohammed bin "
        "Salman. Trưởng đặc khu Hong Kong Carrie Lam nói. Bà Lam cho biết thêm.",
        [
            ("Erdogan", "Tổng thống"),
            ("Salman", "Quốc vương Saudi Arabia"),
            ("Mohammed bin Salman", "tân Thái tử"),
            ("Carrie Lam", "Trưởng đặc khu Hong Kong"),
        ],
        id="a_father_named_in_a_sons_name_posts_listed_before_a_post_and_names_listed_after_gom-1",
    ),
    pytest.param(
        "Thái tử Mohammed bin Salman đến. Thái tử Salman phát biểu.",
        [
            ("Mohammed bin Salman", "Thái tử"),
        ],
        id="a_father_named_in_a_sons_name_posts_listed_before_a_post_and_names_listed_after_gom-2",
    ),
    pytest.param(
        "Đến dự có Ủy viên Bộ Chính trị, Chủ nhiệm Ủy ban Kiểm tra T.Ư Trần Quốc Vượng; Ủy viên Bộ Chính "
        "trị, Bí thư Trung ương Đảng, Trưởng Ban Kinh tế T.Ư Nguyễn Văn Bình. Nghệ sĩ Thanh Quý, đạo diễn "
        "Trần Lực cùng dự. Theo nhận định của chuyên gia, Bộ trưởng Quốc phòng Mỹ Jim Mattis sẽ phát biểu.",
        [
            ("Trần Quốc Vượng", "Ủy viên Bộ Chính trị, Chủ nhiệm Ủy ban Kiểm tra T.Ư"),
            ("Nguyễn Văn Bình", "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Kinh tế T.Ư"),
            ("Trần Lực", "đạo diễn"),
            ("Jim Mattis", "Bộ trưởng Quốc phòng Mỹ"),
        ],
        id="a_father_named_in_a_sons_name_posts_listed_before_a_post_and_names_listed_after_gom-3",
    ),
    pytest.param(
        "Bộ Lao động có bốn Thứ trưởng gồm ông Doãn Mậu Diệp, Lê Tấn Dũng, Lê Quân và bà Nguyễn Thị Hà. "
        "Ông đề xuất Thủ tướng thêm ông Trần Hoàng Ngân vào tổ tư vấn.",
        [
            ("Doãn Mậu Diệp", "Thứ trưởng"),
            ("Lê Tấn Dũng", "Thứ trưởng"),
            ("Lê Quân", "Thứ trưởng"),
            ("Nguyễn Thị Hà", ""),
            ("Trần Hoàng Ngân", ""),
        ],
        id="a_father_named_in_a_sons_name_posts_listed_before_a_post_and_names_listed_after_gom-4",
    ),
    pytest.param(
        '"Bắc Kinh muốn xoá tan mọi khúc mắc", Michael Tien Puk - sun, đại biểu quốc hội Trung Quốc, cho hay. '
        "Dưới sự chủ trì của Trương Hiểu Minh, Giám đốc Văn phòng Các vấn đề Hong Kong và Macau của Quốc "
        'vụ viện Trung Quốc. Tuy nhiên, "tổng thống tự phong" Juan Guaido từ chối. Lãnh đạo của Samsung, '
        "con trai của Chủ tịch tập đoàn Samsung Lee Kun - hee, bị bắt.",
        [
            ("Juan Guaido", "tổng thống tự phong"),
            ("Lee Kun-hee", "Chủ tịch tập đoàn Samsung"),
            ("Michael Tien Puk-sun", "đại biểu quốc hội Trung Quốc"),
            (
                "Trương Hiểu Minh",
                "Giám đốc Văn phòng Các vấn đề Hong Kong và Macau của Quốc vụ viện Trung Quốc",
            ),
        ],
        id="hong_kong_names_long_roles_and_quotes_and_verbs_that_end_a_role-1",
    ),
    pytest.param(
        "Bộ Chính trị chỉ định bà Đào Hồng Lan, Uỷ viên dự khuyết Trung ương Đảng, Thứ trưởng Bộ Lao động "
        "Thương binh và Xã hội tham gia Ban Chấp hành. Ông Lê Sỹ Minh, Giám đốc Sở Thông tin Truyền thông "
        "thừa nhận Sở vội vàng.",
        [
            (
                "Đào Hồng Lan",
                "Uỷ viên dự khuyết Trung ương Đảng, Thứ trưởng Bộ Lao động Thương binh và Xã hội",
            ),
            ("Lê Sỹ Minh", "Giám đốc Sở Thông tin Truyền thông"),
        ],
        id="hong_kong_names_long_roles_and_quotes_and_verbs_that_end_a_role-2",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_people_a_text_names(text, expected):
    assert speakers(text) == expected


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


# Every role noun, in each case, after each prefix, inside another word, glued, at a line's start;
# and letters that case-insensitive matching reads as str.lower() does not.
ROLE_TEXTS = [
    " ".join(f"{before}{noun}{after}" for noun in ROLE_NOUN_LIST)
    for before in (
        "",
        "cựu ",
        "Cố ",
        "quyền ",
        "tân ",
        "Tân ",
        "nguyên ",
        "tài nguyên ",
        "nam ",
        "Việt Nam ",
        "nữ ",
    )
    for after in (" Nguyễn Văn An,", "x ", "_y ", "\n")
] + [
    "\n".join(f"{noun.upper()} Lê Văn Ba; Phó {noun.lower()} Trần Thị C." for noun in ROLE_NOUN_LIST),
    "Vıện trưởng Lê A và Bộ trưởng Trần B.",  # "ı" is "i" to the pattern
    "TİẾN SĨ? Thủ tướng Phạm C.",  # "İ" lowers to two letters
    "Đại sứ quán, đại sứ Lê D, Phó Thủ tướng, Thủ tướngThủ tướng, thủ-tướng",
]


@pytest.mark.parametrize("text", ROLE_TEXTS)
def test_role_nouns_are_found_where_the_pattern_finds_them(text):
    fast = [(match.span(), match.group(), match["noun"]) for match in role_nouns_in(text)]
    assert fast == [(match.span(), match.group(), match["noun"]) for match in ROLE_BEFORE_RE.finditer(text)]
    assert fast  # the texts hold roles
