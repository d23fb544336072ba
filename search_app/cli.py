"""The ``search-app`` command: reindex, search, check, stats, serve.

Exit codes: 0 success; 1 an error, nothing changed; 2 a usage error;
3 reindex finished but skipped some files (listed with their reasons).
"""

import json
import sys
from pathlib import Path

import click

from .articles import Article
from .errors import SearchAppError
from .indexer import reindex as reindex_sources
from .search import SearchEngine
from .store import IndexStore, default_index_path

SAMPLE_DIR = Path(__file__).parent / "sample"
EXIT_SKIPPED = 3

index_option = click.option(
    "--index",
    "index_path",
    type=click.Path(file_okay=False, path_type=Path),
    default=default_index_path,
    show_default="$SEARCH_APP_INDEX or index/",
    help="Index directory.",
)


@click.group()
@click.version_option(package_name="search-app")
def main():
    """Full-text search over Vietnamese news articles."""


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@index_option
@click.option("--full", is_flag=True, help="Re-analyse every article, not only the changed ones.")
@click.option("--sample", is_flag=True, help="Index the sample corpus bundled with the package.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that analyse articles (default: one per core).",
)
def reindex(sources, index_path, full, sample, jobs):
    """Build or update the index from SOURCES.

    A SOURCE is a directory of .txt/.md articles (first line the title) or a
    .jsonl/.jsonl.gz file of {"id", "title", "body"} objects. Only articles
    that changed since the last run are re-analysed; articles whose source
    is gone are removed. The new index goes live atomically.

    Example: search-app reindex ../shared/corpus/seeds --index index/
    """
    sources = list(sources) + ([SAMPLE_DIR] if sample else [])
    if not sources:
        raise click.UsageError("give at least one SOURCE (or --sample)")
    summary = _run_reindex(index_path, sources, full, jobs)
    _print_summary(summary, index_path)
    if summary.skipped:
        sys.exit(EXIT_SKIPPED)


def _run_reindex(index_path, sources, full, jobs=None):
    from tqdm import tqdm

    with tqdm(unit=" articles", desc="indexing", disable=None, file=sys.stderr) as bar:

        def progress(item):
            if isinstance(item, Article):
                bar.update()

        try:
            return reindex_sources(index_path, sources, full=full, progress=progress, jobs=jobs)
        except SearchAppError as exc:
            raise click.ClickException(str(exc)) from None


def _print_summary(summary, index_path):
    click.echo(
        f"indexed {summary.indexed} articles into {index_path} "
        f"(added {summary.added}, updated {summary.updated}, unchanged {summary.unchanged}), "
        f"removed {summary.removed}, skipped {len(summary.skipped)} "
        f"in {summary.seconds:.1f}s; the index now holds {summary.documents} documents"
    )
    for origin, reason in summary.skipped:
        click.echo(f"skipped {origin}: {reason}", err=True)
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)


@main.command()
@click.argument("query")
@index_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON answer.")
def search(query, index_path, limit, as_json):
    """Search the index and print the best results.

    Example: search-app search "hoi nghi can bo" --limit 5
    """
    engine = SearchEngine(index_path)
    try:
        result = engine.search(query, page=1, per_page=limit)
    except SearchAppError as exc:
        raise click.ClickException(getattr(exc, "message", str(exc))) from None
    if as_json:
        from .web.markup import search_json

        click.echo(json.dumps(search_json(result), ensure_ascii=False, indent=2))
        return
    click.echo(f"{result.total} results ({result.took_ms:.0f} ms)")
    for rank, hit in enumerate(result.results, start=1):
        date = f" [{hit.date}]" if hit.date else ""
        click.echo(f"{rank:>2}. {hit.title}{date}  ({hit.id})")


@main.command()
@click.argument("log", type=click.File(encoding="utf-8"))
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000))
def stats(log, top):
    """Print the top queries, and those that found nothing, from an access LOG.

    The log is the server's JSON lines (the ACCESS_LOG setting, else stderr).

    Example: search-app stats /var/log/search-app/access.log --top 20
    """
    from collections import Counter

    searches, nothing, results = Counter(), Counter(), {}
    for line in log:
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # gunicorn's own lines share stderr
        if isinstance(entry, dict) and entry.get("total") is not None and entry.get("query"):
            query = " ".join(str(entry["query"]).split())
            searches[query] += 1
            results[query] = entry["total"]
            nothing[query] += entry["total"] == 0
    total, empty = sum(searches.values()), sum(nothing.values())
    click.echo(f"{total} searches, {empty} found nothing ({empty / total:.0%})" if total else "no searches")
    click.echo("\n| top queries | searches | results |\n|---|---|---|")
    for query, n in searches.most_common(top):
        click.echo(f"| {query} | {n} | {results[query]} |")
    click.echo("\n| queries that found nothing | searches |\n|---|---|")
    for query, n in (+nothing).most_common(top):
        click.echo(f"| {query} | {n} |")


@main.command()
@index_option
def check(index_path):
    """Verify every file of the live index generation against its manifest.

    Sizes and SHA-256 checksums; exits 1 naming the first damaged file.

    Example: search-app check --index index/
    """
    try:
        generation = IndexStore(index_path).current()
        manifest = generation.verify(checksums=True)
    except SearchAppError as exc:
        raise click.ClickException(str(exc)) from None
    files = manifest["files"].values()
    click.echo(
        f"ok: generation {generation.name}, {len(files)} files ({sum(f['size'] for f in files):,} bytes) "
        f"match their checksums; {manifest['documents']} documents"
    )


@main.command()
@index_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="gunicorn worker processes."
)
@click.option(
    "--sample", is_flag=True, help="Build the index from the bundled sample first if there is none."
)
def serve(index_path, host, port, workers, sample):
    """Serve the web UI and the JSON API with gunicorn.

    Example: search-app serve --sample --port 8000
    """
    if not IndexStore(index_path).exists():
        if not sample:
            raise click.ClickException(
                f"no index at {index_path}: run 'search-app reindex SOURCE --index {index_path}' "
                "or add --sample to index the bundled sample"
            )
        summary = _run_reindex(index_path, [SAMPLE_DIR], full=True)
        _print_summary(summary, index_path)
    _gunicorn(index_path, host, port, workers)


def _gunicorn(index_path, host, port, workers):
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            from .web.server import SETTINGS

            for name, value in SETTINGS.items():
                self.cfg.set(name, value)
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", None)  # the app logs each request as a JSON line

        def load(self):
            from .web.app import create_app

            return create_app({"INDEX_PATH": str(index_path)})

    click.echo(f"serving {index_path} on http://{host}:{port}/", err=True)
    Server().run()
