"""Ingest a batch: read every input, skip what cannot be read (with the reason), clean and
extract each new article, and write it to the store in a transaction of its own.

A crash or Ctrl-C between two documents leaves every committed document in place; the next
run finds them by content hash and resumes with the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from parley.ingest.meta import apply_sidecar
from parley.ingest.readers import RawArticle
from parley.ingest.sources import DEFAULT_MAX_BYTES, Skip, iter_articles
from parley.errors import ParleyError
from parley.models import Document, content_hash
from parley.pipeline import Extraction, prepare
from parley.store import Store


@dataclass
class Summary:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    linked: list[tuple[str, str]] = field(default_factory=list)  # near-duplicate pairs found
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        """True when at least one input is now in the store (added or already there)."""
        return bool(self.added or self.unchanged)


Progress = Callable[[str, str], None]  # (source, outcome) after each input


def find_near_duplicates(store: Store, doc: Document) -> tuple[list[int], list[str], list[tuple[str, float]]]:
    """MinHash signature, LSH bands and the stored documents this one nearly duplicates."""
    from parley.clean.syndication import band_keys, is_syndicated, signature, similarity

    sig = signature(doc.text, doc.noise)
    bands = band_keys(sig)
    links = []
    for other, other_sig in sorted(store.minhashes(store.candidates(bands)).items()):
        if other != doc.id and is_syndicated(sig, other_sig):
            links.append((other, round(similarity(sig, other_sig), 3)))
    return sig, bands, links


def ingest(
    inputs: list[str],
    store: Store,
    *,
    sidecar: dict | None = None,
    extraction: Extraction | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    client: httpx.Client | None = None,
    progress: Progress | None = None,
) -> Summary:
    summary = Summary()
    extraction = extraction if extraction is not None else Extraction()
    try:
        for item in iter_articles(inputs, max_bytes=max_bytes, client=client):
            if isinstance(item, Skip):
                summary.skipped.append(item)
                store.record_skip(item.source, item.reason)
                outcome = "skipped"
            else:
                outcome = _ingest_one(item, store, sidecar or {}, extraction, summary)
            if progress:
                progress(item.source, outcome)
    except KeyboardInterrupt:
        summary.interrupted = True
    if summary.added:
        from parley.resolve import update

        update(store, summary.added)
    return summary


def _ingest_one(raw: RawArticle, store: Store, sidecar: dict, extraction: Extraction, summary: Summary) -> str:
    apply_sidecar(raw, sidecar)
    if store.find_hash(content_hash(raw.text)) is not None:
        summary.unchanged.append(raw.source)
        return "unchanged"
    try:
        doc = prepare(raw)
        records, cues = extraction.run(doc)
    except (ParleyError, KeyboardInterrupt):
        raise
    except Exception as e:  # a defect in one article's processing must not stop the batch
        reason = f"processing failed ({e.__class__.__name__}: {str(e).splitlines()[0] if str(e) else ''})"
        summary.skipped.append(Skip(raw.source, reason))
        store.record_skip(raw.source, reason)
        return "skipped"
    sig, bands, links = find_near_duplicates(store, doc)
    doc.duplicate_of = [o for o, _ in links]
    store.add_document(doc, records, kind_cues=cues, minhash=sig, bands=bands, links=links,
                       extracted_with=extraction.signature)
    summary.added.append(doc.id)
    summary.linked.extend((doc.id, o) for o, _ in links)
    return "added"
