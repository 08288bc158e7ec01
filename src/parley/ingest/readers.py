"""Turn an input's bytes into text plus metadata: plain text, HTML, JSON and JSONL.

Each reader returns ``RawArticle`` objects or raises an ``InputError`` whose message is the
one-line skip reason. Plain text is kept exactly as decoded; HTML goes through trafilatura
(its extracted text is the document's text, its metadata fills title, authors, date, site).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from parley.errors import BinaryInput, EmptyInput, InputError, UndecodableInput

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

MIN_HTML_WORDS = 12  # fewer extracted words than this is a menu or a stub, not an article
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class RawArticle:
    """An article read from an input, before cleaning. ``key`` is what a sidecar is keyed by."""

    source: str
    text: str
    key: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def decode(data: bytes, what: str = "file") -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; refuse binary data."""
    if not data.strip():
        raise EmptyInput(f"empty {what}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise UndecodableInput(f"undecodable UTF-16 text at byte {e.start}") from e
    if b"\x00" in data[:8192]:
        raise BinaryInput(f"binary {what} (NUL bytes): not a text, HTML or JSON article")
    try:
        text = data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UndecodableInput(
            f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); re-save the {what} as UTF-8"
        ) from e
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise BinaryInput(f"binary {what} (control characters): not a text, HTML or JSON article")
    if not text.strip():
        raise EmptyInput(f"empty {what} (only white space)")
    return text


def read_text(data: bytes, source: str, key: str) -> list[RawArticle]:
    return [RawArticle(source=source, text=decode(data), key=key)]


def html_to_article(html: str, source: str, key: str, url: str | None = None) -> RawArticle:
    """Extract an article's text and metadata from an HTML page with trafilatura."""
    import trafilatura

    if not html.strip():
        raise EmptyInput("empty HTML page")
    try:
        text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                                   favor_recall=True, deduplicate=False)
        meta = trafilatura.extract_metadata(html, default_url=url)
    except (ValueError, TypeError, AttributeError) as e:  # lxml errors surface as these
        raise InputError(f"malformed HTML: {e.__class__.__name__}") from e
    words = len((text or "").split())
    if words < MIN_HTML_WORDS:
        raise EmptyInput(f"no article text found in the HTML page ({words} words: navigation or script only?)")
    article = RawArticle(source=source, text=text, key=key, url=url)
    if meta is not None:
        article.title = meta.title or None
        article.outlet = meta.sitename or None
        article.url = url or meta.url or None
        if meta.author:
            article.authors = [a.strip() for a in re.split(r";|\band\b", meta.author) if a.strip()]
        if meta.date and _ISO_DATE.match(meta.date):
            article.published = meta.date[:10]
    return article


def read_html(data: bytes, source: str, key: str, url: str | None = None) -> list[RawArticle]:
    return [html_to_article(decode(data, "HTML page"), source, key, url)]


def _article_from_object(obj: Any, source: str, key: str, where: str) -> RawArticle:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object with 'text' or 'html'")
    if isinstance(obj.get("text"), str) and obj["text"].strip():
        art = RawArticle(source=source, text=obj["text"], key=key)
    elif isinstance(obj.get("html"), str) and obj["html"].strip():
        art = html_to_article(obj["html"], source, key, obj.get("url"))
    else:
        raise EmptyInput(f"{where}: no non-empty 'text' or 'html' field")
    for name in ("title", "url", "outlet"):
        if isinstance(obj.get(name), str) and obj[name].strip():
            setattr(art, name, obj[name].strip())
    authors = obj.get("authors") or obj.get("author")
    if isinstance(authors, str):
        art.authors = [authors]
    elif isinstance(authors, list):
        art.authors = [str(a) for a in authors if str(a).strip()]
    published = obj.get("published") or obj.get("date")
    if isinstance(published, str) and _ISO_DATE.match(published):
        art.published = published[:10]
    return art


def read_json(data: bytes, source: str, key: str) -> list[RawArticle]:
    """A JSON object, or a list of objects, each with ``text`` or ``html`` plus metadata."""
    try:
        obj = json.loads(decode(data, "JSON file"))
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from e
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        raise EmptyInput("empty JSON list")
    if len(items) == 1:
        return [_article_from_object(items[0], source, key, "JSON")]
    return [_article_from_object(o, f"{source}#{i + 1}", f"{key}#{i + 1}", f"item {i + 1}")
            for i, o in enumerate(items)]


def read_jsonl(data: bytes, source: str, key: str) -> list[RawArticle | tuple[str, InputError]]:
    """One article per line; a bad line is ``(its source, the error)``, and the others go on."""
    out: list[RawArticle | tuple[str, InputError]] = []
    for n, line in enumerate(decode(data, "JSONL file").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            out.append(_article_from_object(obj, f"{source}#{n}", f"{key}#{n}", f"line {n}"))
        except json.JSONDecodeError as e:
            out.append((f"{source}#{n}", InputError(f"invalid JSON: {e.msg}")))
        except InputError as e:
            out.append((f"{source}#{n}", e))
    if not out:
        raise EmptyInput("empty JSONL file")
    return out
