"""Fixtures: a sample index built once (read-only), tiny indexes per test."""

from pathlib import Path

import pytest

from search_app.cli import SAMPLE_DIR
from search_app.indexer import reindex
from search_app.search import SearchEngine
from search_app.web.app import create_app

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def write_articles(root, articles):
    """Write ``{relative_path: text}`` as UTF-8 files below ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory):
    """The bundled sample corpus, indexed once for read-only tests."""
    path = tmp_path_factory.mktemp("sample") / "index"
    reindex(path, [SAMPLE_DIR])
    return path


@pytest.fixture(scope="session")
def sample_engine(sample_index):
    return SearchEngine(sample_index)


@pytest.fixture
def make_engine(tmp_path):
    """Index ``{path: text}`` articles in a fresh directory; return the engine."""

    def make(articles):
        source = write_articles(tmp_path / "corpus", articles)
        reindex(tmp_path / "index", [source])
        return SearchEngine(tmp_path / "index")

    return make


@pytest.fixture
def app(sample_index):
    return create_app({"INDEX_PATH": str(sample_index), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()
