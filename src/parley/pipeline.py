"""The stages in order: an article read from an input becomes a cleaned ``Document`` and then
the records extracted from it.

    prepare(raw)        clean (noise), language, publication date      -> Document
    Extraction.run(doc) parse (spaCy), time mentions, extractors        -> records

Both are pure functions of their input (plus the loaded model), so one article can be
processed in a unit test and a batch can be mapped over workers; storing and resolving
happen elsewhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.clean import classify_kind, find_noise
from parley.clean.syndication import body_text
from parley.extract import registry
from parley.extract.registry import Context
from parley.ingest.readers import RawArticle
from parley.lang import detect_language
from parley.models import Document, Record, content_hash

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTRACTABLE_LANGUAGES = {"en", None}  # None: too short to tell; try


def document_id(text_hash: str) -> str:
    return f"doc_{text_hash[:12]}"


def prepare(raw: RawArticle) -> Document:
    """Clean an article: noise spans, kind, language, and the publication date (inferred if absent)."""
    from parley.time import infer_published

    h = content_hash(raw.text)
    doc = Document(
        id=document_id(h), source=raw.source, text=raw.text, title=raw.title, url=raw.url,
        outlet=raw.outlet, authors=list(raw.authors), published=raw.published, hash=h,
    )
    doc.noise = find_noise(doc.text, title=doc.title, authors=doc.authors)
    doc.kind, doc.kind_cues = classify_kind(doc.text, doc.noise)
    doc.language = detect_language(body_text(doc.text, doc.noise))
    if doc.published is None:
        inferred = infer_published(doc.text)
        if inferred is not None:
            doc.published = inferred.isoformat()
            doc.published_inferred = True
    return doc


@dataclass
class Extraction:
    """Runs the extractors named (default: the built-in order) on documents."""

    names: list[str] = field(default_factory=registry.default_names)

    def __post_init__(self) -> None:
        self.specs = [registry.get(n) for n in self.names]
        self._nlp = None

    @property
    def signature(self) -> str:
        return ",".join(self.names)

    @property
    def needs_nlp(self) -> bool:
        return any("nlp" in s.requires for s in self.specs)

    def nlp(self):  # type: ignore[no-untyped-def]
        if self._nlp is None:
            from parley.nlp import load

            self._nlp = load()
        return self._nlp

    def parse_many(self, documents: list[Document]) -> list[Doc | None]:
        """The spaCy parses of the documents that will be extracted, in one ``nlp.pipe`` call
        (batching is faster than one call per document); None for the others."""
        wanted = [d for d in documents if self.needs_nlp and d.language in EXTRACTABLE_LANGUAGES]
        parsed = dict(zip((id(d) for d in wanted), self.nlp().pipe(d.text for d in wanted), strict=True)) \
            if wanted else {}
        return [parsed.get(id(d)) for d in documents]

    def run(self, document: Document, parsed: Doc | None = None) -> tuple[list[Record], list[str]]:
        """The records of one document and the cues behind its kind (``parsed``: its spaCy
        parse, when already made). Non-English text is not extracted (it keeps the kind
        cleaning gave it)."""
        if document.language not in EXTRACTABLE_LANGUAGES:
            return [], document.kind_cues
        ctx = Context(document=document)
        if self.needs_nlp:
            ctx.doc = parsed if parsed is not None else self.nlp()(document.text)
        if any("time" in s.requires for s in self.specs):
            from parley.time import find_times

            ref = dt.date.fromisoformat(document.published) if document.published else None
            ctx.times = find_times(document.text, ref)
        out: list[Record] = []
        for spec in self.specs:
            records = spec.func(ctx)
            for r in records:
                _check_evidence(document, r, spec.name)
            ctx.add(records)
            out.extend(records)
        return out, ctx.kind_cues or document.kind_cues


def _check_evidence(document: Document, record: Record, extractor: str) -> None:
    """A record without valid evidence is a defect: fail loudly in the extractor that made it."""
    if not record.evidence:
        raise ValueError(f"{extractor} produced {record.kind} {record.id} without evidence")
    for e in record.evidence:
        if e.doc != document.id or document.text[e.start:e.end] != e.quote:
            raise ValueError(f"{extractor} produced {record.kind} {record.id} with a span that is not the text")
