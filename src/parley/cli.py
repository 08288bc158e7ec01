"""The ``parley`` command line: data to stdout, messages and progress to stderr.

Exit codes: 0 success, 1 failure (nothing could be done), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from parley import __version__
from parley.errors import ParleyError
from parley.export import FORMATS as EXPORT_FORMATS

err = Console(stderr=True, highlight=False)
DB_HELP = "Store: a SQLite file or a database URL (default: $PARLEY_DB, else ./parley.db)."


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn Parley's errors into one line on stderr and exit code 1, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ParleyError as e:
            click.echo(f"Error: {e}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper


def open_store(db: str | None, *, create: bool = False):  # type: ignore[no-untyped-def]
    from parley.store import Store

    return Store.open(db, create=create)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="parley")
def main() -> None:
    """Parley: a structured, sourced record of a negotiation, built from the news.

    \b
    Typical session:
      parley ingest articles/ --meta articles.meta.json
      parley ls
      parley export --format json -o record.json
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--meta", "meta_path", default=None, type=click.Path(dir_okay=False),
              help="JSON sidecar mapping file names (or URLs) to {published, title, outlet, url, authors}.")
@click.option("--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(1),
              help="Refuse inputs larger than this.")
@click.option("--no-extract", is_flag=True, help="Store and clean documents only; run no extractor.")
@click.option("--workers", default=0, type=click.IntRange(0, 256),
              help="Clean and extract on a local Dask cluster of this many processes (needs parley[dask]).")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler to extract on.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; the summary only.")
@handle_errors
def ingest(inputs: tuple[str, ...], db: str | None, meta_path: str | None, max_bytes: int,
           no_extract: bool, workers: int, scheduler: str | None, quiet: bool) -> None:
    """Ingest articles: .txt, .html, .json, .jsonl files, folders (recursive), URLs and RSS/Atom feeds.

    Each new article is cleaned, extracted and stored in a transaction of its own; an article
    already in the store (same text) is left unchanged; an input that cannot be read is skipped
    with a reason. Exits 1 when no input ended up in the store.

    \b
    Examples:
      parley ingest demo/corpus --meta demo/demo.meta.json
      parley ingest https://example.org/news/article.html --db news.db
      parley ingest feed.xml notes.jsonl
      parley ingest archive/ --workers 2
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from parley.ingest.meta import load_sidecar
    from parley.ingest.run import ingest as run_ingest
    from parley.pipeline import Extraction

    sidecar = load_sidecar(meta_path)
    extraction = Extraction(names=[]) if no_extract else Extraction()
    with open_store(db, create=True) as store:
        show = not quiet and err.is_terminal
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.description}"), console=err, transient=True, disable=not show) as bar:
            task = bar.add_task("", total=None)

            def tick(source: str, outcome: str) -> None:
                bar.update(task, advance=1, description=f"{outcome}: {Path(source).name[:40]}")

            summary = run_ingest(list(inputs), store, sidecar=sidecar, extraction=extraction,
                                 max_bytes=max_bytes, progress=tick, workers=workers, scheduler=scheduler)
    for s in summary.skipped:
        click.echo(f"skipped {s.source}: {s.reason}", err=True)
    line = (f"{len(summary.added)} added, {len(summary.unchanged)} unchanged, "
            f"{len(summary.skipped)} skipped")
    if summary.linked:
        line += f", {len(summary.linked)} near-duplicate link(s)"
    click.echo(line + f" (store: {store.target})", err=True)
    if summary.interrupted:
        click.echo("interrupted: every document listed as added is committed; run again to resume", err=True)
        sys.exit(130)
    if not summary.ok:
        sys.exit(1)


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True)
@click.option("-o", "--output", default=None,
              help="File to write (json/jsonl; default stdout), or a folder or .zip for csv.")
@handle_errors
def export(db: str | None, fmt: str, output: str | None) -> None:
    """Export everything as the record contract (spec/EXPORT.md).

    \b
    Examples:
      parley export --format json -o record.json
      parley export --format jsonl | head
      parley export --format csv -o record.zip
    """
    from parley import export as ex

    with open_store(db) as store:
        if fmt == "csv":
            if not output:
                raise click.UsageError("--format csv needs -o FOLDER or -o FILE.zip")
            names = ex.write_csv(store, Path(output))
            click.echo(f"wrote {len(names)} CSV files to {output}", err=True)
            return
        writer = ex.write_json if fmt == "json" else ex.write_jsonl
        if output:
            tmp = Path(output + ".part")
            with tmp.open("w", encoding="utf-8") as fh:
                writer(store, fh)
            tmp.replace(output)
            click.echo(f"wrote {output}", err=True)
        else:
            writer(store, sys.stdout)


@main.command("ls")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--limit", default=None, type=click.IntRange(1), help="At most this many documents.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@handle_errors
def ls_cmd(db: str | None, limit: int | None, as_json: bool) -> None:
    """List documents: id, date, outlet, title, kind, noise share.

    \b
    Example:
      parley ls --limit 20
    """
    with open_store(db) as store:
        rows = store.list_documents(limit=limit)
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    if not rows:
        click.echo("no documents yet: 'parley ingest PATH_OR_URL...' adds some", err=True)
        return
    from rich.table import Table

    table = Table("id", "date", "outlet", "title", "kind", "lang", "noise")
    for r in rows:
        date = (r["published"] or "—") + ("*" if r["published_inferred"] else "")
        title = r["title"] or Path(r["source"]).name
        table.add_row(r["id"], date, r["outlet"] or "—", title[:60], r["kind"], r["language"] or "?",
                      f"{r['noise_share']:.0%}")
    Console(highlight=False).print(table)
    if any(r["published_inferred"] for r in rows):
        click.echo("* date inferred from the text", err=True)


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def stats(db: str | None, as_json: bool) -> None:
    """Counts: documents, languages, kinds, near-duplicates, records by type.

    \b
    Example:
      parley stats --json
    """
    with open_store(db) as store:
        s = store.stats()
    if as_json:
        click.echo(json.dumps(s, indent=1, ensure_ascii=False))
        return
    click.echo(f"store           {s['store']} (schema v{s['schema_version']})")
    click.echo(f"documents       {s['documents']} ({s['characters']:,} characters)")
    click.echo(f"published       {s['published_range'][0] or '—'} … {s['published_range'][1] or '—'}")
    click.echo("languages       " + ", ".join(f"{k} {v}" for k, v in sorted(s["languages"].items())))
    click.echo("kinds           " + ", ".join(f"{k} {v}" for k, v in sorted(s["kinds"].items())))
    click.echo(f"near-duplicates {s['near_duplicate_pairs']} pair(s)")
    click.echo(f"skips recorded  {s['skips_recorded']}")
    for kind in ("actors", "events", "statements", "proposals", "deadlines", "positions", "claims", "predictions"):
        click.echo(f"{kind:15} {s['records'].get(kind, 0)} ({s['mentions'].get(kind, 0)} in documents)")


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--extractor", "names", multiple=True,
              help="Run only these extractors (repeatable; default: all built-ins). See 'parley extractors'.")
@handle_errors
def extract(db: str | None, names: tuple[str, ...]) -> None:
    """Re-run extraction on every stored document (after an extractor changed), then re-resolve.

    \b
    Example:
      parley extract
    """
    from parley.ingest.run import Processed, process_extraction
    from parley.pipeline import Extraction
    from parley.resolve import rebuild

    extraction = Extraction(names=list(names)) if names else Extraction()
    n = failed = 0
    with open_store(db) as store:
        for doc in store.iter_documents():
            result = process_extraction(doc, extraction)
            if not isinstance(result, Processed):
                click.echo(f"kept the old records of {doc.id}: {result.reason}", err=True)
                failed += 1
                continue
            store.replace_mentions(doc.id, result.records, kind=doc.kind, kind_cues=result.cues,
                                   extracted_with=extraction.signature)
            n += 1
        rebuild(store)
    click.echo(f"re-extracted {n} document(s) with {extraction.signature or 'no extractor'}"
               + (f"; {failed} failed" if failed else ""), err=True)


@main.command()
@handle_errors
def extractors() -> None:
    """List the registered extractors, what they need and what they produce."""
    from parley.extract.registry import all_specs, default_names

    default = default_names()
    for spec in all_specs():
        mark = "*" if spec.name in default else " "
        click.echo(f"{mark} {spec.name:28} produces {','.join(spec.produces):22} "
                   f"requires {','.join(spec.requires) or '-':12} {spec.description}")
    click.echo("* runs by default", err=True)


@main.command()
@click.argument("doc_id")
@click.option("--db", default=None, help=DB_HELP)
@handle_errors
def show(doc_id: str, db: str | None) -> None:
    """Print a document's records with their evidence highlighted in the text.

    \b
    Example:
      parley show doc_1a2b3c4d5e6f
    """
    from parley.show import render_document

    with open_store(db) as store:
        doc = store.get_document(doc_id)
        if doc is None:
            raise ParleyError(f"no document {doc_id!r}: 'parley ls' lists the ids")
        records = store.records_for_document(doc_id)
    render_document(Console(highlight=False), doc, records)


@main.command()
@click.argument("query")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500))
@handle_errors
def search(query: str, db: str | None, limit: int) -> None:
    """Full-text search over documents and statements.

    \b
    Example:
      parley search "ceasefire proposal"
    """
    with open_store(db) as store:
        hits = store.search(query, limit=limit)
    for h in hits["documents"]:
        click.echo(f"{h['id']}  {h['published'] or '—'}  {h['title'] or ''}\n    {h['snippet']}")
    for s in hits["statements"]:
        click.echo(f"{s['id']}  “{s.get('quote', '')}”")
    if not hits["documents"] and not hits["statements"]:
        click.echo("no match", err=True)


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--actor", default=None, help="Only events with this participant (name or alias).")
@click.option("--type", "type_", default=None, help="Only this event type (meeting, call, summit...).")
@click.option("--since", default=None, help="Only events on or after this ISO date.")
@click.option("--until", default=None, help="Only events on or before this ISO date.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def timeline(db: str | None, actor: str | None, type_: str | None, since: str | None, until: str | None,
             fmt: str) -> None:
    """Events in date order (undated last) with status, place, participants and sources.

    \b
    Examples:
      parley timeline --since 2026-03-01 --type meeting
      parley timeline --actor Lindqvist --format json
    """
    from parley.resolve.timeline import render_table
    from parley.resolve.timeline import timeline as build

    with open_store(db) as store:
        items = build(store, actor=actor, type=type_, since=_iso(since, "--since"), until=_iso(until, "--until"))
    if fmt == "json":
        click.echo(json.dumps(items, indent=1, ensure_ascii=False))
    else:
        render_table(Console(highlight=False), items)


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--since", default=None, help="Only what happened or was said on or after this ISO date.")
@click.option("--about", default=None, help="Only what concerns this actor, place or term.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--output", default=None, help="File to write (default stdout).")
@handle_errors
def brief(db: str | None, since: str | None, about: str | None, fmt: str, output: str | None) -> None:
    """A one-page briefing where every sentence cites its sources [n].

    \b
    Examples:
      parley brief
      parley brief --since 2026-03-01 --about ceasefire --format html -o brief.html
    """
    from parley.brief import build_brief

    with open_store(db) as store:
        b = build_brief(store, since=_iso(since, "--since"), about=about)
    body = b.to_html() if fmt == "html" else b.to_markdown()
    if output:
        Path(output).write_text(body, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(body)


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (localhost by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--write-token", envvar="PARLEY_WRITE_TOKEN", default=None,
              help="Enable ingest through the API for requests bearing this token ($PARLEY_WRITE_TOKEN).")
@handle_errors
def serve(db: str | None, host: str, port: int, write_token: str | None) -> None:
    """Serve the web dashboard and the JSON API (docs at /docs).

    \b
    Example:
      parley serve --db parley.db --port 8000
    """
    from parley.serve import run
    from parley.store import resolve_target

    open_store(db).close()  # a clear error now rather than on the first request
    run(resolve_target(db), host=host, port=port, write_token=write_token)


def _iso(value: str | None, option: str) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=option) from None


if __name__ == "__main__":
    main()
