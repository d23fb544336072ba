"""Ranking and snippets, on tiny corpora built per test."""

import unicodedata

import pytest

from search_app.web.markup import snippet_html


def ids(result):
    return [hit.id for hit in result.results]


@pytest.fixture
def engine(make_engine):
    return make_engine(
        {
            "hoi-nghi.txt": "Hội nghị cán bộ viên chức năm 2023\nHội nghị cán bộ viên chức đã diễn ra.",
            "rai-rac.txt": "Tin tổng hợp\nCán bộ đi họp. Viên chức nghỉ. Hội diễn văn nghệ, nghị quyết mới.",
            "dang-uy.txt": "Đảng ủy Viện họp phiên thường kỳ\nĐồng chí Nguyễn Phú Hùng – Bí thư Đảng ủy chủ trì.",
        }
    )


def test_unaccented_query_finds_accented_text(engine):
    assert ids(engine.search("hoi nghi can bo"))[0] == "hoi-nghi"
    assert ids(engine.search("dang uy")) == ["dang-uy"]


def test_compound_words_rank_above_scattered_syllables(engine):
    assert ids(engine.search("hoi nghi can bo vien chuc")) == ["hoi-nghi", "rai-rac"]


def test_title_outweighs_body(make_engine):
    engine = make_engine(
        {
            "a.txt": "Tin tổng hợp\nTrong tuần có nhiều sự kiện, trong đó có hội thảo laser.",
            "b.txt": "Hội thảo laser\nCác nhà khoa học trao đổi.",
        }
    )
    assert ids(engine.search("laser")) == ["b", "a"]


def test_accented_query_prefers_exact_accents_but_keeps_folded_matches(make_engine):
    engine = make_engine(
        {
            "ma.txt": "Bóng ma\nChuyện ma trong đêm.",
            "ma-sac.txt": "Má tôi\nMá tôi nấu cơm.",
            "ma-huyen.txt": "Nhưng mà\nMà thôi, không sao.",
        }
    )
    assert ids(engine.search("má"))[0] == "ma-sac"
    assert set(ids(engine.search("má"))) == {"ma", "ma-sac", "ma-huyen"}
    assert ids(engine.search("mà"))[0] == "ma-huyen"


# Accent twins in the sample corpus: words that differ only by a tone, each in
# an article that holds the other spelling more often than its own.
TWINS = [
    ("lúa", "dia-phuong/13-hoi-nghi-nong-nghiep", "lụa", "dia-phuong/19-lang-lua-van-phuc"),
    ("bán", "dia-phuong/20-tap-huan-ban-hang-truc-tuyen", "bàn", "dia-phuong/19-lang-lua-van-phuc"),
]


@pytest.mark.parametrize("word, doc, twin, twin_doc", TWINS)
def test_a_query_typed_with_accents_ranks_its_exact_spelling_first(sample_engine, word, doc, twin, twin_doc):
    """ "lúa" (rice) finds the rice article first though the silk article says "lụa" five times."""
    for query, first, other in [(word, doc, twin_doc), (twin, twin_doc, doc)]:
        found = ids(sample_engine.search(query))
        assert found[0] == first, query
        assert other in found, query  # the folded match is the fallback, still listed


@pytest.mark.parametrize("word, doc, twin, twin_doc", TWINS)
def test_a_query_typed_without_accents_still_finds_both_twins(sample_engine, word, doc, twin, twin_doc):
    found = ids(sample_engine.search(fold_query(word)))
    assert {doc, twin_doc} <= set(found)


def fold_query(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize(
    "query", ["hoà bình", "hòa bình", "hoa binh", unicodedata.normalize("NFD", "Hoà Bình")]
)
def test_tone_placement_and_unicode_form_do_not_matter(make_engine, query):
    engine = make_engine(
        {
            "cu.txt": "Giữ gìn hoà bình\nTin cũ.",
            "moi.txt": unicodedata.normalize("NFD", "Xây dựng hòa bình\nTin mới."),
            "khac.txt": "Tin khác\nKhông liên quan.",
        }
    )
    assert sorted(ids(engine.search(query))) == ["cu", "moi"]


def test_phrase_exclusion_fields_and_or(engine):
    assert ids(engine.search('"viên chức đã"')) == ["hoi-nghi"]
    assert ids(engine.search("can bo -nam")) == ["rai-rac"]
    assert ids(engine.search("title:dang")) == ["dang-uy"]
    assert ids(engine.search("speaker:hung")) == ["dang-uy"]
    assert ids(engine.search("speaker:hoi")) == []
    assert sorted(ids(engine.search("hung OR diễn"))) == ["dang-uy", "hoi-nghi", "rai-rac"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"hoi nghi', ["hoi-nghi", "rai-rac"]),  # an unmatched quote: its words
        ("((( ]]] dang uy", ["dang-uy"]),  # punctuation is not a word
        ("a:dang", ["dang-uy"]),  # an unknown field: its name is a word
        ("dang uy OR", ["dang-uy"]),  # a stray OR is ignored
        ("title:", []),
        ("OR", []),
        ("-", []),
        ('speaker:"', []),
        ("\\ * ? ~", []),
        ("-dang -uy", []),  # exclusions alone match nothing
    ],
)
def test_malformed_queries_are_read_as_their_words(engine, query, expected):
    result = engine.search(query)
    assert ids(result) == expected
    assert result.total == len(expected)


def test_unterminated_quote_degrades_to_words(engine):
    assert ids(engine.search('"dang uy')) == ids(engine.search("dang uy"))


def test_all_words_first_then_any_word(engine):
    # No document has all three words: documents with any of them are returned.
    assert ids(engine.search("dang uy xyzzy")) == ["dang-uy"]


def test_snippet_marks_original_accented_words_for_an_unaccented_query(engine):
    hit = engine.search("bi thu dang uy").results[0]
    assert snippet_html(hit.snippet) == ("Đồng chí Nguyễn Phú Hùng – <mark>Bí thư Đảng ủy</mark> chủ trì.")


def test_snippet_escapes_html(make_engine):
    engine = make_engine({"x.txt": "Tiêu đề <b>\nMã <script>alert('x')</script> độc hại & nguy hiểm."})
    hit = engine.search("doc hai").results[0]
    assert snippet_html(hit.snippet) == (
        "Mã &lt;script&gt;alert('x')&lt;/script&gt; <mark>độc hại</mark> &amp; nguy hiểm."
    )
    assert hit.title == "Tiêu đề <b>"


def test_pagination(sample_engine):
    everything = sample_engine.search("hoi nghi", per_page=100)
    assert everything.total > 5
    pages = [sample_engine.search("hoi nghi", page=p, per_page=2) for p in (1, 2, 3)]
    assert [h.id for page in pages for h in page.results] == ids(everything)[:6]
    assert sample_engine.search("hoi nghi", page=99, per_page=2).results == []


def test_speakers_dates_and_sources_come_with_results(sample_engine):
    hit = sample_engine.search("bui van khoe").results[0]
    assert hit.id == "khcn/04-so-khcn-hoa-binh"
    assert hit.speakers[0] == {"name": "Bùi Văn Khoẻ", "role": "Giám đốc Sở"}
    assert (hit.date, hit.source) == ("2024-01-10", "Sở KH&CN Hoà Bình")


def test_nfd_sample_article_is_found_unaccented_and_shown_in_nfc(sample_engine):
    hit = sample_engine.search("thuy loi").results[0]
    assert hit.id == "dia-phuong/17-hoi-nghi-khoa-hoc-tre-nfd"
    assert unicodedata.is_normalized("NFC", hit.title)
    assert "<mark>Thuỷ lợi</mark>" in snippet_html(hit.snippet)


def test_short_queries_need_every_word_long_ones_a_share(make_engine):
    engine = make_engine(
        {
            "both.txt": "Hội thảo laser\nCác nhà khoa học trao đổi về laser bán dẫn.",
            "one.txt": "Hội thảo vật liệu\nCác nhà khoa học trao đổi về vật liệu mới.",
        }
    )
    assert ids(engine.search("hoi thao laser")) == ["both"]
    # Five words: a document with two of them (30 %, rounded up) still matches;
    # with seven, two are not enough.
    assert ids(engine.search("hoi thao laser dien tu")) == ["both", "one"]
    assert ids(engine.search("hoi thao laser dien tu cong suat")) == ["both"]
    # Nothing holds every word: documents with some of them are better than none.
    assert sorted(ids(engine.search("laser vat lieu"))) == ["both", "one"]


def test_question_words_count_less_than_the_words_that_carry_the_question(make_engine):
    engine = make_engine(
        {
            "answer.txt": "Lãnh hải Việt Nam\nLãnh hải rộng 12 hải lý.",
            "chatter.txt": "Hỏi đáp\nBao nhiêu là đủ? Là gì cũng được, bao nhiêu cũng được, là gì đi nữa.",
        }
    )
    assert ids(engine.search("lanh hai rong bao nhieu hai ly la gi"))[0] == "answer"
    assert ids(engine.search("Lãnh hải rộng bao nhiêu hải lý là gì"))[0] == "answer"


def test_words_in_order_in_the_title_outrank_the_same_words_apart(make_engine):
    engine = make_engine(
        {
            "apart.txt": "Công nghệ mới khoa học\nBộ trưởng giới thiệu sản phẩm.",
            "order.txt": "Khoa học công nghệ mới\nBộ trưởng giới thiệu sản phẩm.",
        }
    )
    assert ids(engine.search("khoa hoc cong nghe")) == ["order", "apart"]


def test_a_passage_holding_the_questions_rare_words_side_by_side_comes_first(make_engine):
    # The first pass prefers the passage whose title says "lên ngôi" and whose body
    # repeats "niên hiệu"; the second sees that only the other names Lý Bí, as asked.
    common = "Người dân đặt hàng lên mạng, năm nay giá tăng. Ngôi nhà mới là hiệu sách."
    engine = make_engine(
        {
            "gia-long.txt": "Gia Long lên ngôi\nNguyễn Ánh lên ngôi, lấy niên hiệu là Gia Long. Vua lên ngôi "
            "năm 1802 và đặt niên hiệu Gia Long; niên hiệu ấy dùng đến năm 1820.",
            "ly-nam-de.txt": "Phạm Tu\nNăm 544, Lý Bí lên ngôi vua, xưng Nam Việt Đế, đặt tên nước là Vạn Xuân, "
            "dựng điện Vạn Thọ làm nơi triều hội, lấy Triệu Túc làm Thái phó, Tinh Thiều đứng đầu các "
            "quan văn, Phạm Tu đứng đầu các quan võ của triều đình, đặt niên hiệu Thiên Đức.",
            "ly-thuong-kiet.txt": "Lý Thường Kiệt\nÔng là người có công lớn, được phong Thái uý. Bí mật "
            "của trận đánh là bất ngờ.",
            **{f"tin-{i}.txt": f"Tin số {i}\n{common}" for i in range(8)},
        }
    )
    result = engine.search("Lý Bí lên ngôi đặt niên hiệu là gì")
    assert ids(result)[:2] == ["ly-nam-de", "gia-long"]
    scores = [hit.score for hit in result.results]
    assert scores == sorted(scores, reverse=True)  # what a client sorting by score sees too


def test_scores_are_the_same_whether_a_terms_scores_are_kept_sparse_or_dense(sample_index, monkeypatch):
    # A common word's scores are one per document; a rare word's, per holder. Both must rank alike.
    from search_app.search import SearchEngine, scoring

    queries = ["hội nghị", "hoi nghi khoa hoc", "viện", "tổng kết công tác năm", '"hội nghị" -"đại hội"']

    def results(share, kept=4):
        monkeypatch.setattr(scoring, "DENSE_SHARE", share)
        monkeypatch.setattr(scoring, "DENSE_KEPT", kept)
        engine = SearchEngine(sample_index)
        return [[(h.id, h.score) for h in engine.search(q, per_page=50).results] for q in queries]

    # Computed per holder; as whole vectors, kept so; as whole vectors, then kept per holder.
    all_sparse, all_dense, dense_then_sparse = results(0), results(10**9, kept=10**9), results(10**9, kept=1)
    assert all_sparse == all_dense == dense_then_sparse
    assert all(all_sparse)


def test_the_score_cache_keeps_a_costly_entry_past_a_run_of_cheap_ones_until_it_ages_out():
    # A common word's scores (a whole vector, slow to compute) must not be pushed out by
    # the rare words of the next few queries, as plain LRU would; nor stay for ever unused.
    import numpy as np

    from search_app.search.scoring import ENTRY_BYTES, ScoreCache

    capacity = 100 + 3 * ENTRY_BYTES  # the common entry and two rare ones
    cache = ScoreCache(capacity)
    cache.remember("common", (np.zeros(15, dtype=np.float32),), cost=1.0)  # 60 bytes of scores
    for n in range(10):
        cache.remember(f"rare {n}", (np.zeros(5, dtype=np.float32),), cost=0.001)  # 20 bytes each
    assert "common" in cache and cache.bytes <= capacity
    assert "rare 0" not in cache and "rare 9" in cache
    for n in range(10, 100_000):  # unused, it ages: the floor rises with each eviction
        cache.remember(f"rare {n}", (np.zeros(5, dtype=np.float32),), cost=0.001)
        if "common" not in cache:
            break
    assert "common" not in cache and cache.bytes <= capacity


def test_the_score_cache_keeps_what_is_used_again():
    import numpy as np

    from search_app.search.scoring import ENTRY_BYTES, ScoreCache

    cache = ScoreCache(capacity=100 + 5 * ENTRY_BYTES)  # five entries of 20 bytes of scores
    for n in range(1000):
        cache.remember(f"rare {n}", (np.zeros(5, dtype=np.float32),), cost=0.001)
        assert cache.get("rare 0") is not None  # used at every step: never the least worth keeping
    assert len(cache) == 5 and cache.get("absent") is None


def test_the_score_cache_counts_what_each_entry_holds_besides_its_arrays():
    # Words no document holds have empty scores; a worker asked for many of them
    # (typos, random strings) must not keep them all because their arrays weigh nothing.
    import numpy as np

    from search_app.search.scoring import ScoreCache

    cache = ScoreCache(capacity=100_000)
    empty = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
    for n in range(10_000):
        cache.remember(f"absent {n}", empty, cost=0.00001)
    assert 0 < len(cache) < 1_000 and cache.bytes <= 100_000


def test_two_builds_holding_documents_in_other_orders_answer_alike(tmp_path):
    # A build's writer processes store documents in whatever order they finish. Equal
    # scores and equal dates go by id, and a speaker's name is written as the article
    # of the lowest id writes it, so two builds of the same articles answer alike.
    from search_app.indexer import reindex
    from search_app.search import Filters, SearchEngine

    from .conftest import write_articles

    def article(name):
        return f"Hội nghị tổng kết\nNgày 01/02/2023, ông {name} phát biểu tại hội nghị tổng kết."

    # a and d tie, and b and c (shorter: a name without accents adds no accented terms).
    first = write_articles(
        tmp_path / "first", {"c.txt": article("Le Van Tam"), "a.txt": article("Lê Văn Tám")}
    )
    second = write_articles(
        tmp_path / "second", {"d.txt": article("Lê Văn Tám"), "b.txt": article("Le Van Tam")}
    )
    answers = []
    for n, sources in enumerate(([first, second], [second, first])):
        reindex(tmp_path / f"index{n}", sources, jobs=1)
        engine = SearchEngine(tmp_path / f"index{n}")
        result = engine.search("hoi nghi")
        answers.append(
            (
                ids(result),
                ids(engine.search("hoi nghi", filters=Filters(sort="date"))),
                ids(engine.search("year:2023")),
                [article.id for article in engine.speaker("Lê Văn Tám").articles],
                [(f.value, f.name) for f in result.facets.speaker],
            )
        )
    assert answers[0] == answers[1]
    assert answers[0][:4] == (
        ["b", "c", "a", "d"],
        ["a", "b", "c", "d"],
        ["a", "b", "c", "d"],
        ["a", "b", "c", "d"],
    )
    assert answers[0][4] == [("le van tam", "Lê Văn Tám")]
