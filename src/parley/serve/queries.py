"""SQL for the API and the pages: filtered, paginated lists straight from the store's tables.

At 10,000 documents nothing here loads a whole table into Python: filters, counts, ordering and
pagination run in the database. Record fields live in the ``records.data`` JSON column; on SQLite
they are read with ``json_extract``/``json_each``, on PostgreSQL through a ``jsonb`` cast.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    cast,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from parley.store import schema as t

# Which fields of each record kind name actors (kept beside the resolver's own table on purpose:
# the web reads them, it never rewrites them).
ACTOR_FIELDS: dict[str, tuple[str, ...]] = {
    "events": ("participants",), "statements": ("speaker",), "proposals": ("authors",),
    "deadlines": ("set_by", "addressee"), "positions": ("actor",), "claims": ("source",),
    "predictions": ("author",), "reversals": ("actor",),
}
LIST_FIELDS = {"participants", "authors"}
# The record field a ``type`` filter applies to, per kind.
TYPE_FIELD = {"actors": "type", "events": "type", "statements": "kind", "positions": "issue", "claims": "unit"}
STATUS_KINDS = ("events", "proposals", "deadlines")
TIMELINE_KINDS = ("events", "deadlines", "proposals")


@dataclass
class Filters:
    """What a list is narrowed to. Every field is already validated by the API layer."""

    actor: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    doc: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    # The ids of the records naming ``actor``, when the actor index has them (see ``use_actor_index``).
    record_ids: list[str] | None = None


@dataclass
class Page:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}


def jfield(conn: Connection, name: str) -> ColumnElement[Any]:
    """A scalar field of a record's JSON, as text."""
    if conn.dialect.name == "sqlite":
        return func.json_extract(t.records.c.data, f"$.{name}")
    return cast(t.records.c.data, JSONB)[name].astext


def actor_ids(conn: Connection, actor: str) -> list[str]:
    """An actor filter names an actor id, or part of a name or alias (case-insensitive)."""
    exact = conn.execute(select(t.records.c.id).where(t.records.c.kind == "actors", t.records.c.id == actor)).first()
    if exact:
        return [exact[0]]
    needle = actor.lower()
    q = select(t.records.c.id).where(
        t.records.c.kind == "actors",
        or_(func.lower(jfield(conn, "name")).contains(needle, autoescape=True),
            func.lower(jfield(conn, "aliases")).contains(needle, autoescape=True)),
    ).limit(200)
    return [r[0] for r in conn.execute(q)]


# Beyond this many records, an actor filter scans instead (SQLite's bound-parameter limit is 32,766).
MAX_INDEXED_IDS = 20_000


@dataclass
class ActorIndex:
    """Actor id -> record kind -> ``(sort_key, record id)`` of the records naming it, and each
    event's participants (for the who-met-whom graph without reading the events again)."""

    by_actor: dict[str, dict[str, list[tuple[str | None, str]]]] = field(default_factory=dict)
    participants: dict[str, list[str]] = field(default_factory=dict)
    # Every non-actor record by kind, so unfiltered lists page in Python too (the same scan).
    by_kind: dict[str, list[tuple[str | None, str]]] = field(default_factory=dict)


def actor_index(conn: Connection) -> ActorIndex | None:
    """Build the ``ActorIndex`` in one pass over the records (SQLite only; elsewhere None, and actor
    filters scan). Cache it per store version: see ``use_actor_index``."""
    if conn.dialect.name != "sqlite":
        return None
    names = ["participants", *dict.fromkeys(n for ns in ACTOR_FIELDS.values() for n in ns if n != "participants")]
    paths = ", ".join(f"'$.{name}'" for name in names)
    index = ActorIndex()
    # One json_extract with several paths parses each record once and returns a small JSON array.
    sql = text(f"SELECT id, kind, sort_key, json_extract(data, {paths}) FROM records WHERE kind != 'actors'")
    for rid, kind, key, refs in conn.execute(sql):
        index.by_kind.setdefault(kind, []).append((key, rid))
        values = json.loads(refs) if refs else []
        if kind == "events" and values and isinstance(values[0], list):
            index.participants[rid] = [a for a in values[0] if isinstance(a, str)]
        named: set[str] = set()
        for value in values:
            for a in value if isinstance(value, list) else (value,):
                if isinstance(a, str) and a:
                    named.add(a)
        for a in named:
            index.by_actor.setdefault(a, {}).setdefault(kind, []).append((key, rid))
    return index


def _ordered(entries: list[tuple[str | None, str]], newest_first: bool) -> list[tuple[str | None, str]]:
    """The SQL order of ``list_records`` in Python: dated first (by date, then id), undated last."""
    dated = sorted((e for e in entries if e[0] is not None), key=lambda e: e[1])
    dated.sort(key=lambda e: e[0] or "", reverse=newest_first)  # stable: ties stay in id order
    return dated + sorted((e for e in entries if e[0] is None), key=lambda e: e[1])


def use_actor_index(conn: Connection, cache: dict[str, Any], f: Filters,
                    kinds: tuple[str, ...] = tuple(ACTOR_FIELDS)) -> list[tuple[str | None, str]] | None:
    """Answer ``f.actor`` from the cached actor index: fills ``f.record_ids`` with the ids of
    ``kinds`` naming the actor and returns their ``(sort_key, id)`` pairs; None leaves the scan."""
    if not f.actor or f.record_ids is not None:
        return None
    index = cached(cache, "actor_index", data_version(conn), lambda: actor_index(conn))
    if index is None:
        return None
    ids = actor_ids(conn, f.actor)
    found: dict[str, str | None] = {}
    for a in ids:
        for kind in kinds:
            for key, rid in index.by_actor.get(a, {}).get(kind, ()):
                found[rid] = key
    if "actors" in kinds:
        for a in ids:
            found.setdefault(a, None)
    if len(found) > MAX_INDEXED_IDS:
        return None
    f.record_ids = sorted(found)
    return [(key, rid) for rid, key in found.items()]


def _refers_to(conn: Connection, kind: str, ids: list[str]) -> ColumnElement[bool]:
    """Records of ``kind`` whose actor fields contain one of ``ids``."""
    if not ids:
        return false()
    conds = []
    for name in ACTOR_FIELDS.get(kind, ()):
        if name in LIST_FIELDS:
            if conn.dialect.name == "sqlite":
                each = func.json_each(t.records.c.data, f"$.{name}").table_valued("value")
                conds.append(exists(select(1).select_from(each).where(each.c.value.in_(ids))))
            else:
                conds.append(or_(*[cast(t.records.c.data, JSONB)[name].contains(cast([i], JSONB)) for i in ids]))
        else:
            conds.append(jfield(conn, name).in_(ids))
    if kind == "actors":
        conds.append(t.records.c.id.in_(ids))
    return or_(*conds) if conds else false()


def _contains_string(conn: Connection, values: list[str]) -> ColumnElement[bool] | None:
    """A cheap necessary condition on SQLite: the record's JSON text holds one of these values as a
    JSON string. Checked before the exact JSON condition, it spares parsing most rows."""
    if conn.dialect.name != "sqlite" or not values:
        return None
    return or_(*[func.instr(t.records.c.data, json.dumps(v, ensure_ascii=False)) > 0 for v in values])


def _record_conditions(conn: Connection, kinds: tuple[str, ...], f: Filters) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [t.records.c.kind.in_(kinds)]
    if f.record_ids is not None:
        conds.append(t.records.c.id.in_(f.record_ids))
    elif f.actor:
        ids = actor_ids(conn, f.actor)
        quick = _contains_string(conn, ids)
        if quick is not None:
            conds.append(quick)
        conds.append(or_(*[and_(t.records.c.kind == k, _refers_to(conn, k, ids)) for k in kinds]))
    for value in (f.type, f.status):
        quick = _contains_string(conn, [value]) if value else None
        if quick is not None:
            conds.append(quick)
    if f.type:
        per_kind = [and_(t.records.c.kind == k, jfield(conn, TYPE_FIELD[k]) == f.type) for k in kinds if k in TYPE_FIELD]
        conds.append(or_(*per_kind) if per_kind else false())
    if f.status:
        conds.append(jfield(conn, "status") == f.status)
    if f.since:
        conds.append(t.records.c.sort_key >= f.since)
    if f.until:
        # sort_key is the start of the record's date: a date starting on ``until`` is included.
        conds.append(t.records.c.sort_key <= f.until + "\uffff")
    if f.doc:
        conds.append(t.records.c.id.in_(select(t.record_docs.c.record_id).where(t.record_docs.c.doc_id == f.doc)))
    for name, value in f.extra.items():
        conds.append(jfield(conn, name) == value)
    return conds


def list_records(conn: Connection, kinds: tuple[str, ...], f: Filters, *, limit: int, offset: int,
                 newest_first: bool = False, cache: dict[str, Any] | None = None) -> Page:
    """One page of resolved records of ``kinds``, dated ones first in date order, then by id.

    Each item is the record's export dict; with several kinds it also carries ``record_kind``.
    With a ``cache``, an actor filter is answered from the cached actor index."""
    f = dataclasses.replace(f)  # the index fills in record ids: never the caller's filters
    entries = use_actor_index(conn, cache, f, kinds) if cache is not None else None
    simple = not (f.type or f.status or f.doc or f.extra)
    if entries is None and simple and not f.actor and cache is not None and "actors" not in kinds:
        index = cached(cache, "actor_index", data_version(conn), lambda: actor_index(conn))
        if index is not None:
            entries = [e for k in kinds for e in index.by_kind.get(k, ())]
    if entries is not None and simple:
        return _page_from_index(conn, kinds, entries, f, limit=limit, offset=offset, newest_first=newest_first)
    conds = _record_conditions(conn, kinds, f)
    key = t.records.c.sort_key.desc() if newest_first else t.records.c.sort_key
    # Page over ids first, then fetch the JSON of that page only: sorting never carries the data.
    # The total rides along as a window count, so the filters are evaluated once, not twice.
    found = conn.execute(
        select(t.records.c.id, func.count().over().label("total")).where(*conds)
        .order_by(t.records.c.sort_key.is_(None), key, t.records.c.id).limit(limit).offset(offset)).all()
    page_ids = [r[0] for r in found]
    if found:
        total = found[0][1]
    else:  # past the end (or nothing matches): count on its own
        total = conn.execute(select(func.count()).select_from(t.records).where(*conds)).scalar() or 0
    rows = dict(((rid, (kind, data)) for rid, kind, data in conn.execute(
        select(t.records.c.id, t.records.c.kind, t.records.c.data).where(t.records.c.id.in_(page_ids)))))
    items = []
    for rid in page_ids:
        kind, data = rows[rid]
        item = json.loads(data)
        if len(kinds) > 1:
            item["record_kind"] = kind
        items.append(item)
    return Page(items, total, limit, offset)


def _page_from_index(conn: Connection, kinds: tuple[str, ...], entries: list[tuple[str | None, str]], f: Filters,
                     *, limit: int, offset: int, newest_first: bool) -> Page:
    """An actor's page straight from the index: order and slice in Python, fetch one page of JSON."""
    if f.since:
        entries = [e for e in entries if e[0] is not None and e[0] >= f.since]
    if f.until:
        entries = [e for e in entries if e[0] is not None and e[0] <= f.until + "\uffff"]
    ordered = _ordered(entries, newest_first)
    page_ids = [rid for _, rid in ordered[offset:offset + limit]]
    rows = {rid: (kind, data) for rid, kind, data in conn.execute(
        select(t.records.c.id, t.records.c.kind, t.records.c.data).where(t.records.c.id.in_(page_ids)))}
    items = []
    for rid in page_ids:
        if rid not in rows:  # removed since the index was built: the next version rebuilds it
            continue
        kind, data = rows[rid]
        item = json.loads(data)
        if len(kinds) > 1:
            item["record_kind"] = kind
        items.append(item)
    return Page(items, len(ordered), limit, offset)


def event_participants(conn: Connection, cache: dict[str, Any], actor: str, *, cap: int = 2000
                       ) -> list[dict[str, Any]] | None:
    """The participant lists of up to ``cap`` events naming ``actor`` (latest first), for the
    who-met-whom graph, straight from the actor index; None when the index is not available."""
    f = Filters(actor=actor)
    entries = use_actor_index(conn, cache, f, ("events",))
    if entries is None:
        return None
    index = cached(cache, "actor_index", data_version(conn), lambda: actor_index(conn))
    return [{"participants": index.participants.get(rid, [])} for _, rid in _ordered(entries, True)[:cap]]


def get_record(conn: Connection, record_id: str, kind: str | None = None) -> dict[str, Any] | None:
    q = select(t.records.c.kind, t.records.c.data).where(t.records.c.id == record_id)
    if kind:
        q = q.where(t.records.c.kind == kind)
    row = conn.execute(q).first()
    if row is None:
        return None
    return {**json.loads(row[1]), "record_kind": row[0]}


def records_by_ids(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Records by id (actors for labels, mostly); unknown ids are left out."""
    out: dict[str, dict[str, Any]] = {}
    wanted = sorted({i for i in ids if i})
    for i in range(0, len(wanted), 500):
        q = select(t.records.c.id, t.records.c.data).where(t.records.c.id.in_(wanted[i:i + 500]))
        for rid, data in conn.execute(q):
            out[rid] = json.loads(data)
    return out


def all_records(conn: Connection, kind: str, *, cap: int = 5000) -> list[dict[str, Any]]:
    """Every record of a kind, up to ``cap``: for the pages that need a whole picture (matrix, lineage)."""
    q = (select(t.records.c.data).where(t.records.c.kind == kind)
         .order_by(t.records.c.sort_key.is_(None), t.records.c.sort_key, t.records.c.id).limit(cap))
    return [json.loads(r[0]) for r in conn.execute(q)]


# documents ---------------------------------------------------------------------------------

def list_documents(conn: Connection, f: Filters, *, limit: int, offset: int,
                   cache: dict[str, Any] | None = None) -> Page:
    """Light rows (no text): id, title, source, outlet, published, kind, language, length, noise share."""
    if cache is not None:
        f = dataclasses.replace(f)
        use_actor_index(conn, cache, f, ("actors", *ACTOR_FIELDS))
    c = t.documents.c
    conds: list[ColumnElement[bool]] = []
    if f.type:
        conds.append(c.kind == f.type)
    if f.since:
        conds.append(c.published >= f.since)
    if f.until:
        conds.append(c.published <= f.until)
    if f.record_ids is not None:
        conds.append(c.id.in_(select(t.record_docs.c.doc_id).where(t.record_docs.c.record_id.in_(f.record_ids))))
    elif f.actor:
        # The actor's own record and every record naming it (a meeting, a quote...) point at documents.
        ids = actor_ids(conn, f.actor)
        kinds = ("actors", *ACTOR_FIELDS)
        naming = select(t.records.c.id).where(or_(*[and_(t.records.c.kind == k, _refers_to(conn, k, ids))
                                                    for k in kinds]))
        conds.append(c.id.in_(select(t.record_docs.c.doc_id).where(t.record_docs.c.record_id.in_(naming))))
    if f.extra.get("outlet"):
        conds.append(c.outlet == f.extra["outlet"])
    total = conn.execute(select(func.count()).select_from(t.documents).where(*conds)).scalar() or 0
    # Ids of the page first, then the page's rows. A document row holds its whole text before the
    # other columns, so the ordering must come from an index, never from reading the rows.
    if conn.dialect.name == "sqlite":
        # SQLite sorts NULL lowest: newest first puts undated documents last, and the
        # (published, rowid) index gives this order without a sort.
        rowid = literal_column("documents.rowid")
        order = [c.published.desc(), rowid.desc()]
        key = rowid
    else:
        order, key = [c.published.is_(None), c.published.desc(), c.id], c.id
    page_keys = [r[0] for r in conn.execute(
        select(key).select_from(t.documents).where(*conds).order_by(*order).limit(limit).offset(offset))]
    q = (select(key.label("k"), c.id, c.source, c.title, c.url, c.outlet, c.published, c.published_inferred, c.kind,
                c.language, c.noise, func.length(c.text).label("length"))
         .select_from(t.documents).where(key.in_(page_keys)))
    found = {r["k"]: dict(r) for r in conn.execute(q).mappings()}
    items = []
    for k in page_keys:
        row = found[k]
        row.pop("k")
        noise = json.loads(row.pop("noise"))
        covered = sum(e - s for s, e, _ in noise)
        row["published_inferred"] = bool(row["published_inferred"])
        row["noise_share"] = round(covered / row["length"], 3) if row["length"] else 0.0
        items.append(row)
    return Page(items, total, limit, offset)


def records_for_document(conn: Connection, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    q = (select(t.records.c.kind, t.records.c.data)
         .join(t.record_docs, t.record_docs.c.record_id == t.records.c.id)
         .where(t.record_docs.c.doc_id == doc_id).order_by(t.records.c.kind, t.records.c.id))
    out: dict[str, list[dict[str, Any]]] = {}
    for kind, data in conn.execute(q):
        out.setdefault(kind, []).append(json.loads(data))
    return out


def cached(cache: dict[str, Any], name: str, version: tuple[Any, ...], build: Any) -> Any:
    """``build()`` once per store version (see ``data_version``)."""
    hit = cache.get(name)
    if hit is not None and hit[0] == version:
        return hit[1]
    value = build()
    cache[name] = (version, value)
    return value


def position_rows(conn: Connection, *, issue: str | None = None, cap: int = 50_000) -> list[dict[str, Any]]:
    """Every position as a light row (id, actor, issue, stance, start) without parsing its JSON in Python."""
    q = select(t.records.c.id, jfield(conn, "actor"), jfield(conn, "issue"), jfield(conn, "stance"),
               t.records.c.sort_key).where(t.records.c.kind == "positions")
    if issue:
        q = q.where(jfield(conn, "issue") == issue)
    q = q.order_by(t.records.c.sort_key.is_(None), t.records.c.sort_key, t.records.c.id).limit(cap)
    return [{"id": r[0], "actor": r[1], "issue": r[2], "stance": r[3], "start": r[4]} for r in conn.execute(q)]


def counts(conn: Connection) -> dict[str, Any]:
    """Figures for the overview (cache them with ``cached``: the kinds breakdown scans documents)."""
    docs = conn.execute(select(func.count()).select_from(t.documents)).scalar() or 0
    kinds = dict(conn.execute(select(t.documents.c.kind, func.count()).group_by(t.documents.c.kind)).all())
    rec = dict(conn.execute(select(t.records.c.kind, func.count()).group_by(t.records.c.kind)).all())
    first, last = conn.execute(select(func.min(t.documents.c.published), func.max(t.documents.c.published))).one()
    return {"documents": docs, "kinds": kinds, "records": rec, "published_range": [first, last]}


def data_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever documents or records change: a key for caching derived pages."""
    n_docs = conn.execute(select(func.count()).select_from(t.documents)).scalar()
    n_recs = conn.execute(select(func.count()).select_from(t.records)).scalar()
    if conn.dialect.name == "sqlite":
        # rowids only grow: a replaced record or a new document moves them, in O(1) to read.
        last = conn.execute(text("SELECT (SELECT max(rowid) FROM documents), (SELECT max(rowid) FROM records)")).one()
        return (n_docs, n_recs, last[0], last[1])
    return (n_docs, n_recs)


# search ------------------------------------------------------------------------------------

# Snippet markers: control characters, so no bracket in an article is mistaken for a match (a stray
# control character in a text would only misplace a highlight).
_OPEN, _CLOSE = "\x02", "\x03"


def split_marks(snippet: str) -> tuple[str, list[list[int]]]:
    """A marked snippet becomes plain text plus ``[start, end]`` offsets of the matched words."""
    out: list[str] = []
    marks: list[list[int]] = []
    pos, start = 0, None
    for ch in snippet:
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE:
            if start is not None:
                marks.append([start, pos])
            start = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), marks


def search(conn: Connection, query: str, *, limit: int, offset: int) -> dict[str, Any]:
    """FTS5 over documents (title and text) and statements (quotes), best matches first."""
    from parley.store.search import fts_query, search_documents, search_statements

    q = fts_query(query)
    if not q:
        return {"query": query, "documents": [], "statements": [], "total_documents": 0, "total_statements": 0}
    if conn.dialect.name != "sqlite":
        docs = search_documents(conn, query, limit + offset)[offset:]
        for d in docs:
            d["snippet"], d["marks"] = d.get("snippet") or "", []
        stmts = search_statements(conn, query, limit + offset)[offset:]
        return {"query": query, "documents": docs, "statements": stmts,
                "total_documents": len(docs), "total_statements": len(stmts)}
    # Rank first (bm25 over the index only), then snippets and metadata for the page's rows only:
    # joining the documents table before ranking would read every matching text.
    ranked = conn.execute(text(
        "SELECT rowid, doc_id FROM documents_fts WHERE documents_fts MATCH :q "
        "ORDER BY bm25(documents_fts) LIMIT :n OFFSET :o"), {"q": q, "n": limit, "o": offset}).all()
    snippets: dict[int, str] = {}
    meta: dict[str, dict[str, Any]] = {}
    if ranked:
        rowids = ",".join(str(int(r[0])) for r in ranked)
        snippets = dict(conn.execute(text(
            f"SELECT rowid, snippet(documents_fts, 2, '{_OPEN}', '{_CLOSE}', ' … ', 16) FROM documents_fts "
            f"WHERE documents_fts MATCH :q AND rowid IN ({rowids})"), {"q": q}).all())
        c = t.documents.c
        meta = {r["id"]: dict(r) for r in conn.execute(
            select(c.id, c.title, c.published, c.outlet, c.kind).where(c.id.in_([r[1] for r in ranked]))).mappings()}
    docs = []
    for rowid, doc_id in ranked:
        row = meta.get(doc_id) or {"id": doc_id, "title": None, "published": None, "outlet": None, "kind": None}
        row["snippet"], row["marks"] = split_marks(snippets.get(rowid) or "")
        docs.append(row)
    n_docs = conn.execute(text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"), {"q": q}).scalar()
    st_sql = text(
        "SELECT r.data AS data FROM statements_fts s JOIN records r ON r.id = s.record_id "
        "WHERE statements_fts MATCH :q ORDER BY bm25(statements_fts) LIMIT :n OFFSET :o")
    stmts = [json.loads(r[0]) for r in conn.execute(st_sql, {"q": q, "n": limit, "o": offset})]
    n_st = conn.execute(text("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH :q"), {"q": q}).scalar()
    return {"query": query, "documents": docs, "statements": stmts,
            "total_documents": n_docs or 0, "total_statements": n_st or 0}

