"""The schema version is derived from the analysis and extraction code and word lists."""

import dataclasses
import shutil

from search_app import indexer
from search_app.extract import facts
from search_app.indexer import reindex
from search_app.schema import PACKAGE, SCHEMA_VERSION, analysis_version
from search_app.search import SearchEngine

from .conftest import write_articles


def copy_of_package(tmp_path):
    return shutil.copytree(PACKAGE, tmp_path / "package", ignore=shutil.ignore_patterns("__pycache__"))


def test_the_version_is_a_digest_of_the_package_files(tmp_path):
    assert analysis_version(copy_of_package(tmp_path)) == SCHEMA_VERSION


def test_editing_a_word_list_changes_the_version(tmp_path):
    package = copy_of_package(tmp_path)
    surnames = package / "words" / "surnames.txt"
    surnames.write_text(surnames.read_text(encoding="utf-8") + "khuất\n", encoding="utf-8")
    assert analysis_version(package) != SCHEMA_VERSION


def test_editing_an_extraction_rule_changes_the_version_and_web_code_does_not(tmp_path):
    package = copy_of_package(tmp_path)
    (package / "web" / "pages.py").write_text("# a comment\n", encoding="utf-8")
    assert analysis_version(package) == SCHEMA_VERSION
    dates = package / "extract" / "dates.py"
    dates.write_text(dates.read_text(encoding="utf-8") + "\n# a new rule\n", encoding="utf-8")
    assert analysis_version(package) != SCHEMA_VERSION


def test_a_new_version_re_extracts_unchanged_articles(tmp_path, monkeypatch):
    source = write_articles(tmp_path / "corpus", {"a.txt": "Tin một\nông Nguyễn Văn An phát biểu."})
    index = tmp_path / "index"
    reindex(index, [source])
    # New rules that find another organisation in the same text:
    monkeypatch.setattr(indexer, "facts", lambda c: dataclasses.replace(facts(c), organisation="Viện Mới"))
    reindex(index, [source])
    assert SearchEngine(index).document("a").organisation == ""  # unchanged, so not re-read
    monkeypatch.setattr(indexer, "SCHEMA_VERSION", "another-version")
    reindex(index, [source])
    assert SearchEngine(index).document("a").organisation == "Viện Mới"
