"""Our decoding of underthesea's segmentation model labels exactly as underthesea does."""

from pathlib import Path

import numpy as np
import pytest

from search_app.analysis import TOKEN_RE
from search_app.articles import read_sources
from search_app.segmenter import KeySet, Segmenter, model_directory, read_crfsuite, underthesea_starts
from search_app.text import normalize_tone

SAMPLE = Path(__file__).resolve().parents[1] / "search_app" / "sample"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def underthesea():
    return underthesea_starts()


def lines_of(*roots):
    for root in roots:
        for article in read_sources([root]):
            for line in (article.title + "\n" + article.body).split("\n"):
                tokens = [normalize_tone(token) for token in TOKEN_RE.findall(line)]
                if tokens:
                    yield tokens


def test_the_model_file_is_read_whole():
    labels, attributes, state, transitions = read_crfsuite(model_directory() / "models.bin")
    assert labels == ["B-W", "I-W"]
    assert "T[-1,0].lower=hội đồng" in attributes
    assert len(transitions) == 4
    assert all(0 <= a < len(attributes) and 0 <= b < 2 for a, b in state)


def test_same_words_as_underthesea_on_the_sample_corpus(underthesea):
    segmenter = Segmenter()
    lines = list(lines_of(SAMPLE))
    assert sum(map(len, lines)) > 2000
    # All the lines at once, as an article's are segmented; each on its own.
    assert segmenter.starts_lines(lines) == [underthesea(tokens) for tokens in lines]


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed articles are not at {SEEDS}")
def test_same_words_as_underthesea_on_the_seeds(underthesea):
    segmenter = Segmenter()
    lines = list(lines_of(SEEDS))
    assert segmenter.starts_lines(lines) == [underthesea(tokens) for tokens in lines]


def test_a_token_cache_emptied_as_it_fills_changes_no_label(underthesea):
    # What each token is, is cached; a text longer than the cache still gets all of it.
    lines = list(lines_of(SAMPLE))
    small = Segmenter(cache_size=50)
    assert [small.starts(tokens) for tokens in lines] == [underthesea(tokens) for tokens in lines]
    assert max(map(len, lines)) > 50


def test_tokens_are_normalized_before_the_model_sees_them(underthesea):
    tokens = ["Hoà", "bình", "thuý", "sĩ", "Quốc", "hội", "khoá", "XV"]
    assert [normalize_tone(t) for t in tokens] != tokens
    labels = Segmenter(normalize=normalize_tone).starts(tokens)
    assert labels == underthesea([normalize_tone(t) for t in tokens])


EDGE_CASES = [
    ["Hội"],  # one token: every template at the edges
    ["Hội", "nghị"],
    ["Ngày", "21", "/", "7", "/", "2023"],  # digits
    ["+5", "-3", "2147483647", "2147483648", "007"],  # what parses as a 32-bit integer
    ["ĐẢNG", "ỦY", "Viện", "ß", "Ǆ", "İstanbul"],  # title case beyond ASCII
    ["BOS", "EOS", "=", "T[0]"],  # text that looks like the model's own markers
    ["thủ", "tướng", "chính", "phủ", "phạm", "minh", "chính", "."],
]


@pytest.mark.parametrize("tokens", EDGE_CASES)
def test_same_words_as_underthesea_on_edge_cases(underthesea, tokens):
    assert Segmenter().starts(tokens) == underthesea(tokens)


def test_lines_segmented_together_are_each_a_sentence_of_their_own(underthesea):
    # Short lines and empty ones between them: no template may read across a line's ends.
    # (Read across the line break, "học . Phát" made "học" a word of its own.)
    lines = [[], *EDGE_CASES[:2], [], ["Hội"], ["nghị", "cán", "bộ"], ["quang", "học", "."], ["Phát", "biểu"]]
    lines += [*EDGE_CASES[2:], []]
    assert Segmenter().starts_lines(lines) == [underthesea(tokens) if tokens else [] for tokens in lines]


def test_compound_words_are_found():
    tokens = ["Hội", "nghị", "cán", "bộ", "viên", "chức", "năm", "2023"]
    starts = Segmenter().starts(tokens)
    words, current = [], []
    for token, begins in zip(tokens, starts):
        if begins and current:
            words.append(" ".join(current))
            current = []
        current.append(token)
    words.append(" ".join(current))
    assert words == ["Hội nghị", "cán bộ", "viên chức", "năm", "2023"]


def test_a_key_set_finds_each_of_its_keys_and_nothing_else():
    rng = np.random.default_rng(7)
    keys = rng.choice(1 << 62, size=3000, replace=False).astype(np.int64)
    key_set = KeySet(keys)
    # Keys sharing a first slot: each past the first is found further along the table.
    home = key_set._home(keys)
    assert len(np.unique(home)) < len(keys)
    wanted = np.concatenate([keys[::-1], keys + 1, [0, -1, np.iinfo(np.int64).max]])
    found = key_set.find(wanted)
    assert found[:3000].tolist() == list(range(2999, -1, -1))
    assert (found[3000:] == -1).all()  # keys + 1 are not keys (the chance of one is 1 in 10**15)
    assert KeySet([]).find(keys).tolist() == [-1] * 3000
