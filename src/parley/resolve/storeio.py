"""The resolver's reads beyond the Store methods: document metadata, the store's reference
day, and the few merged records a new document could touch (SQLAlchemy Core over
``parley.store.schema``, so it runs on SQLite and PostgreSQL alike)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select

from parley.resolve import dates as dt
from parley.store import Store
from parley.store import schema as t


def doc_meta(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """``{doc_id: {published, outlet, title, source}}`` for ``doc_ids`` (all documents if None)."""
    c = t.documents.c
    q = select(c.id, c.published, c.outlet, c.title, c.source, c.url)
    if doc_ids is not None:
        ids = list(doc_ids)
        if not ids:
            return {}
        q = q.where(c.id.in_(ids))
    with store.engine.connect() as conn:
        return {r["id"]: dict(r) for r in conn.execute(q).mappings()}


def reference_day(store: Store, *, excluding: Iterable[str] = ()) -> str | None:
    """The newest publication date in the store (without the documents ``excluding``): "today"
    for deadlines, reproducibly."""
    q = select(func.max(t.documents.c.published))
    ex = list(excluding)
    if ex:
        q = q.where(t.documents.c.id.not_in(ex))
    with store.engine.connect() as conn:
        return conn.execute(q).scalar()


def deadlines_due_between(store: Store, after: str | None, until: str | None) -> list[dict[str, Any]]:
    """Merged deadlines whose due day falls in ``(after - 1 year, until]``: the ones a newer
    reference day may have turned from pending to missed."""
    if not until:
        return []
    q = select(t.records.c.data).where(t.records.c.kind == "deadlines").where(t.records.c.sort_key <= until + "~")
    if after:
        lo = (dt.interval(after) or (date(1, 1, 1), date(1, 1, 1)))[0] - timedelta(days=366)
        q = q.where(t.records.c.sort_key >= lo.isoformat())
    with store.engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.execute(q)]


def records_by_ids(store: Store, ids: Iterable[str]) -> list[dict[str, Any]]:
    ids = list(ids)
    if not ids:
        return []
    with store.engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.execute(select(t.records.c.data).where(t.records.c.id.in_(ids)))]


def records_mentioning(store: Store, kind: str, needles: Iterable[str]) -> list[dict[str, Any]]:
    """Merged records of ``kind`` whose JSON contains any of ``needles`` (actor ids are unique
    hashes, so a substring test is exact enough and needs no extra table)."""
    needles = sorted({n for n in needles if n})
    found: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(needles), 100):  # SQLite caps the depth of one expression
            q = select(t.records.c.id, t.records.c.data).where(t.records.c.kind == kind).where(
                or_(*[t.records.c.data.contains(n, autoescape=True) for n in needles[i:i + 100]]))
            for rid, data in conn.execute(q):
                if rid not in found:
                    found[rid] = json.loads(data)
    return list(found.values())


def claims_near(store: Store, unit: str, day: str | None, window_days: int) -> list[dict[str, Any]]:
    """Merged claims with this unit reported within ``window_days`` of ``day``."""
    q = select(t.records.c.data).where(t.records.c.kind == "claims").where(
        t.records.c.data.contains(json.dumps(unit, ensure_ascii=False), autoescape=True))
    iv = dt.interval(day) if day else None
    if iv:
        lo, hi = iv[0] - timedelta(days=window_days), iv[1] + timedelta(days=window_days)
        q = q.where(t.records.c.sort_key >= lo.isoformat(), t.records.c.sort_key <= hi.isoformat() + "~")
    with store.engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.execute(q)]


def event_candidates(store: Store, reports: list[dict[str, Any]], window_days: int = 31) -> list[dict[str, Any]]:
    """Merged events a batch of new event reports could join: those whose sort day could overlap
    a report's date (a day, week, month, season or year interval starts at most ~92 days before,
    or exactly on a month or year start), undated ones sharing a participant, and those dated
    near an undated report's publication."""
    conds = []
    parts: set[str] = set()
    for rep in reports:
        parts.update(rep["participants"])
        iv = dt.interval(rep["date"])
        if iv is None and rep.get("published"):
            iv = dt.interval(rep["published"])
            iv = (iv[0] - timedelta(days=window_days), iv[1] + timedelta(days=window_days)) if iv else None
        if iv is None:
            continue
        lo, hi = iv[0] - timedelta(days=8), iv[1] + timedelta(days=1)
        conds.append(and_(t.records.c.sort_key >= lo.isoformat(), t.records.c.sort_key <= hi.isoformat() + "~"))
        starts = {date(y, 1, 1).isoformat() for y in range(iv[0].year, iv[1].year + 1)}
        m = date(iv[0].year, iv[0].month, 1)
        for _ in range(3):  # season intervals begin up to three months earlier
            m = (m - timedelta(days=1)).replace(day=1)
        while m <= iv[1]:
            starts.add(m.isoformat())
            m = (m + timedelta(days=32)).replace(day=1)
        starts |= {s[:7] for s in starts} | {s[:4] for s in starts}  # "2026-03", "2026" as given
        conds.append(t.records.c.sort_key.in_(sorted(starts)))
    undated = and_(t.records.c.sort_key.is_(None),
                   or_(*[t.records.c.data.contains(p, autoescape=True) for p in parts])) if parts else None
    if undated is not None:
        conds.append(undated)
    if not conds:
        return []
    q = select(t.records.c.data).where(t.records.c.kind == "events").where(or_(*conds))
    with store.engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.execute(q)]


def actor_candidates(store: Store, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merged actors a batch of actor mentions could join: those whose record contains a
    distinctive word of a mention's name (a surname, a body's name, the state a metonym stands
    for, the first letters of a transliterated name), plus office holders for role nouns."""
    from parley.resolve.actors import METONYMS, _body_key
    from parley.resolve.names import fold, is_role_noun, name_key

    needles: set[str] = set()
    for m in mentions:
        name = m.get("name") or ""
        if (m.get("type") or "person") == "person":
            words = fold(name).split() if is_role_noun(name) else name_key(name).split()
            needles.update(w[:5] for w in words if len(w) >= 3)
        else:
            key = _body_key(name)
            needles.update(w for w in key.split() if len(w) >= 2)
            if key in METONYMS:
                needles.add(METONYMS[key])
    return records_mentioning(store, "actors", needles)


def deadlines_of(store: Store, setters: Iterable[str], dues: list[Any], window_days: int = 120
                 ) -> list[dict[str, Any]]:
    """Merged deadlines set by ``setters`` due within ``window_days`` of any of ``dues`` (the
    ones a new deadline may repeat or extend), by the indexed date first, then the setter."""
    setters = sorted(set(setters))
    ivs = [iv for iv in (dt.interval(d) for d in dues) if iv]
    if not setters or not ivs:
        return []
    lo = min(iv[0] for iv in ivs) - timedelta(days=window_days)
    hi = max(iv[1] for iv in ivs) + timedelta(days=window_days)
    q = (select(t.records.c.data).where(t.records.c.kind == "deadlines")
         .where(t.records.c.sort_key >= lo.isoformat(), t.records.c.sort_key <= hi.isoformat() + "~")
         .where(or_(*[t.records.c.data.contains(x, autoescape=True) for x in setters[:100]])))
    with store.engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.execute(q)]
