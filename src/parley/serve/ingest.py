"""Ingest through the API: one article's text, cleaned, extracted and stored in one transaction,
then the resolved records brought up to date (the same steps as ``parley ingest``)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from parley.errors import ParleyError
from parley.ingest.readers import RawArticle
from parley.ingest.run import find_near_duplicates
from parley.models import content_hash
from parley.pipeline import Extraction, prepare
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
    existing = store.find_hash(content_hash(raw.text))
    if existing is not None:
        return existing, False
    try:
        doc = prepare(raw)
        records, cues = extraction_for(app).run(doc)
    except ParleyError as e:
        raise ApiError(400, f"cannot ingest this article: {e}", "bad_input") from e
    sig, bands, links = find_near_duplicates(store, doc)
    doc.duplicate_of = [o for o, _ in links]
    store.add_document(doc, records, kind_cues=cues, minhash=sig, bands=bands, links=links,
                       extracted_with=extraction_for(app).signature)
    from parley.resolve import update

    update(store, [doc.id])
    return doc.id, True
