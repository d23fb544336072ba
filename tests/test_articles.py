import gzip
import json

import pytest

from search_app.articles import MAX_ARTICLE_BYTES, Article, Skipped, read_sources
from search_app.errors import SourceError


def read(*sources):
    items = list(read_sources(sources))
    return (
        [a for a in items if isinstance(a, Article)],
        [(s.origin, s.reason) for s in items if isinstance(s, Skipped)],
    )


def test_directory_ids_are_relative_paths_without_extension(tmp_path):
    (tmp_path / "seeds" / "sub").mkdir(parents=True)
    (tmp_path / "seeds" / "000_abc.txt").write_text("\n\nTiêu đề\n\nThân bài.", encoding="utf-8")
    (tmp_path / "seeds" / "sub" / "b.md").write_text("Tiêu đề B\nThân.", encoding="utf-8")
    (tmp_path / "seeds" / "notes.csv").write_text("ignored", encoding="utf-8")
    articles, skipped = read(tmp_path)
    assert [(a.id, a.title, a.body) for a in articles] == [
        ("seeds/000_abc", "Tiêu đề", "Thân bài."),
        ("seeds/sub/b", "Tiêu đề B", "Thân."),
    ]
    assert skipped == []


def test_bad_files_are_skipped_with_their_reason(tmp_path):
    (tmp_path / "good.txt").write_text("Tiêu đề\nThân bài", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Hà Tây".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    (tmp_path / "huge.txt").write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    articles, skipped = read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    reasons = {origin.rsplit("/", 1)[-1]: reason for origin, reason in skipped}
    assert reasons == {
        "binary.txt": "binary file (contains NUL bytes)",
        "empty.txt": "empty file",
        "huge.txt": f"too large ({MAX_ARTICLE_BYTES + 1:,} bytes, limit {MAX_ARTICLE_BYTES:,})",
        "latin1.txt": "invalid UTF-8 at byte 1",
    }


def test_text_is_stored_in_nfc(tmp_path):
    import unicodedata

    (tmp_path / "nfd.txt").write_text(unicodedata.normalize("NFD", "Hội nghị\nĐảng ủy"), "utf-8")
    articles, _ = read(tmp_path)
    assert articles[0].title == "Hội nghị"
    assert unicodedata.is_normalized("NFC", articles[0].body)


def test_jsonl_gz_lines_and_their_errors(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    lines = [
        json.dumps({"id": "a1", "title": "Tin một", "body": "Nội dung", "url": "https://x.vn/a"}),
        "{not json",
        json.dumps({"title": "không có id", "body": "x"}),
        json.dumps({"id": 7, "title": "Số", "body": "id là số"}),
        json.dumps({"id": "a1", "title": "trùng", "body": "x"}),
    ]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    articles, skipped = read(path)
    assert [(a.id, a.url) for a in articles] == [("a1", "https://x.vn/a"), ("7", "")]
    assert skipped == [
        (f"{path}:2", "invalid JSON: Expecting property name enclosed in double quotes"),
        (f"{path}:3", "missing or empty 'id'"),
        (f"{path}:5", "duplicate id 'a1'"),
    ]


def test_missing_or_unknown_source_fails_before_reading(tmp_path):
    with pytest.raises(SourceError, match="source not found"):
        read_sources([tmp_path / "nope"])
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(SourceError, match="a source is a directory"):
        read_sources([tmp_path / "x.pdf"])
