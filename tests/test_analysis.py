import unicodedata

from search_app.analysis import index_terms, index_terms_of

TEXT = "Đến dự có đồng chí Nguyễn Phú Hùng – Bí thư Đảng ủy.\nHội nghị cán bộ viên chức"


def test_compound_words_are_counted_folded_beside_their_syllables():
    terms = index_terms(TEXT)
    assert terms.others["nguyen_phu_hung"] == 1
    assert "nguyễn_phú_hùng" not in terms.others  # compounds are folded only
    assert (
        terms.syllables["nguyen"] == [5] and terms.syllables["phu"] == [6] and terms.syllables["hung"] == [7]
    )
    assert terms.others["hoi_nghi"] == 1 and terms.syllables["hoi"] == [12]


def test_syllable_positions_ignore_punctuation_and_compounds():
    positions = sorted(p for found in index_terms(TEXT).syllables.values() for p in found)
    assert positions == list(range(len(positions))) and len(positions) == 18


def test_accented_form_only_when_it_differs():
    terms = index_terms("can bộ, bộ")
    assert terms.syllables == {"can": [0], "bo": [1, 2]}
    assert terms.others == {"can_bo": 1, "bộ": 2}  # "can" has no accents: no second copy


def test_words_never_span_lines():
    words = [term.split("_") for term in index_terms("Bí thư\nĐảng ủy").others if "_" in term]
    assert all(len(w) <= 2 for w in words)
    assert ["bi", "thu"] in words


def test_old_tone_placement_indexes_the_same_terms():
    old = index_terms("hoà bình khoẻ mạnh")
    new = index_terms(unicodedata.normalize("NFD", "hòa bình khỏe mạnh"))
    assert old == new and "khỏe" in new.others


def test_a_documents_fields_analysed_together_are_each_analysed_as_alone():
    # One call to the segmenter for a document's fields: no word, position or compound crosses from one to the next.
    fields = [
        "Hội",
        "nghị cán bộ\nviên chức",
        "",
        "Bí thư Đảng ủy\n\nHà Nội",
        unicodedata.normalize("NFD", "Hòa bình"),
    ]
    assert index_terms_of(fields) == [index_terms(text) for text in fields]
    assert index_terms_of(fields)[1].syllables == {
        "nghi": [0],
        "can": [1],
        "bo": [2],
        "vien": [3],
        "chuc": [4],
    }
