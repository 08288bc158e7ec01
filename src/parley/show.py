"""``parley show``: a document in the terminal, noise dimmed and evidence highlighted."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from parley.models import Document

COLORS = {"actors": "cyan", "events": "bold yellow", "statements": "green", "proposals": "magenta",
          "deadlines": "red", "positions": "blue", "claims": "bold cyan", "predictions": "white"}


def summarize(kind: str, r: dict[str, Any]) -> str:
    if kind == "actors":
        roles = "; ".join(x.get("title", "") for x in r.get("roles") or [])
        return f"{r.get('name')} ({r.get('type')}){' — ' + roles if roles else ''}"
    if kind == "events":
        date = (r.get("date") or {}).get("start") or "undated"
        return f"{r.get('type')} [{r.get('status')}] {date} {r.get('place') or ''} {r.get('summary') or ''}".strip()
    if kind == "statements":
        return f"{r.get('speaker') or '?'}: “{r.get('quote')}” ({r.get('kind')})"
    if kind == "proposals":
        return f"{r.get('name')} points={r.get('points')} [{r.get('status')}]"
    if kind == "deadlines":
        return f"{r.get('what')} due {(r.get('due') or {}).get('end')} [{r.get('status')}]"
    if kind == "positions":
        return f"{r.get('actor')} on {r.get('issue')}: {r.get('stance')}"
    if kind == "claims":
        return f"{r.get('value')} {r.get('unit')}: {r.get('text')}"
    return str(r.get("text") or r.get("id"))


def render_document(console: Console, doc: Document, records: dict[str, list[dict[str, Any]]]) -> None:
    head = f"{doc.id}  {doc.published or 'undated'}{'*' if doc.published_inferred else ''}  {doc.kind}"
    console.print(Text(head, style="bold"))
    console.print(Text(f"{doc.title or doc.source}  {doc.outlet or ''}", style="italic"))
    body = Text(doc.text)
    for n in doc.noise:
        body.stylize("dim strike", n.start, n.end)
    for kind, recs in records.items():
        for r in recs:
            for e in r.get("evidence") or []:
                if e.get("doc") == doc.id:
                    body.stylize(f"{COLORS.get(kind, 'white')} underline", e["start"], e["end"])
    console.print(body)
    for kind, recs in records.items():
        console.print(Text(f"\n{kind} ({len(recs)})", style=f"bold {COLORS.get(kind, 'white')}"))
        for r in recs:
            console.print(Text(f"  {summarize(kind, r)}"))
