"""Builds an extraction ``Context`` from a hand-written fixture case, so that the rule-based
extractors are tested without the language model or the actor extractor.

A case is ``{"text", "published", "actors": [[name, type, [aliases]]], "expect": [...]}``.
Actors become ``Actor`` records whose evidence is their first mention; expected records name
actors by name, and ``names()`` turns a record's actor ids back into names.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from parley.extract.registry import Context
from parley.models import Actor, Document, Evidence, Noise, Role

FIXTURES = Path(__file__).parent / "fixtures"


def load_cases(name: str) -> list[dict[str, Any]]:
    """The cases of ``fixtures/<name>.json``."""
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))["cases"]


def context_for(case: dict[str, Any]) -> Context:
    """A context with the case's text, time mentions and actors (no spaCy parse)."""
    from parley.time import find_times

    text = case["text"]
    published = case.get("published")
    doc = Document(id="doc_test", source="fixture", text=text, published=published,
                   noise=[Noise(s, e, r) for s, e, r in case.get("noise", [])])
    ref = dt.date.fromisoformat(published) if published else None
    ctx = Context(document=doc, doc=None, times=find_times(text, ref))
    actors = []
    for i, spec in enumerate(case.get("actors", [])):
        name, type_, aliases = spec[0], spec[1], spec[2] if len(spec) > 2 else []
        affiliation = spec[3] if len(spec) > 3 else None
        found = [m for n in [name, *aliases] for m in [re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)] if m]
        if not found:
            continue  # an actor the text does not name is not an actor of this document
        first = min(found, key=lambda m: m.start())
        ev = [Evidence.of(doc.id, text, first.start(), first.end())]
        title = case.get("roles", {}).get(name, "official")
        roles = [Role(title, affiliation)] if affiliation or name in case.get("roles", {}) else []
        actors.append(Actor(id=f"act_{i}", evidence=ev, name=name, type=type_, aliases=list(aliases), roles=roles))
    ctx.found["actors"] = actors
    return ctx


def names(ctx: Context, ids: list[str] | str | None) -> Any:
    """Actor ids back to names (a list for a list, a name for an id, None for None)."""
    by_id = {a.id: a.name for a in ctx.found.get("actors", [])}
    if ids is None:
        return None
    if isinstance(ids, str):
        return by_id.get(ids, ids)
    return [by_id.get(i, i) for i in ids]


def check_evidence(ctx: Context, records: list[Any]) -> None:
    """Every record has evidence that is the text and lies outside noise."""
    for r in records:
        assert r.evidence, r
        for e in r.evidence:
            assert ctx.text[e.start:e.end] == e.quote
            assert not ctx.document.in_noise(e.start, e.end)
