"""The engines we compare against, each set up as a careful user would, and ours.

Every engine has the same small interface, so the benchmarks treat them alike::

    engine = Fts5Engine(workdir)
    engine.build(articles)          # an iterable of {"id", "title", "body"}
    engine.search("hoi nghi", 10)   # ids, best first
    engine.size()                   # bytes on disk

* ``Fts5Engine``: SQLite FTS5, ``unicode61 remove_diacritics 2``, "đ" folded
  to "d" on both sides, title weighted 3x in ``bm25()``, all terms ANDed
  first and ORed when that finds fewer than 10.
* ``TantivyEngine``: the ``tantivy`` package, simple tokenizer, lower case,
  ASCII folding, title boost 3, the same AND-then-OR.
* ``PlainWhooshEngine``: Whoosh's StandardAnalyzer with
  ``CharsetFilter(accent_map)``, OR group, title boost 3.
* ``OurEngine``: this project's indexer and searcher, called as the API calls them.
"""

import os
import re
import sqlite3
from pathlib import Path

WORD_RE = re.compile(r"\w+")
PAGE = 10


def query_words(query):
    """The words of a query, lower case, for engines with their own syntax."""
    return WORD_RE.findall(query.lower())


def fold_d(text):
    return text.replace("đ", "d").replace("Đ", "D")


def dir_size(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


class Fts5Engine:
    name = "SQLite FTS5"

    def __init__(self, workdir):
        self.path = Path(workdir) / "fts5.sqlite"

    def build(self, articles):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.unlink(missing_ok=True)
        db = sqlite3.connect(self.path)
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5("
            "id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"
        )
        db.executemany(
            "INSERT INTO docs VALUES (?, ?, ?)",
            ((a["id"], fold_d(a["title"]), fold_d(a["body"])) for a in articles),
        )
        db.commit()
        db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
        db.commit()
        db.close()
        self.db = sqlite3.connect(self.path, check_same_thread=False)

    def search(self, query, k=PAGE):
        words = [f'"{w}"' for w in query_words(fold_d(query))]
        if not words:
            return []
        found = []
        for joiner in (" AND ", " OR "):
            found = self._match(joiner.join(words), k)
            if len(found) >= k or len(words) == 1:
                break
        return found

    def _match(self, expression, k):
        rows = self.db.execute(
            "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, 3.0, 1.0) LIMIT ?",
            (expression, k),
        )
        return [row[0] for row in rows]

    def size(self):
        return self.path.stat().st_size


class TantivyEngine:
    name = "tantivy"

    def __init__(self, workdir):
        self.path = Path(workdir) / "tantivy"

    def _analyzer(self):
        import tantivy

        return (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .build()
        )

    def build(self, articles):
        import shutil

        import tantivy

        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", tokenizer_name="vi")
        builder.add_text_field("body", tokenizer_name="vi")
        self.index = tantivy.Index(builder.build(), path=str(self.path))
        self.index.register_tokenizer("vi", self._analyzer())
        writer = self.index.writer(heap_size=256_000_000, num_threads=os.cpu_count() or 1)
        for a in articles:
            writer.add_document(tantivy.Document(id=a["id"], title=a["title"], body=a["body"]))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, query, k=PAGE):
        words = query_words(query)
        if not words:
            return []
        found = []
        for conjunction in (True, False):
            parsed = self.index.parse_query(
                " ".join(words),
                ["title", "body"],
                field_boosts={"title": 3.0},
                conjunction_by_default=conjunction,
            )
            hits = self.searcher.search(parsed, k).hits
            found = [self.searcher.doc(address)["id"][0] for _, address in hits]
            if len(found) >= k or len(words) == 1:
                break
        return found

    def size(self):
        return dir_size(self.path)


class PlainWhooshEngine:
    name = "plain Whoosh"

    def __init__(self, workdir):
        self.path = Path(workdir) / "plain-whoosh"

    def build(self, articles):
        import shutil

        from whoosh import index
        from whoosh.analysis import CharsetFilter, StandardAnalyzer
        from whoosh.fields import ID, TEXT, Schema
        from whoosh.qparser import MultifieldParser, OrGroup
        from whoosh.support.charset import accent_map

        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        analyzer = StandardAnalyzer() | CharsetFilter(accent_map)
        schema = Schema(
            id=ID(stored=True, unique=True),
            title=TEXT(analyzer=analyzer),
            body=TEXT(analyzer=analyzer),
        )
        ix = index.create_in(str(self.path), schema)
        writer = ix.writer(limitmb=256)
        for a in articles:
            writer.add_document(id=a["id"], title=a["title"], body=a["body"])
        writer.commit()
        self.searcher = ix.searcher()
        self.parser = MultifieldParser(
            ["title", "body"],
            schema,
            fieldboosts={"title": 3.0},
            group=OrGroup,
        )

    def search(self, query, k=PAGE):
        words = query_words(query)
        if not words:
            return []
        hits = self.searcher.search(self.parser.parse(" ".join(words)), limit=k)
        return [hit["id"] for hit in hits]

    def size(self):
        return dir_size(self.path)


class OurEngine:
    name = "ours"

    def __init__(self, workdir, jobs=None):
        self.path = Path(workdir) / "ours"
        self.jobs = jobs
        self.engine = None

    def build(self, articles, full=True):
        """Index ``articles`` (a path to a .jsonl source, or an iterable of dicts)."""
        from search_app.indexer import reindex

        source = articles if isinstance(articles, (str, Path)) else self._write(articles)
        summary = reindex(self.path, [source], full=full, jobs=self.jobs)
        self.open()
        return summary

    def open(self):
        from search_app.search import SearchEngine

        self.engine = SearchEngine(self.path)

    def _write(self, articles):
        import json

        source = self.path.with_suffix(".jsonl")
        source.parent.mkdir(parents=True, exist_ok=True)
        with open(source, "w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps(a, ensure_ascii=False) + "\n")
        return source

    def search(self, query, k=PAGE):
        result = self.engine.search(query, per_page=k)
        return [hit.id for hit in result.results]

    def size(self):
        from search_app.store import IndexStore

        store = IndexStore(self.path)
        return dir_size(store.path / "generations" / store.current_name())


PEERS = (Fts5Engine, TantivyEngine, PlainWhooshEngine)
