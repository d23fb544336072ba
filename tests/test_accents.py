"""Accent restoration: the "Có phải bạn muốn tìm" suggestion for unaccented queries."""

import unicodedata

from search_app.accents import COUNTS, AccentCounter, AccentModel
from search_app.indexer import reindex
from search_app.store import IndexStore

from .conftest import write_articles


def model(*texts):
    counter = AccentCounter()
    for text in texts:
        counter.add(text)
    return counter.model()


def test_context_chooses_between_accented_forms():
    m = model("Hội nghị cán bộ viên chức", "Cần làm ngay", "Cần thiết", "Cần cù", "Cán bộ trẻ")
    assert m.suggest("hoi nghi can bo") == "hội nghị cán bộ"
    assert m.suggest("can thiet") == "cần thiết"


def test_no_suggestion_for_accented_or_unknown_or_unchanged_queries():
    m = model("Hội nghị cán bộ", "Công nghệ laser")
    assert m.suggest("Hội nghị") is None  # the user typed accents
    assert m.suggest("laser") is None  # nothing to restore
    assert m.suggest("xyz abc") is None


def test_operators_and_unknown_words_stay_where_they_were():
    m = model("Công nghệ laser", "Hội nghị")
    assert m.suggest('title:"cong nghe" laser -hoi') == 'title:"công nghệ" laser -hội'


def test_two_words_of_context_beat_the_commoner_pair():
    m = model("Chợ mua cá", "Chợ mua cá", *["Mua cà"] * 5)
    assert m.suggest("mua ca") == "mua cà"
    assert m.suggest("cho mua ca") == "chợ mua cá"


def test_ngrams_never_span_punctuation_and_any_form_counts_once():
    # NFD text and the old tone placement ("hoà") count as the same syllables.
    m = model("Hội nghị. Cán bộ", unicodedata.normalize("NFD", "hội nghị hoà bình"), "Hòa bình")
    assert m.count("nghị", "cán") == 0
    assert m.count("hội", "nghị") == 2
    assert m.count("hòa", "bình") == m.count("hoà", "bình") == 2
    assert m.count("hội", "nghị", "hòa") == 1


def test_model_survives_a_round_trip(tmp_path):
    m = model("Hội nghị cán bộ viên chức", "Chợ mua cá")
    m.save(tmp_path / "model")
    loaded = AccentModel.load(tmp_path / "model")
    assert loaded.suggest("hoi nghi") == "hội nghị"
    assert loaded.count("hội", "nghị", "cán") == 1
    assert loaded.restore_words(["cho", "mua", "ca", "xyz"]) == ["chợ", "mua", "cá", "xyz"]


def test_a_model_saved_without_its_lookup_tables_restores_the_same(tmp_path):
    # Generations written before the tables were saved hold the counts only.
    m = model("Hội nghị cán bộ viên chức", "Chợ mua cá", "Cần thiết", "nghe nhìn")
    m.save(tmp_path / "model")
    saved = {path.name for path in (tmp_path / "model").iterdir()}
    for name in saved - {"syllables.txt", *(f"{name}.npy" for name in COUNTS)}:
        (tmp_path / "model" / name).unlink()
    assert saved > {path.name for path in (tmp_path / "model").iterdir()}  # there were tables to remove
    loaded = AccentModel.load(tmp_path / "model")
    assert loaded.restore_words(["hoi", "nghi", "can", "bo"]) == ["hội", "nghị", "cán", "bộ"]
    assert loaded.restore_words(["can", "thiet"]) == ["cần", "thiết"]
    assert loaded.spellings("nghj") == ["nghe", "nghi"]
    assert loaded.count("mua", "cá") == 1


def test_an_empty_model_restores_nothing(tmp_path):
    m = model()
    m.save(tmp_path / "model")
    assert AccentModel.load(tmp_path / "model").suggest("hoi nghi") is None


def test_search_suggests_from_the_index_titles(client):
    data = client.get("/api/search?q=hoi+nghi+can+bo+vien+chuc").get_json()
    assert data["suggestion"] == "hội nghị cán bộ viên chức"
    assert client.get("/api/search?q=h%E1%BB%99i+ngh%E1%BB%8B").get_json()["suggestion"] is None
    page = client.get("/search?q=hoi+nghi+can+bo+vien+chuc").get_data(as_text=True)
    assert "Có phải bạn muốn tìm:" in page
    assert "hội nghị cán bộ viên chức</a>" in page


def counts(m):
    """Every n-gram the model holds, as text, with its count."""
    out = {}
    for keys, values, order in (("pair_keys", "pairs", 2), ("triple_keys", "triples", 3)):
        for key, n in zip(m.arrays[keys], m.arrays[values]):
            ids = [(int(key) >> (21 * (order - 1 - k))) & ((1 << 21) - 1) for k in range(order)]
            out[" ".join(m.syllables[i] for i in ids)] = int(n)
    out.update((s, int(n)) for s, n in zip(m.syllables, m.arrays["unigrams"]) if n)
    return out


def test_an_updated_model_counts_what_a_fresh_one_does():
    old = AccentCounter()
    old.add_article("Hội nghị cán bộ", "Viện tổ chức hội nghị cán bộ viên chức.")
    old.add_article("Laser mới", "Trung tâm Công nghệ Laser ra mắt sản phẩm")
    updated = AccentCounter(old.model())
    updated.add_article("Laser mới", "Trung tâm Công nghệ Laser ra mắt sản phẩm", sign=-1)
    updated.add_article("Chợ mua cá", "Chợ mua cá tươi")
    fresh = AccentCounter()
    fresh.add_article("Hội nghị cán bộ", "Viện tổ chức hội nghị cán bộ viên chức.")
    fresh.add_article("Chợ mua cá", "Chợ mua cá tươi")
    assert counts(updated.model()) == counts(fresh.model())
    assert updated.model().suggest("laser") is None  # no article holds it any more
    assert updated.model().suggest("cho mua ca") == "chợ mua cá"


def test_reindex_updates_the_model_to_what_a_rebuild_learns(tmp_path):
    articles = {
        "a.txt": "Hội nghị cán bộ viên chức\nViện tổ chức hội nghị cán bộ.",
        "b.txt": "Trung tâm Laser ra mắt\nSản phẩm laser mới của trung tâm.",
        "c.txt": "Cần làm ngay\nCần thiết phải làm.",
    }
    source = write_articles(tmp_path / "corpus", articles)
    store = IndexStore(tmp_path / "index")
    reindex(store.path, [source])
    (source / "b.txt").write_text("Chợ mua cá\nChợ mua cá tươi mỗi sáng.", encoding="utf-8")
    (source / "c.txt").unlink()
    (source / "d.txt").write_text("Cán bộ trẻ\nĐoàn cán bộ trẻ.", encoding="utf-8")
    summary = reindex(store.path, [source])
    assert (summary.added, summary.updated, summary.removed) == (1, 1, 1)
    rebuilt = IndexStore(tmp_path / "rebuilt")
    reindex(rebuilt.path, [source], full=True)

    def model(s):
        return AccentModel.load(s.current().accents)

    assert counts(model(store)) == counts(model(rebuilt))
    assert model(store).count("cần", "thiết") == 0
    assert model(store).count("chợ", "mua", "cá") == 3  # the title counts twice
