"""Shaping records for the pages: document segments, timeline groups, proposal versions,
the positions matrix and an actor's who-met-whom graph.

Pure functions of plain dicts (the export shape), so each one can be tested without a server.
Nothing here produces HTML: the templates do, with autoescaping on.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from parley.models import ISSUES

# How a status looks on the timeline: held, planned, postponed, cancelled or unknown.
STATUS_LOOK = {
    "occurred": "held", "planned": "planned", "proposed": "planned", "postponed": "postponed",
    "cancelled": "cancelled", "rejected": "cancelled", "unknown": "unknown",
    # deadlines
    "pending": "planned", "met": "held", "missed": "cancelled", "abandoned": "cancelled", "extended": "postponed",
    # proposals
    "drafted": "planned", "tabled": "planned", "revised": "postponed", "accepted": "held", "superseded": "cancelled",
}
ZOOMS = ("year", "month", "day")


def evidence_link(ev: dict[str, Any] | None) -> str | None:
    """The URL of a piece of evidence: its document with the sentence highlighted."""
    if not ev or not ev.get("doc"):
        return None
    s, e = int(ev.get("start") or 0), int(ev.get("end") or 0)
    return f"/documents/{quote(str(ev['doc']), safe='')}?hl={s}-{e}#ev-{s}-{e}"


def first_evidence(record: dict[str, Any]) -> dict[str, Any] | None:
    evs = record.get("evidence") or []
    return evs[0] if evs else None


def date_text(d: dict[str, Any] | None) -> str:
    """``2026-03-04``, ``2026-03-04 – 2026-03-06`` or the date's own words; ``undated`` when unknown."""
    if not d:
        return "undated"
    start, end = d.get("start"), d.get("end")
    if start and end and end != start:
        return f"{start} – {end}"
    return start or end or d.get("text") or "undated"


# document page ------------------------------------------------------------------------------

@dataclass
class Segment:
    text: str
    start: int
    end: int
    noise: str | None = None
    kinds: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    current: bool = False


def document_segments(text: str, noise: list[list[Any]], records: dict[str, list[dict[str, Any]]],
                      doc_id: str, current: tuple[int, int] | None = None) -> list[Segment]:
    """Cut a text at every noise and evidence boundary, so each piece knows what covers it."""
    n = len(text)
    spans: list[tuple[int, int, str, str]] = []  # start, end, kind, record id
    for kind, recs in records.items():
        for r in recs:
            for ev in r.get("evidence") or []:
                if ev.get("doc") != doc_id:
                    continue
                s, e = ev.get("start"), ev.get("end")
                if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n:
                    spans.append((s, e, kind, str(r.get("id"))))
    noise_spans = [(int(s), int(e), str(reason)) for s, e, reason in noise if 0 <= int(s) < int(e) <= n]
    cuts = {0, n}
    for s, e, *_ in spans:
        cuts.update((s, e))
    for s, e, _ in noise_spans:
        cuts.update((s, e))
    if current and 0 <= current[0] < current[1] <= n:
        cuts.update(current)
    else:
        current = None
    anchors_at: dict[int, list[str]] = defaultdict(list)
    for s, e, *_ in sorted(spans):
        anchor = f"ev-{s}-{e}"
        if anchor not in anchors_at[s]:
            anchors_at[s].append(anchor)
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        seg = Segment(text[a:b], a, b, anchors=anchors_at.get(a, []))
        for s, e, reason in noise_spans:
            if s <= a and b <= e:
                seg.noise = reason
                break
        for s, e, kind, rid in spans:
            if s <= a and b <= e:
                if kind not in seg.kinds:
                    seg.kinds.append(kind)
                if rid not in seg.records:
                    seg.records.append(rid)
        seg.current = bool(current and current[0] <= a and b <= current[1])
        out.append(seg)
    return out


def parse_highlight(value: str | None) -> tuple[int, int] | None:
    """``?hl=120-180`` to ``(120, 180)``; anything else to None."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", value)
    if not m:
        return None
    s, e = int(m.group(1)), int(m.group(2))
    return (s, e) if s < e else None


# timeline -----------------------------------------------------------------------------------

def timeline_title(r: dict[str, Any], names: dict[str, str]) -> str:
    kind = r.get("record_kind", "events")
    if kind == "deadlines":
        return f"Deadline: {r.get('what') or 'unspecified'}"
    if kind == "proposals":
        pts = f" ({r['points']} points)" if r.get("points") else ""
        return f"Proposal: {r.get('name') or 'unnamed'}{pts}"
    summary = r.get("summary") or ""
    return summary or f"{(r.get('type') or 'event').capitalize()}{' in ' + r['place'] if r.get('place') else ''}"


def timeline_item(r: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    kind = r.get("record_kind", "events")
    date = r.get("due") if kind == "deadlines" else r.get("date")
    actors = []
    for key in ("participants", "authors", "set_by", "addressee"):
        v = r.get(key)
        for a in (v if isinstance(v, list) else [v] if v else []):
            actors.append({"id": a, "name": names.get(a, a)})
    status = r.get("status") or "unknown"
    return {
        "id": r.get("id"), "kind": kind, "type": r.get("type") if kind == "events" else kind[:-1],
        "status": status, "look": STATUS_LOOK.get(status, "unknown"), "date": date_text(date),
        "start": (date or {}).get("start"), "title": timeline_title(r, names), "place": r.get("place"),
        "plover": r.get("plover"), "actors": actors, "link": evidence_link(first_evidence(r)),
        "sources": len({e.get("doc") for e in r.get("evidence") or []}),
    }


def group_timeline(items: list[dict[str, Any]], zoom: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """Consecutive items under a heading per year, month or day (undated ones last)."""
    width = {"year": 4, "month": 7, "day": 10}.get(zoom, 7)
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for it in items:
        label = it["start"][:width] if it.get("start") else "Undated"
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(it)
    return groups


# proposals ----------------------------------------------------------------------------------

def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def proposal_families(proposals: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Proposals joined by ``revises`` links (or the same name), each family oldest version first."""
    parent = {p["id"]: p["id"] for p in proposals}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        if a in parent and b in parent:
            parent[find(a)] = find(b)

    by_name: dict[str, str] = {}
    for p in proposals:
        if p.get("revises"):
            union(p["id"], p["revises"])
        key = _norm(p.get("name") or "")
        if key:
            if key in by_name:
                union(p["id"], by_name[key])
            else:
                by_name[key] = p["id"]
    families: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in proposals:
        families[find(p["id"])].append(p)

    def order(fam: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ids = {p["id"] for p in fam}
        depth: dict[str, int] = {}

        def d(p: dict[str, Any], seen: frozenset[str] = frozenset()) -> int:
            if p["id"] in depth:
                return depth[p["id"]]
            r = p.get("revises")
            prev = next((q for q in fam if q["id"] == r), None) if r in ids and r not in seen else None
            depth[p["id"]] = 0 if prev is None else d(prev, seen | {p["id"]}) + 1
            return depth[p["id"]]

        return sorted(fam, key=lambda p: ((p.get("date") or {}).get("start") or "9999", d(p), p["id"]))

    fams = [order(f) for f in families.values()]
    return sorted(fams, key=lambda f: (-len(f), (f[0].get("date") or {}).get("start") or "9999"))


def version_columns(family: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each version with its provisions marked against the version before: same, added or dropped."""
    cols = []
    prev: dict[str, Any] | None = None
    for p in family:
        provisions = [str(x) for x in p.get("provisions") or []]
        rows: list[dict[str, str]] = []
        if prev is None:
            rows = [{"text": x, "mark": "same"} for x in provisions]
        else:
            old = [str(x) for x in prev.get("provisions") or []]
            sm = difflib.SequenceMatcher(a=[_norm(x) for x in old], b=[_norm(x) for x in provisions], autojunk=False)
            for op, a1, a2, b1, b2 in sm.get_opcodes():
                if op == "equal":
                    rows += [{"text": x, "mark": "same"} for x in provisions[b1:b2]]
                else:
                    rows += [{"text": x, "mark": "dropped"} for x in old[a1:a2]]
                    rows += [{"text": x, "mark": "added"} for x in provisions[b1:b2]]
        points_changed = prev is not None and prev.get("points") != p.get("points")
        cols.append({"record": p, "rows": rows, "points_changed": points_changed,
                     "previous_points": prev.get("points") if prev else None,
                     "status_look": STATUS_LOOK.get(p.get("status") or "unknown", "unknown"),
                     "link": evidence_link(first_evidence(p)), "date": date_text(p.get("date"))})
        prev = p
    return cols


# positions ----------------------------------------------------------------------------------

def positions_matrix(rows: list[dict[str, Any]], names: dict[str, str], *, per_cell: int = 3) -> dict[str, Any]:
    """Party × issue from light position rows (``queries.position_rows``, in date order): each cell
    keeps its latest ``per_cell`` stances, how many there are, and whether the stance moved."""
    cells: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for p in rows:
        cells[(p.get("actor") or "?", p.get("issue") or "other")].append(p)
    issues = [i for i in ISSUES if any(k[1] == i for k in cells)]
    issues += sorted({k[1] for k in cells} - set(issues))
    weight: Counter[str] = Counter()
    for (a, _), entries in cells.items():
        weight[a] += len(entries)
    actors = sorted(weight, key=lambda a: (-weight[a], names.get(a, a).lower()))
    out_rows = []
    for a in actors:
        row = []
        for i in issues:
            entries = cells.get((a, i), [])
            stances = {_norm(p.get("stance") or "") for p in entries}
            row.append({"issue": i, "moved": len(stances) > 1, "count": len(entries),
                        "more": max(0, len(entries) - per_cell),
                        "entries": [{"id": p["id"], "stance": p.get("stance") or ""} for p in entries[-per_cell:]]})
        out_rows.append({"actor": a, "name": names.get(a, a), "cells": row})
    return {"issues": issues, "rows": out_rows}


def position_shifts(rows: list[dict[str, Any]], *, limit: int = 50) -> list[dict[str, Any]]:
    """Where an actor's stance on an issue changed from one dated position to the next, latest first.
    ``rows`` are light position rows in date order; each shift names the two position ids."""
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for p in rows:
        by_key[(p.get("actor") or "?", p.get("issue") or "other")].append(p)
    shifts = []
    for (actor, issue), entries in by_key.items():
        for a, b in zip(entries, entries[1:], strict=False):
            if _norm(a.get("stance") or "") != _norm(b.get("stance") or ""):
                shifts.append({"actor": actor, "issue": issue, "before": a, "after": b})
    shifts.sort(key=lambda s: (s["after"].get("start") or "", s["after"]["id"]), reverse=True)
    return shifts[:limit]


def reversal_view(r: dict[str, Any]) -> dict[str, Any]:
    """A reversal record (resolution's ``before``/``after`` sides) with a link to each side's sentence."""
    evidence = r.get("evidence") or []

    def side(name: str) -> dict[str, Any]:
        s = r.get(name) if isinstance(r.get(name), dict) else {}
        ev = next((e for e in evidence if e.get("doc") == s.get("doc")), None)
        if name == "after" and s.get("doc") and len(evidence) > 1:
            ev = next((e for e in reversed(evidence) if e.get("doc") == s.get("doc")), ev)
        return {"stance": s.get("stance") or "", "text": s.get("text") or "", "date": s.get("date") or "undated",
                "link": evidence_link(ev)}

    return {"id": r.get("id"), "actor": r.get("actor"), "object": r.get("object") or "",
            "before": side("before"), "after": side("after")}


def dress_positions(entries: list[dict[str, Any]], full: dict[str, dict[str, Any]]) -> None:
    """Add the date and the evidence link of each position entry from its full record."""
    for e in entries:
        rec = full.get(e["id"]) or {}
        e["date"] = date_text(rec.get("date"))
        e["link"] = evidence_link(first_evidence(rec))


# actors -------------------------------------------------------------------------------------

def roles_over_time(actor: dict[str, Any]) -> list[dict[str, Any]]:
    roles = [r for r in actor.get("roles") or [] if isinstance(r, dict)]
    return sorted(roles, key=lambda r: (r.get("date") is None, r.get("date") or ""))


def meeting_graph(actor_id: str, events: list[dict[str, Any]], names: dict[str, str],
                  *, max_nodes: int = 16, size: int = 360) -> dict[str, Any]:
    """Who met whom around one actor: the actor in the middle, co-participants on a circle,
    edges weighted by the number of shared events (between the others too)."""
    together: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for ev in events:
        people = sorted({p for p in ev.get("participants") or [] if p})
        if actor_id not in people:
            continue
        for p in people:
            if p != actor_id:
                together[p] += 1
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                if actor_id not in (a, b):
                    pairs[(a, b)] += 1
    others = [a for a, _ in together.most_common(max_nodes)]
    c = size / 2
    radius = size / 2 - 60
    nodes = [{"id": actor_id, "name": names.get(actor_id, actor_id), "x": c, "y": c, "center": True, "count": 0}]
    pos = {actor_id: (c, c)}
    for k, a in enumerate(others):
        angle = 2 * math.pi * k / max(1, len(others)) - math.pi / 2
        x, y = round(c + radius * math.cos(angle), 1), round(c + radius * math.sin(angle), 1)
        pos[a] = (x, y)
        nodes.append({"id": a, "name": names.get(a, a), "x": x, "y": y, "center": False, "count": together[a]})
    edges = [{"x1": c, "y1": c, "x2": pos[a][0], "y2": pos[a][1], "w": min(8, 1 + together[a]),
              "count": together[a]} for a in others]
    for (a, b), n in pairs.items():
        if a in pos and b in pos:
            edges.append({"x1": pos[a][0], "y1": pos[a][1], "x2": pos[b][0], "y2": pos[b][1],
                          "w": min(4, n), "count": n, "minor": True})
    return {"size": size, "nodes": nodes, "edges": edges}


def actor_ids_in(records: list[dict[str, Any]]) -> list[str]:
    """Every actor id a list of records refers to (to fetch their names in one query)."""
    out: list[str] = []
    for r in records:
        for key in ("participants", "authors", "speaker", "set_by", "addressee", "actor", "source", "author"):
            v = r.get(key)
            for a in (v if isinstance(v, list) else [v] if isinstance(v, str) else []):
                out.append(a)
    return out
