"""Ingest through the API: one article's text goes through the same path as ``parley ingest``
(clean, extract, store in one transaction, resolve)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from parley.errors import ParleyError
from parley.ingest.readers import RawArticle
from parley.ingest.run import ingest_articles
from parley.models import content_hash
from parley.pipeline import Extraction
from parley.serve.errors import ApiError


def extraction_for(app: FastAPI) -> Extraction:
    """The extraction the app runs on new articles (built once, on first use: it may load a model)."""
    if getattr(app.state, "extraction", None) is None:
        app.state.extraction = Extraction()
    return app.state.extraction


def ingest_text(app: FastAPI, article: dict[str, Any]) -> tuple[str, bool]:
    """Add one article; returns its document id and whether it was new."""
    store = app.state.store
    source = article.get("source") or article.get("url") or "api"
    raw = RawArticle(source=source, text=article["text"], key=source, title=article.get("title"),
                     url=article.get("url"), outlet=article.get("outlet"), authors=list(article.get("authors") or []),
                     published=article["published"].isoformat() if article.get("published") else None)
    try:
        summary = ingest_articles([raw], store, extraction=extraction_for(app))
    except ParleyError as e:
        raise ApiError(400, f"cannot ingest this article: {e}", "bad_input") from e
    if summary.skipped:
        raise ApiError(400, f"cannot ingest this article: {summary.skipped[0].reason}", "bad_input")
    doc_id = store.find_hash(content_hash(raw.text))
    return doc_id, bool(summary.added)
