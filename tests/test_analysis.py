import unicodedata

from search_app.analysis import VietnameseAnalyzer, compounds
from search_app.text import fold

TEXT = "Đến dự có đồng chí Nguyễn Phú Hùng – Bí thư Đảng ủy.\nHội nghị cán bộ viên chức"


def tokens(text, **kwargs):
    return [
        (t.text, t.pos, t.startchar, t.endchar)
        for t in VietnameseAnalyzer()(text, positions=True, chars=True, **kwargs)
    ]


def test_every_token_points_at_the_characters_it_came_from():
    for text, _, start, end in tokens(TEXT):
        original = TEXT[start:end].replace(" ", "_")
        assert fold(original) == fold(text), (text, original)


def test_compound_words_sit_beside_their_syllables():
    found = {(text, pos) for text, pos, _, _ in tokens(TEXT)}
    assert ("nguyen_phu_hung", 5) in found
    assert ("nguyễn_phú_hùng", 5) not in found  # compounds are folded only
    assert ("nguyen", 5) in found and ("phu", 6) in found and ("hung", 7) in found
    assert ("hoi_nghi", 12) in found


def test_syllable_positions_ignore_punctuation_and_compounds():
    syllables = [(t, p) for t, p, _, _ in tokens(TEXT) if "_" not in t and t == fold(t)]
    assert [p for _, p in syllables] == list(range(len(syllables)))


def test_accented_form_only_when_it_differs():
    texts = [t for t, _, _, _ in tokens("can bộ")]
    assert texts.count("can") == 1  # "can" has no accents: no second copy
    assert "bo" in texts and "bộ" in texts


def test_query_mode_gives_folded_syllables_only():
    assert [t for t, _, _, _ in tokens("Hội nghị Đảng ủy", mode="query")] == [
        "hoi",
        "nghi",
        "dang",
        "uy",
    ]


def test_words_never_span_lines():
    words = [w for w, _, _ in compounds("Bí thư\nĐảng ủy")]
    assert all(len(w) <= 2 for w in words)
    assert ["Bí", "thư"] in words


def test_old_tone_placement_indexes_the_same_terms():
    old = {t for t, _, _, _ in tokens("hoà bình khoẻ mạnh")}
    new = {t for t, _, _, _ in tokens(unicodedata.normalize("NFD", "hòa bình khỏe mạnh"))}
    assert old == new
