"""The timeline: merged events in date order (undated last), filtered by actor, type and dates.

Each item is the event's export record (``date`` as in ``spec/EXPORT.md``) plus ``sources``
(the number of distinct documents reporting it) and ``participant_names``.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from parley.resolve import dates as dt
from parley.resolve.names import fold, name_key, same_spelling_family
from parley.store import Store


def actor_ids_named(actors: list[dict[str, Any]], name: str) -> set[str]:
    """Ids of actors one of whose names is ``name`` (folded), else whose names contain it."""
    want = fold(name)
    exact, partial = set(), set()
    for a in actors:
        names = {fold(n) for n in [a.get("name") or "", *(a.get("aliases") or [])]} | {name_key(a.get("name") or "")}
        if want in names:
            exact.add(a["id"])
        elif any(want in n.split() or want in n for n in names if n) or any(
                same_spelling_family(want.split()[-1], n.split()[-1]) for n in names if n and want):
            partial.add(a["id"])  # a part of a name, or another spelling (Zelenskiy ~ Zelenskyy)
    return exact or partial


def sort_key(item: dict[str, Any]) -> tuple:
    """Date order, undated last; within a day, the more precise first, then by id."""
    start = dt.start_key(item.get("date"))
    return (start is None, start or "", dt.precision(item.get("date")), item.get("id") or "")


def timeline(store: Store, *, actor: str | None = None, type: str | None = None, since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
    """Events in date order, undated last. ``since``/``until`` keep events whose date interval
    overlaps the range (undated events are left out when either is given)."""
    actors = store.records("actors")
    names = {a["id"]: a.get("name") or a["id"] for a in actors}
    wanted = actor_ids_named(actors, actor) if actor else None
    lo = dt.interval(since) if since else None
    hi = dt.interval(until) if until else None
    items = []
    for e in store.records("events"):
        if type and e.get("type") != type:
            continue
        if wanted is not None and not wanted & set(e.get("participants") or []):
            continue
        iv = dt.interval(e.get("date"))
        if (lo or hi) and iv is None:
            continue
        if lo and iv and iv[1] < lo[0]:
            continue
        if hi and iv and iv[0] > hi[1]:
            continue
        item = {k: v for k, v in e.items() if k != "reports"}
        item["sources"] = len({ev.get("doc") for ev in e.get("evidence") or []} | {
            r.get("doc") for r in e.get("reports") or []} - {None})
        item["participant_names"] = [names.get(p, p) for p in e.get("participants") or []]
        items.append(item)
    return sorted(items, key=sort_key)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def render_table(console: Console, items: list[dict[str, Any]]) -> None:
    """The timeline as a terminal table (article text is printed as plain text, never markup)."""
    if not items:
        console.print("no events", style="dim", markup=False)
        return
    wide = console.width >= 120  # a narrow terminal gets no summary column (it is in --format json)
    table = Table(show_lines=False, box=None, pad_edge=False)
    table.add_column("date", overflow="fold", min_width=10)
    for col in ("precision", "type", "status"):
        table.add_column(col, overflow="fold")
    table.add_column("place", overflow="fold", max_width=18)
    table.add_column("participants", overflow="fold", ratio=1)
    table.add_column("sources", justify="right")
    if wide:
        table.add_column("summary", overflow="fold", ratio=2)
    for it in items:
        d = it.get("date") or {}
        conflict = " *" if it.get("conflicts") else ""
        cells = [dt.label(d) + conflict, d.get("precision") or "", it.get("type") or "", it.get("status") or "",
                 str(it.get("place") or ""), ", ".join(it.get("participant_names") or []), str(it.get("sources", 0))]
        if wide:
            cells.append(_clip(it.get("summary") or "", 100))
        table.add_row(*[Text(c) for c in cells])  # Text: brackets in article text are not markup
    console.print(table)
    if any(it.get("conflicts") for it in items):
        console.print("* sources disagree on a detail (see --format json, field conflicts)", style="dim", markup=False)
