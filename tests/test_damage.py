"""A damaged index never answers wrongly: every file of a generation, truncated or garbled."""

import shutil

import pytest
from click.testing import CliRunner

from search_app.cli import main
from search_app.errors import IndexCorrupt
from search_app.indexer import reindex
from search_app.search import SearchEngine
from search_app.store import IndexStore
from search_app.web.app import create_app

from .conftest import write_articles

ARTICLES = {
    f"a{n}.txt": f"Hội nghị cán bộ số {n}\nNgày 2/1/2024, ông Nguyễn Văn An phát biểu tại hội nghị cán bộ {n}."
    for n in range(60)
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """An index of 60 articles (enough for the posting arrays to hold terms), built once."""
    root = tmp_path_factory.mktemp("pristine")
    reindex(root / "index", [write_articles(root / "corpus", ARTICLES)], jobs=1)
    return root / "index"


# Every kind of file a generation holds (a test below checks the list is complete).
KINDS = [
    "*.seg",
    "*.toc",
    "manifest.json",
    "phrases.json.gz",
    "phrase-counts.json.gz",
    *(f"arrays/{name}" for name in ("live.npy", "meta.json")),
    *(f"arrays/{name}" for name in ("titles.bin", "titles.npy", "leads.bin", "leads.npy")),
    *(f"arrays/lengths-{field}.npy" for field in ("title", "body", "speakers")),
    *(
        f"arrays/terms-{name}"
        for name in ("keys.bin", "keys.npy", "index.npy", "docs.bin", "tf.bin", "positions.bin")
    ),
    "accents/syllables.txt",
    *(f"accents/{name}.npy" for name in ("unigrams", "pairs", "pair_keys", "pair_context", "pair_followers")),
    *(f"accents/{name}.npy" for name in ("triples", "triple_keys", "context", "followers")),
    "accents/form-keys.txt",
    *(f"accents/{name}.npy" for name in ("by_text", "form_starts", "form_ids")),
    *(f"completions/{name}" for name in ("keys.bin", "keys.npy", "texts.bin", "texts.npy")),
    *(f"completions/{name}.npy" for name in ("speaker", "rank")),
]


def one_file(index, kind):
    """The file of this kind in the live generation, relative to it."""
    generation = IndexStore(index).current().path
    (path,) = generation.glob(kind)
    return path.relative_to(generation).as_posix()


def test_the_kinds_cover_every_file_of_a_generation(pristine):
    listed = set(IndexStore(pristine).current().manifest()["files"]) | {"manifest.json"}
    assert listed == {one_file(pristine, kind) for kind in KINDS}


def damage(path, how):
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:  # garbled: the same size, other bytes in the middle
        middle = len(data) // 2
        path.write_bytes(
            data[:middle] + bytes(b ^ 0x5A for b in data[middle : middle + 8]) + data[middle + 8 :]
        )


@pytest.mark.parametrize("how", ["truncated", "garbled"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_file_is_named_and_never_answers(pristine, tmp_path, kind, how):
    index = shutil.copytree(pristine, tmp_path / "index")
    damaged_file = one_file(index, kind)
    damage(IndexStore(index).current().path / damaged_file, how)

    with pytest.raises(IndexCorrupt) as raised:
        SearchEngine(index).search("hoi nghi")
    assert damaged_file in str(raised.value)

    client = create_app({"INDEX_PATH": str(index), "TESTING": True}).test_client()
    for url in ("/api/search?q=hoi+nghi", "/healthz"):
        response = client.get(url)
        assert response.status_code == 503
        assert response.get_json()["error"]["code"] == "index_corrupt"
        assert damaged_file in response.get_json()["error"]["message"]
    assert client.get("/search?q=hoi+nghi").status_code == 503

    runner = CliRunner()
    checked = runner.invoke(main, ["check", "--index", str(index)])
    assert checked.exit_code == 1 and damaged_file in checked.output
    searched = runner.invoke(main, ["search", "hoi nghi", "--index", str(index)])
    assert searched.exit_code == 1 and damaged_file in searched.output
    assert "Traceback" not in searched.output


def test_check_passes_on_a_sound_index(pristine):
    result = CliRunner().invoke(main, ["check", "--index", str(pristine)])
    assert result.exit_code == 0
    assert result.output.startswith("ok: generation ") and "60 documents" in result.output


def test_current_naming_a_generation_that_is_not_there(pristine, tmp_path):
    index = shutil.copytree(pristine, tmp_path / "index")
    (index / "CURRENT").write_text("20990101-000000-abcdef\n")
    client = create_app({"INDEX_PATH": str(index), "TESTING": True}).test_client()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert (
        "names generation '20990101-000000-abcdef', which is not there"
        in response.get_json()["error"]["message"]
    )
    # The next reindex rebuilds from the sources and says why.
    result = CliRunner().invoke(main, ["reindex", str(tmp_path / "corpus"), "--index", str(index)])
    assert result.exit_code == 1  # no such source here: nothing changed
    source = write_articles(tmp_path / "corpus", ARTICLES)
    result = CliRunner().invoke(main, ["reindex", str(source), "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert "the index is rebuilt in full from the sources" in result.output
    assert SearchEngine(index).search("hoi nghi").total == 60


def test_a_damaged_new_generation_leaves_the_previous_one_answering(tmp_path):
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    index = tmp_path / "index"
    reindex(index, [corpus], jobs=1)
    engine = SearchEngine(index)
    assert engine.search("hoi nghi").total == 60
    old = engine.health()["version"]

    write_articles(corpus, {"new.txt": "Tin mới\nHội nghị zqxw hôm nay."})
    reindex(index, [corpus], jobs=1)
    damage(IndexStore(index).current().arrays / "live.npy", "garbled")

    assert engine.search("hoi nghi").total == 60  # answered at once, while the new one is checked
    engine.refresh()
    assert engine.search("hoi nghi").total == 60  # the previous generation, not the damaged one
    assert engine.search("zqxw").total == 0
    health = engine.health()
    assert (health["status"], health["version"]) == ("degraded", old)
    assert "arrays/live.npy does not match its checksum" in health["problem"]


def test_a_file_truncated_while_it_is_served_is_reported_not_read_short(tmp_path):
    index = tmp_path / "index"
    reindex(index, [write_articles(tmp_path / "corpus", ARTICLES)], jobs=1)
    engine = SearchEngine(index)
    assert engine.search("hoi nghi").total == 60
    docs = IndexStore(index).current().arrays / "terms-docs.bin"
    docs.write_bytes(docs.read_bytes()[:20])
    with pytest.raises(IndexCorrupt, match="arrays/terms-docs.bin is 20 bytes"):
        engine.health()
    with pytest.raises(IndexCorrupt, match="terms-docs.bin is shorter than terms-index.npy says"):
        engine.search("can bo hoi nghi nguyen van")
