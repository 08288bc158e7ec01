"""Ingest a batch: read every input, skip what cannot be read (with the reason), clean and
extract each new article, and write it to the store in a transaction of its own.

A crash or Ctrl-C between two documents leaves every committed document in place; the next
run finds them by content hash and resumes with the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from parley.errors import ParleyError
from parley.ingest.meta import apply_sidecar
from parley.ingest.readers import RawArticle
from parley.ingest.sources import DEFAULT_MAX_BYTES, Skip, iter_articles
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
    from parley.clean.syndication import SYNDICATION_THRESHOLD, band_keys, signature, similarity

    sig = signature(doc.text, doc.noise)
    bands = band_keys(sig)
    links = []
    for other, other_sig in sorted(store.minhashes(store.candidates(bands)).items()):
        sim = similarity(sig, other_sig) if other != doc.id else 0.0
        if sim >= SYNDICATION_THRESHOLD:
            links.append((other, round(sim, 3)))
    return sig, bands, links


def ingest(
    inputs: list[str],
    store: Store,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    client: httpx.Client | None = None,
    **options: Any,
) -> Summary:
    """Ingest every input (paths, folders, URLs, feeds) into ``store``; see ``ingest_articles``."""
    return ingest_articles(iter_articles(inputs, max_bytes=max_bytes, client=client), store, **options)


def ingest_articles(
    items: Iterable[RawArticle | Skip],
    store: Store,
    *,
    sidecar: dict | None = None,
    extraction: Extraction | None = None,
    progress: Progress | None = None,
    workers: int = 0,
    scheduler: str | None = None,
) -> Summary:
    """Store the articles not stored yet, each in its own transaction, then resolve.

    With ``workers`` (a local Dask cluster of that many processes) or ``scheduler`` (the address
    of a running Dask cluster), cleaning and extraction are mapped over the cluster while this
    process writes the store."""
    summary = Summary()
    extraction = extraction if extraction is not None else Extraction()
    new = _new_articles(iter(items), store, sidecar or {}, summary, progress)
    try:
        if workers or scheduler:
            from parley.ingest.distributed import process_on_cluster

            results = process_on_cluster(new, extraction.names, workers=workers, scheduler=scheduler)
        else:
            results = _in_batches(new, extraction)
        for result in results:
            outcome = _store_result(result, store, extraction, summary)
            if progress:
                progress(result.source, outcome)
    except KeyboardInterrupt:
        summary.interrupted = True
    if summary.added:
        from parley.resolve import update

        update(store, summary.added)
    return summary


@dataclass
class Processed:
    """One article through the pure stages: cleaned document, its records, its kind cues."""

    source: str
    doc: Document
    records: list
    cues: list[str]


BATCH = 8  # articles parsed together: nlp.pipe is about a fifth faster than one call each


def process_article(raw: RawArticle, extraction: Extraction) -> Processed | Skip:
    """Clean and extract one article; a defect in one article becomes its skip reason, so a batch
    never stops on it (a missing model or another ParleyError still stops the batch)."""
    return process_articles([raw], extraction)[0]


def process_articles(raws: list[RawArticle], extraction: Extraction) -> list[Processed | Skip]:
    """``process_article`` for several articles, parsed in one batch."""
    prepared: list[Document | Skip] = []
    for raw in raws:
        try:
            prepared.append(prepare(raw))
        except ParleyError:
            raise
        except Exception as e:  # noqa: BLE001 - reported as the article's skip reason
            prepared.append(Skip(raw.source, _failure(e)))
    docs = [d for d in prepared if isinstance(d, Document)]
    try:
        parses = extraction.parse_many(docs)
    except ParleyError:
        raise
    except Exception:  # noqa: BLE001 - one bad article spoils a batch: parse them one by one
        parses = [None] * len(docs)
    parsed = dict(zip((id(d) for d in docs), parses, strict=True))
    return [d if isinstance(d, Skip) else process_extraction(d, extraction, raw.source, parsed[id(d)])
            for raw, d in zip(raws, prepared, strict=True)]


def _in_batches(items: Iterator[RawArticle | Skip], extraction: Extraction) -> Iterator[Processed | Skip]:
    """Results in input order, articles processed ``BATCH`` at a time."""
    batch: list[RawArticle | Skip] = []

    def flush() -> Iterator[Processed | Skip]:
        done = iter(process_articles([x for x in batch if isinstance(x, RawArticle)], extraction))
        yield from (next(done) if isinstance(x, RawArticle) else x for x in batch)

    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield from flush()
            batch = []
    yield from flush()


def process_extraction(doc: Document, extraction: Extraction, source: str | None = None,
                       parsed: Any = None) -> Processed | Skip:
    """Extract one cleaned document; a defect becomes a skip reason (see ``process_article``)."""
    try:
        records, cues = extraction.run(doc, parsed)
    except ParleyError:
        raise
    except Exception as e:  # noqa: BLE001 - reported as the article's skip reason
        return Skip(source or doc.source, _failure(e))
    return Processed(source or doc.source, doc, records, cues)


def _failure(e: Exception) -> str:
    detail = str(e).splitlines()[0] if str(e) else ""
    return f"processing failed ({e.__class__.__name__}: {detail})"


def _new_articles(items: Iterator[RawArticle | Skip], store: Store, sidecar: dict, summary: Summary,
                  progress: Progress | None) -> Iterator[RawArticle | Skip]:
    """Articles not yet in the store (by content hash; also once per batch), and the skips."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, RawArticle):
            apply_sidecar(item, sidecar)
            h = content_hash(item.text)
            if h in seen or store.find_hash(h) is not None:
                summary.unchanged.append(item.source)
                if progress:
                    progress(item.source, "unchanged")
                continue
            seen.add(h)
        yield item


def _store_result(result: Processed | Skip, store: Store, extraction: Extraction, summary: Summary) -> str:
    if isinstance(result, Skip):
        summary.skipped.append(result)
        store.record_skip(result.source, result.reason)
        return "skipped"
    doc = result.doc
    sig, bands, links = find_near_duplicates(store, doc)
    doc.duplicate_of = [o for o, _ in links]
    store.add_document(doc, result.records, kind_cues=result.cues, minhash=sig, bands=bands, links=links,
                       extracted_with=extraction.signature)
    summary.added.append(doc.id)
    summary.linked.extend((doc.id, o) for o, _ in links)
    return "added"
