"""Expand what the user named (files, folders, URLs, feeds) into articles or skips.

``iter_articles`` yields ``RawArticle`` objects and ``Skip`` reasons in input order; nothing
here touches the store, so a bad input never leaves anything half-written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from parley.errors import InputError, TooLarge, UnreadableInput
from parley.ingest import readers
from parley.ingest.fetch import fetch, make_client
from parley.ingest.readers import RawArticle

DEFAULT_MAX_BYTES = 5_000_000


@dataclass
class Skip:
    source: str
    reason: str


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def iter_articles(
    inputs: list[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    client: httpx.Client | None = None,
) -> Iterator[RawArticle | Skip]:
    own_client = None
    try:
        for item in inputs:
            if is_url(item):
                if client is None:
                    client = own_client = make_client()
                yield from _from_url(client, item, max_bytes)
            else:
                yield from _from_path(item, max_bytes, client)
    finally:
        if own_client is not None:
            own_client.close()


def list_files(folder: Path) -> list[Path]:
    """Supported files under a folder, recursively, in a stable order; hidden files and sidecars
    (``*.meta.json``) are left out."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith(".meta.json"):
                continue
            if Path(name).suffix.lower() in readers.SUPPORTED:
                out.append(Path(root) / name)
    return out


def _from_path(item: str, max_bytes: int, client: httpx.Client | None) -> Iterator[RawArticle | Skip]:
    path = Path(item)
    if path.is_dir():
        files = list_files(path)
        if not files:
            yield Skip(item, "folder holds no .txt, .html, .json, .jsonl or feed files")
        for f in files:
            yield from _from_file(f, max_bytes, client)
    elif path.exists():
        yield from _from_file(path, max_bytes, client)
    else:
        yield Skip(item, "no such file or folder")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"{size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except PermissionError as e:
        raise UnreadableInput("permission denied") from e
    except IsADirectoryError as e:
        raise UnreadableInput("is a directory") from e
    except OSError as e:
        raise UnreadableInput(f"cannot read: {e.strerror or e}") from e


def _from_file(path: Path, max_bytes: int, client: httpx.Client | None) -> Iterator[RawArticle | Skip]:
    source, key = str(path), path.name
    suffix = path.suffix.lower()
    try:
        data = _read_bytes(path, max_bytes)
        if suffix in readers.HTML_SUFFIXES:
            yield from readers.read_html(data, source, key)
        elif suffix in readers.JSON_SUFFIXES:
            yield from readers.read_json(data, source, key)
        elif suffix in readers.JSONL_SUFFIXES:
            for a in readers.read_jsonl(data, source, key):
                yield Skip(a[0], str(a[1])) if isinstance(a, tuple) else a
        elif suffix in readers.FEED_SUFFIXES:
            yield from _from_feed(data, source, max_bytes, client)
        else:
            text = readers.decode(data)
            if text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
                yield readers.html_to_article(text, source, key)
            else:
                yield RawArticle(source=source, text=text, key=key)
    except InputError as e:
        yield Skip(source, str(e))


def _from_url(client: httpx.Client, url: str, max_bytes: int) -> Iterator[RawArticle | Skip]:
    try:
        got = fetch(client, url, max_bytes=max_bytes)
        if got.kind == "html":
            yield readers.html_to_article(readers.decode(got.body, "HTML page"), url, url, got.url)
        elif got.kind == "text":
            yield RawArticle(source=url, text=readers.decode(got.body, "page"), key=url, url=got.url)
        elif got.kind == "feed":
            yield from _from_feed(got.body, url, max_bytes, client)
        elif got.kind == "json":
            yield from readers.read_json(got.body, url, url)
        else:
            yield Skip(url, f"not an article: content type {got.content_type or 'unknown'}")
    except InputError as e:
        yield Skip(url, str(e))


MIN_FEED_CONTENT = 600  # characters of text under which a feed item is a teaser: fetch its link


def _from_feed(data: bytes, source: str, max_bytes: int, client: httpx.Client | None
               ) -> Iterator[RawArticle | Skip]:
    """Each item of an RSS/Atom feed: by its content when the feed carries the article, else by URL."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = "not a feed, or a feed with no items"
        if parsed.get("bozo_exception") is not None:
            reason += f" ({parsed.bozo_exception.__class__.__name__})"
        yield Skip(source, reason)
        return
    for n, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        where = link or f"{source}#{n}"
        content = ""
        if entry.get("content"):
            content = entry.content[0].get("value", "")
        content = content or entry.get("summary", "")
        published = None
        if entry.get("published_parsed"):
            p = entry.published_parsed
            published = f"{p.tm_year:04d}-{p.tm_mon:02d}-{p.tm_mday:02d}"
        try:
            article: RawArticle | None = None
            if content and len(content) >= MIN_FEED_CONTENT:
                article = readers.html_to_article(f"<html><body><article>{content}</article></body></html>",
                                                  where, where, link)
            elif link and is_url(link):
                if client is None:
                    client = make_client()
                yield from _with_feed_meta(_from_url(client, link, max_bytes), entry, published)
                continue
            else:
                raise InputError("feed item has neither article content nor a link")
            yield from _with_feed_meta(iter([article]), entry, published)
        except InputError as e:
            yield Skip(where, str(e))


def _with_feed_meta(items: Iterator[RawArticle | Skip], entry: dict, published: str | None
                    ) -> Iterator[RawArticle | Skip]:
    for a in items:
        if isinstance(a, RawArticle):
            a.title = a.title or entry.get("title")
            a.published = a.published or published
            if not a.authors and entry.get("author"):
                a.authors = [entry["author"]]
        yield a
