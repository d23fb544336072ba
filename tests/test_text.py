import unicodedata

import pytest

from search_app.cli import SAMPLE_DIR
from search_app.text import _FOLD_TABLE, canonical, fold, fold_text, has_diacritics, nfc, normalize_tone


@pytest.mark.parametrize(
    "word, folded",
    [
        ("Đảng", "dang"),
        ("đồng", "dong"),
        ("ĐÀ NẴNG", "da nang"),
        ("người", "nguoi"),  # ư and ơ with a tone stacked on top
        ("Nghiệp", "nghiep"),  # ê with a dot below: two marks on one letter
        ("thuỷ", "thuy"),
        ("N95", "n95"),
    ],
)
def test_fold_strips_every_mark_and_maps_d_bar(word, folded):
    assert fold(word) == folded


def test_fold_treats_nfd_like_nfc():
    word = "Hội nghị cán bộ"
    assert fold(unicodedata.normalize("NFD", word)) == fold(word) == "hoi nghi can bo"


def test_fold_leaves_other_scripts_alone():
    assert fold("北京") == "北京"


@pytest.mark.parametrize(
    "old, new",
    [("hoà", "hòa"), ("thuý", "thúy"), ("khoẻ", "khỏe"), ("uỷ", "ủy"), ("Thuỷ", "Thủy"), ("hoá", "hóa")],
)
def test_old_and_new_tone_placement_become_one_spelling(old, new):
    assert normalize_tone(old) == normalize_tone(new) == new


def test_tone_placement_keeps_syllables_that_are_already_right():
    for word in ["người", "quý", "già", "gì", "ngoài", "khuya", "hoàn", "quốc", "giữa"]:
        assert normalize_tone(word) == word


def test_canonical_is_lower_case_nfc_with_one_tone_rule():
    assert canonical(unicodedata.normalize("NFD", "HOÀ")) == "hòa"


def test_has_diacritics():
    assert has_diacritics("hội")
    assert has_diacritics("đi")
    assert not has_diacritics("Hoi")


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị cán bộ viên chức Trung tâm Công nghệ Vi điện tử và Tin học năm 2024 – “Đảng ủy” … " * 3,
        "Caesar và Cæsar gặp nhau ở Bắc Kinh 北京, İstanbul và ΟΔΟΣ ΟΔΟΣ; " * 3,  # æ, İ, final sigma
        "Khán giả reo hò 🎉 khi đội tuyển ghi bàn ở phút thứ 90 của trận chung kết năm nay. " * 2,
        "Nội dung có ký tự lạ \ud800 giữa câu và tiếp tục thêm nhiều chữ cho đủ dài để đi đường nhanh. " * 2,
        unicodedata.normalize("NFD", "Thủ tướng Nguyễn Xuân Phúc phát biểu tại Hội nghị toàn quốc. " * 3),
    ],
)
def test_fold_text_folds_long_text_as_fold_does_word_by_word(text):
    expected = nfc(text).translate(_FOLD_TABLE).lower()
    assert fold_text(text) == expected
    assert fold_text(text).split() == [fold(w) for w in nfc(text).split()]


def test_fold_text_folds_every_sample_article_as_fold_does():
    for path in SAMPLE_DIR.rglob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert fold_text(text) == nfc(text).translate(_FOLD_TABLE).lower(), path
