import unicodedata

import pytest

from search_app.text import canonical, fold, has_diacritics, normalize_tone


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
