import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from search_app.cli import main
from search_app.store import IndexStore

from .conftest import cli, write_articles


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    return write_articles(
        tmp_path / "corpus",
        {
            "a.txt": "Hội nghị cán bộ viên chức\nNgày 20/12/2022, đồng chí Nguyễn Phú Hùng – Bí thư Đảng ủy phát biểu.",
            "b.txt": "Hội thảo laser\nCác nhà khoa học trao đổi về laser.",
        },
    )


def reindex(runner, *args):
    return runner.invoke(main, ["reindex", *map(str, args)])


def search(runner, *args):
    return runner.invoke(main, ["search", *map(str, args)])


def test_reindex_summary_and_exit_0(runner, corpus, tmp_path):
    result = reindex(runner, corpus, "--index", tmp_path / "ix")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        f"indexed 2 articles into {tmp_path / 'ix'} (added 2, updated 0, unchanged 0), "
        "removed 0, skipped 0 in "
    )
    assert result.output.rstrip().endswith("the index now holds 2 documents")


def test_second_run_reports_updates_removals_and_unchanged(runner, corpus, tmp_path):
    reindex(runner, corpus, "--index", tmp_path / "ix")
    (corpus / "a.txt").write_text("Hội nghị cán bộ\nNội dung mới.", encoding="utf-8")
    (corpus / "b.txt").unlink()
    (corpus / "c.txt").write_text("Tin mới\nNội dung.", encoding="utf-8")
    result = reindex(runner, corpus, "--index", tmp_path / "ix")
    assert result.exit_code == 0
    assert "(added 1, updated 1, unchanged 0), removed 1, skipped 0" in result.output
    result = reindex(runner, corpus, "--index", tmp_path / "ix")
    assert "(added 0, updated 0, unchanged 2), removed 0, skipped 0" in result.output


def test_skipped_files_are_listed_and_exit_3(runner, corpus, tmp_path):
    (corpus / "bad.txt").write_bytes(b"\xff\xfe bad bytes")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = reindex(runner, corpus, "--index", tmp_path / "ix")
    assert result.exit_code == 3
    assert "indexed 2 articles" in result.output
    assert f"skipped {corpus / 'bad.txt'}: invalid UTF-8 at byte 0" in result.output
    assert f"skipped {corpus / 'empty.txt'}: empty file" in result.output


def test_an_empty_source_makes_an_empty_index_that_answers(runner, tmp_path):
    # Whoosh writes no segment for no documents; the arrays must still be written.
    (tmp_path / "none").mkdir()
    result = reindex(runner, tmp_path / "none", "--index", tmp_path / "ix")
    assert result.exit_code == 0, result.output
    assert "the index now holds 0 documents" in result.output
    found = search(runner, "hoi nghi", "--index", tmp_path / "ix")
    assert found.exit_code == 0, found.output
    assert "0 results" in found.output
    # ...and its next update adds what the source has gained.
    (tmp_path / "none" / "a.txt").write_text("Hội nghị khoa học\nNội dung hội nghị.", encoding="utf-8")
    result = reindex(runner, tmp_path / "none", "--index", tmp_path / "ix")
    assert result.exit_code == 0, result.output
    assert "(added 1, updated 0, unchanged 0)" in result.output
    found = search(runner, "hoi nghi", "--index", tmp_path / "ix")
    assert "Hội nghị khoa học" in found.output


def test_an_update_that_would_remove_every_article_is_refused(runner, corpus, tmp_path):
    # A mistyped or emptied source directory must not empty the index; --full still can.
    reindex(runner, corpus, "--index", tmp_path / "ix")
    before = (tmp_path / "ix" / "CURRENT").read_text()
    (tmp_path / "empty").mkdir()
    other = write_articles(tmp_path / "other", {"z.txt": "Tin khác\nNội dung khác."})
    for wrong in (tmp_path / "empty", other):
        result = reindex(runner, wrong, "--index", tmp_path / "ix")
        assert result.exit_code == 1, result.output
        assert (
            "Error: the sources hold none of the 2 articles in the index, so this update would "
            "remove them all; the live index is unchanged. Check the source path, or run with "
            "--full to replace the index with what the sources hold" in result.output
        )
        assert (tmp_path / "ix" / "CURRENT").read_text() == before
        assert [p.name for p in (tmp_path / "ix" / "generations").iterdir()] == [before.strip()]
    found = search(runner, "laser", "--index", tmp_path / "ix")
    assert "Hội thảo laser" in found.output
    result = reindex(runner, tmp_path / "empty", "--index", tmp_path / "ix", "--full")
    assert result.exit_code == 0, result.output
    assert "removed 2" in result.output
    assert "the index now holds 0 documents" in result.output


def test_a_file_that_turns_bad_keeps_its_indexed_version(runner, corpus, tmp_path):
    reindex(runner, corpus, "--index", tmp_path / "ix")
    (corpus / "b.txt").write_bytes(b"\x00\x01 corrupted")
    for extra in ([], ["--full"]):
        result = reindex(runner, corpus, "--index", tmp_path / "ix", *extra)
        assert result.exit_code == 3
        assert "removed 0" in result.output
        found = search(runner, "laser", "--index", tmp_path / "ix")
        assert "Hội thảo laser" in found.output


def test_missing_source_is_an_error_that_changes_nothing(runner, corpus, tmp_path):
    reindex(runner, corpus, "--index", tmp_path / "ix")
    before = (tmp_path / "ix" / "CURRENT").read_text()
    result = reindex(runner, tmp_path / "nope", "--index", tmp_path / "ix")
    assert result.exit_code == 1
    assert f"Error: source not found: {tmp_path / 'nope'}" in result.output
    assert (tmp_path / "ix" / "CURRENT").read_text() == before


def test_reindex_without_sources_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["reindex", "--index", str(tmp_path / "ix")])
    assert result.exit_code == 2
    assert "give at least one SOURCE (or --sample)" in result.output


HOLD_LOCK = """
import fcntl, sys, time
lock = open(sys.argv[1], "a+")
fcntl.lockf(lock, fcntl.LOCK_EX)  # as a running reindex does
print("locked", flush=True)
time.sleep(60)
"""


def test_second_reindex_at_once_exits_with_a_clear_message(runner, corpus, tmp_path):
    index = tmp_path / "ix"
    index.mkdir()
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(index / "reindex.lock")],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout.readline() == "locked\n"
            result = reindex(runner, corpus, "--index", index)
        finally:
            holder.kill()
    assert result.exit_code == 1
    assert f"Error: another reindex is running on {index}; wait for it to finish" in result.output
    assert not (index / "CURRENT").exists()


def test_index_path_from_the_environment(runner, corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SEARCH_APP_INDEX", str(tmp_path / "from-env"))
    result = runner.invoke(main, ["reindex", str(corpus)])
    assert result.exit_code == 0
    assert IndexStore(tmp_path / "from-env").exists()


def test_search_prints_ranked_titles_and_json(runner, corpus, tmp_path):
    reindex(runner, corpus, "--index", tmp_path / "ix")
    result = search(runner, "hoi nghi", "--index", tmp_path / "ix")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("1 results (")
    assert lines[1] == " 1. Hội nghị cán bộ viên chức [2022-12-20]  (a)"
    result = search(runner, "laser", "--json", "--index", tmp_path / "ix")
    data = json.loads(result.output)
    assert (data["total"], data["results"][0]["id"]) == (1, "b")


def test_search_errors(runner, tmp_path):
    result = search(runner, "x", "--index", tmp_path / "none")
    assert result.exit_code == 1
    assert "Error: no index at" in result.output
    result = search(runner, " ", "--index", tmp_path / "none")
    assert result.exit_code == 1
    result = search(runner, "x", "--limit", "0")
    assert result.exit_code == 2


def test_serve_without_index_explains_what_to_do(runner, tmp_path):
    result = runner.invoke(main, ["serve", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "add --sample to index the bundled sample" in result.output


def test_python_dash_m_entry_point(corpus, tmp_path):
    process = subprocess.run(
        cli("reindex", corpus, "--index", tmp_path / "ix"),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )
    assert process.returncode == 0, process.stderr
    assert "indexed 2 articles" in process.stdout


def test_a_rerun_with_nothing_changed_keeps_the_live_generation(runner, corpus, tmp_path):
    index = tmp_path / "ix"
    reindex(runner, corpus, "--index", index)
    live = IndexStore(index).current_name()
    result = reindex(runner, corpus, "--index", index)
    assert result.exit_code == 0
    assert "(added 0, updated 0, unchanged 2), removed 0" in result.output
    assert IndexStore(index).current_name() == live
