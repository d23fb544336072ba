"""Autocomplete: /api/suggest and the search box that uses it."""

import re

from search_app.complete import Completer, Completion, load_phrases
from search_app.indexer import reindex
from search_app.store import IndexStore

from .conftest import write_articles


def texts(client, prefix):
    response = client.get("/api/suggest", query_string={"q": prefix})
    assert response.status_code == 200
    return [c["text"] for c in response.get_json()["completions"]]


def test_completes_title_phrases_without_accents(client):
    assert texts(client, "hoi ng")[0] == "hội nghị"
    assert texts(client, "Hội n")[0] == "hội nghị"
    assert texts(client, "cong ngh")[0] == "công nghệ"


def test_completes_speaker_names_from_any_of_their_words(client):
    data = client.get("/api/suggest?q=giang+manh").get_json()
    assert data["completions"][0] == {"text": "Giang Mạnh Khôi", "kind": "speaker"}
    assert texts(client, "manh khoi") == ["Giang Mạnh Khôi"]


def test_at_most_ten_and_nothing_for_unknown_prefixes(client):
    assert len(texts(client, "t")) == 10
    assert texts(client, "zzzz") == []


def test_bad_prefixes_answer_a_json_error(client):
    response = client.get("/api/suggest?q=")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "missing_query"
    response = client.get("/api/suggest", query_string={"q": "a" * 101})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "query_too_long"


def test_search_box_is_a_plain_form_whose_suggestion_url_answers(client):
    page = client.get("/").get_data(as_text=True)
    assert '<form class="search" action="/search" method="get" role="search">' in page
    # The script reads where to ask from the page: that address must answer completions.
    suggest_url = re.search(r'data-suggest="([^"]+)"', page)[1]
    completions = client.get(suggest_url, query_string={"q": "hoi ng"}).get_json()["completions"]
    assert {"text": "hội nghị", "kind": "phrase"} in completions
    script = re.search(r'<script src="([^"]+)"', page)[1]
    with client.get(script) as response:
        assert response.status_code == 200
        assert response.mimetype == "text/javascript"


def test_a_server_reads_the_completions_the_reindex_saved(client, monkeypatch):
    def built(cls, entries):
        raise AssertionError("a server process built completions")

    monkeypatch.setattr(Completer, "of", classmethod(built))
    assert texts(client, "hoi ng")[0] == "hội nghị"
    assert texts(client, "manh khoi") == ["Giang Mạnh Khôi"]


def test_a_longer_prefix_completes_its_last_words(client):
    assert "to chuc hội nghị" in texts(client, "to chuc hoi ng")


def test_an_update_counts_phrases_as_a_full_rebuild_would(tmp_path):
    # An update adjusts the previous counts by what changed instead of
    # counting all 50,000 articles again; the phrases must come out the same.
    articles = {
        f"a{i}.txt": f"Hội nghị cán bộ số {i}\nĐại biểu {i % 7} phát biểu tại hội nghị." for i in range(40)
    }
    source = write_articles(tmp_path / "corpus", articles)
    reindex(tmp_path / "updated", [source])
    write_articles(source, {f"a{i}.txt": f"Tổng kết công tác năm {i}\nHội nghị tổng kết." for i in range(5)})
    write_articles(source, {"moi.txt": "Hội thảo khoa học mới\nCác nhà khoa học trao đổi."})
    (source / "a39.txt").unlink()
    summary = reindex(tmp_path / "updated", [source])
    assert (summary.updated, summary.added, summary.removed) == (5, 1, 1)
    reindex(tmp_path / "rebuilt", [source], full=True)

    def phrases(index):
        generation = IndexStore(index).current()
        return load_phrases(generation.phrases), load_phrases(generation.phrase_counts)

    updated, rebuilt = phrases(tmp_path / "updated"), phrases(tmp_path / "rebuilt")
    assert updated == rebuilt
    assert updated[0]["tổng kết"] == 10 and "cán bộ" in updated[0]  # 5 titles, 5 bodies; 35 titles left

    def completions(index):
        folder = IndexStore(index).current().completions
        return {path.name: path.read_bytes() for path in folder.iterdir()}

    assert completions(tmp_path / "updated") == completions(tmp_path / "rebuilt")


def test_completions_are_offered_heaviest_first_and_leave_the_word_cache_alone(tmp_path):
    # The reindex builds the completions of the whole archive: folding their
    # keys must not fill fold()'s cache of query words.
    from search_app.text import fold

    phrases = {f"hội nghị lần {i}": i for i in range(2, 500)}
    phrases |= {"hội thảo": 7, "Hội An": 7, "hồi ức": 600}
    before = fold.cache_info().currsize
    completer = Completer.build(phrases, {"hoang van hoi": 1})
    assert fold.cache_info().currsize - before < 10
    assert [c.text for c in completer.complete("hoi", limit=4)] == [
        "hồi ức",
        "hội nghị lần 499",
        "hội nghị lần 498",
        "hội nghị lần 497",
    ]
    offered = [c.text for c in completer.complete("hoi ", limit=600)]
    assert len(offered) == 501 and offered[0] == "hồi ức" and offered[-1] == "hội nghị lần 2"
    # Equal weights are offered by text.
    assert offered[-9:-4] == ["hội nghị lần 8", "Hội An", "hội nghị lần 7", "hội thảo", "hội nghị lần 6"]
    assert completer.complete("van hoi")[0] == Completion("hoang van hoi", "speaker")
    # Saved, and read back from the files, they answer the same.
    completer.save(tmp_path / "completions")
    saved = Completer.open(tmp_path / "completions")
    for prefix in ("hoi", "hoi ", "hoi nghi lan 4", "van hoi", "zz"):
        assert saved.complete(prefix, limit=600) == completer.complete(prefix, limit=600)
