"""The document's kind (report, analysis, opinion, transcript, statement) from its cues.

Cleaning already decides the kind (so documents stored without extraction have one); this
extractor only decides it for documents that come without cues, e.g. stored before kinds
were kept."""

from __future__ import annotations

from parley.clean.kind import classify_kind
from parley.extract.registry import Context, extractor
from parley.models import Record


@extractor("kind.rules.v1", produces=("document.kind",), requires=("noise",), order=0)
def document_kind(ctx: Context) -> list[Record]:
    """Document kind from cue rules (bio, disclaimer, dateline, Q&A turns, first person)."""
    if not ctx.document.kind_cues:
        ctx.document.kind, ctx.document.kind_cues = classify_kind(ctx.text, ctx.document.noise)
    ctx.kind_cues = ctx.document.kind_cues
    return []
