"""The document's kind (report, analysis, opinion, transcript, statement) from its cues."""

from __future__ import annotations

from parley.clean.kind import classify_kind
from parley.extract.registry import Context, extractor
from parley.models import Record


@extractor("kind.rules.v1", produces=("document.kind",), requires=("noise",), order=0)
def document_kind(ctx: Context) -> list[Record]:
    """Document kind from cue rules (bio, disclaimer, dateline, Q&A turns, first person)."""
    kind, cues = classify_kind(ctx.text, ctx.document.noise)
    ctx.document.kind, ctx.document.kind_cues = kind, cues
    ctx.kind_cues = cues
    return []
