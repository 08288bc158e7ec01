"""The dashboard's pages, rendered on the server with Jinja2 (autoescaped; no inline script).

Every page works on an empty store and fills in as records arrive. Page parameters come from
forms, so an empty field means "no filter"; anything else that does not validate is a 400 page.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from parley.models import DOC_KINDS, EVENT_STATUSES, EVENT_TYPES, ISSUES
from parley.serve import queries as q
from parley.serve import views
from parley.serve.errors import ApiError
from parley.serve.security import sanitize_html

router = APIRouter(include_in_schema=False)
log = logging.getLogger("parley.serve")

ID_RE = re.compile(r"^[A-Za-z0-9_.:\-]{1,80}$")
TIMELINE_TYPES = (*EVENT_TYPES, "deadline", "proposal")
TIMELINE_STATUSES = tuple(dict.fromkeys(EVENT_STATUSES + ("pending", "met", "missed", "abandoned", "extended",
                                                         "drafted", "tabled", "revised", "accepted", "superseded")))


# parameters ---------------------------------------------------------------------------------

def _param(request: Request, name: str, *, max_len: int = 200) -> str | None:
    value = request.query_params.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > max_len:
        raise ApiError(400, f"parameter {name} is longer than {max_len} characters")
    return value.strip()


def _choice(request: Request, name: str, allowed: tuple[str, ...]) -> str | None:
    value = _param(request, name)
    if value is not None and value not in allowed:
        raise ApiError(400, f"parameter {name} must be one of: {', '.join(allowed)}")
    return value


def _date(request: Request, name: str) -> str | None:
    value = _param(request, name, max_len=10)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(400, f"parameter {name} must be an ISO date (YYYY-MM-DD)") from None


def _int(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    value = _param(request, name, max_len=9)
    if value is None:
        return default
    if not value.isdigit() or not lo <= int(value) <= hi:
        raise ApiError(400, f"parameter {name} must be a whole number from {lo} to {hi}")
    return int(value)


def _id(value: str, what: str) -> str:
    if not ID_RE.match(value):
        raise ApiError(404, f"no {what} {value[:80]}")
    return value


def _pager(request: Request, total: int, limit: int, offset: int) -> dict[str, Any]:
    """Previous/next links that keep the other parameters."""
    prev = str(request.url.include_query_params(offset=max(0, offset - limit))) if offset > 0 else None
    nxt = str(request.url.include_query_params(offset=offset + limit)) if offset + limit < total else None
    first = offset + 1 if total else 0
    return {"prev": prev, "next": nxt, "first": first, "last": min(total, offset + limit), "total": total}


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    context.setdefault("nav", template.split(".")[0])
    return request.app.state.templates.TemplateResponse(request, template, context)


def _names(conn: Any, records: list[dict[str, Any]]) -> dict[str, str]:
    found = q.records_by_ids(conn, views.actor_ids_in(records))
    return {rid: str(r.get("name") or rid) for rid, r in found.items()}


# pages --------------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    store = request.app.state.store
    with store.engine.connect() as conn:
        version = q.data_version(conn)
        counts = q.cached(request.app.state.cache, "counts", version, lambda: q.counts(conn))
    return _render(request, "overview.html", counts=counts, brief=_brief(request, version), nav="overview")


def _brief(request: Request, version: tuple[Any, ...]) -> str | None:
    """The brief as sanitized HTML, rebuilt only when the store changed; None until it exists."""
    cache = request.app.state.cache
    if cache.get("brief_version") == version:
        return cache.get("brief")
    try:
        from parley.brief import build_brief  # written by another stage; optional until it lands
    except ImportError:
        return None
    try:
        html = sanitize_html(build_brief(request.app.state.store, since=None, about=None).to_html())
    except Exception:  # a failing brief must not take the overview (and its counts) down with it
        log.exception("the brief could not be built")
        html = None
    cache["brief_version"], cache["brief"] = version, html
    return html


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    from parley.serve.api import timeline_kinds

    actor = _param(request, "actor")
    type_ = _choice(request, "type", TIMELINE_TYPES)
    status = _choice(request, "status", TIMELINE_STATUSES)
    since, until = _date(request, "since"), _date(request, "until")
    zoom = _choice(request, "zoom", views.ZOOMS) or "month"
    limit, offset = _int(request, "limit", 100, 1, 500), _int(request, "offset", 0, 0, 10_000_000)
    kinds, event_type = timeline_kinds(type_)
    f = q.Filters(actor=actor, type=event_type, status=status, since=since, until=until)
    with request.app.state.store.engine.connect() as conn:
        page = q.list_records(conn, kinds, f, limit=limit, offset=offset, cache=request.app.state.cache)
        for it in page.items:
            it.setdefault("record_kind", kinds[0])
        names = _names(conn, page.items)
        actor_name = None
        if actor:
            rec = q.get_record(conn, actor, "actors")
            actor_name = rec.get("name") if rec else None
    items = [views.timeline_item(r, names) for r in page.items]
    return _render(request, "timeline.html", groups=views.group_timeline(items, zoom), zoom=zoom,
                   zooms=views.ZOOMS, types=TIMELINE_TYPES, statuses=TIMELINE_STATUSES,
                   filters={"actor": actor or "", "type": type_ or "", "status": status or "",
                            "since": since or "", "until": until or ""},
                   actor_name=actor_name, pager=_pager(request, page.total, limit, offset),
                   zoom_links={z: str(request.url.include_query_params(zoom=z)) for z in views.ZOOMS})


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request) -> HTMLResponse:
    name = _param(request, "q")
    limit, offset = _int(request, "limit", 100, 1, 500), _int(request, "offset", 0, 0, 10_000_000)
    with request.app.state.store.engine.connect() as conn:
        page = q.list_records(conn, ("actors",), q.Filters(actor=name), limit=limit, offset=offset)
    return _render(request, "actors.html", actors=page.items, query=name or "",
                   pager=_pager(request, page.total, limit, offset))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str) -> HTMLResponse:
    actor_id = _id(actor_id, "actor")
    with request.app.state.store.engine.connect() as conn:
        rec = q.get_record(conn, actor_id, "actors")
        if rec is None:
            raise ApiError(404, f"no actor {actor_id}")
        f = q.Filters(actor=actor_id)
        cache = request.app.state.cache
        # The page shows the latest 50 events and statements (the timeline and the statements
        # page have them all); the graph uses up to 2,000 events.
        events = q.list_records(conn, ("events",), f, limit=50, offset=0, cache=cache)
        together = q.event_participants(conn, cache, actor_id)
        statements = q.list_records(conn, ("statements",), f, limit=50, offset=0, newest_first=True, cache=cache)
        positions = q.list_records(conn, ("positions",), f, limit=200, offset=0, cache=cache)
        graph_events = together if together is not None else events.items
        names = _names(conn, events.items + statements.items + positions.items + graph_events)
    names.setdefault(actor_id, rec.get("name") or actor_id)
    meetings = [views.timeline_item({**e, "record_kind": "events"}, names) for e in events.items]
    return _render(request, "actor.html", actor=rec, roles=views.roles_over_time(rec), meetings=meetings,
                   events_total=events.total, statements=statements.items, statements_total=statements.total,
                   positions=positions.items, names=names,
                   graph=views.meeting_graph(actor_id, graph_events, names), nav="actors")


@router.get("/proposals", response_class=HTMLResponse)
def proposals(request: Request) -> HTMLResponse:
    with request.app.state.store.engine.connect() as conn:
        version = q.data_version(conn)

        def build() -> dict[str, Any]:
            recs = q.all_records(conn, "proposals", cap=2000)
            families = views.proposal_families(recs)
            # The 40 largest families and the latest 12 versions of each (the API has the rest).
            return {"families": [views.version_columns(f[-13:])[1:] if len(f) > 12 else views.version_columns(f)
                                 for f in families[:40]],
                    "hidden": {i: len(f) - 12 for i, f in enumerate(families[:40]) if len(f) > 12},
                    "names": _names(conn, recs), "more_families": max(0, len(families) - 40)}

        shown = q.cached(request.app.state.cache, "proposals", version, build)
    return _render(request, "proposals.html", **shown)


@router.get("/positions", response_class=HTMLResponse)
def positions(request: Request) -> HTMLResponse:
    issue = _choice(request, "issue", ISSUES)
    limit, offset = _int(request, "limit", 60, 1, 500), _int(request, "offset", 0, 0, 10_000_000)
    with request.app.state.store.engine.connect() as conn:
        version = q.data_version(conn)

        def build() -> dict[str, Any]:
            rows = q.position_rows(conn, issue=issue)
            return views.positions_matrix(rows, _names(conn, [{"actor": r["actor"]} for r in rows]))

        # The whole matrix is cached per store version; a page is a copy of some of its rows.
        matrix = dict(q.cached(request.app.state.cache, f"matrix:{issue}", version, build))
        total = len(matrix["rows"])
        matrix["rows"] = matrix["rows"][offset:offset + limit]
        shown = [e for row in matrix["rows"] for cell in row["cells"] for e in cell["entries"]]
        views.dress_positions(shown, q.records_by_ids(conn, [e["id"] for e in shown]))
    return _render(request, "positions.html", matrix=matrix, issues=ISSUES, issue=issue or "",
                   pager=_pager(request, total, limit, offset))


@router.get("/statements", response_class=HTMLResponse)
def statements(request: Request) -> HTMLResponse:
    actor = _param(request, "actor")
    kind = _choice(request, "type", ("direct", "indirect"))
    limit, offset = _int(request, "limit", 100, 1, 500), _int(request, "offset", 0, 0, 10_000_000)
    with request.app.state.store.engine.connect() as conn:
        page = q.list_records(conn, ("statements",), q.Filters(actor=actor, type=kind), limit=limit,
                              offset=offset, newest_first=True, cache=request.app.state.cache)
        version = q.data_version(conn)
        shifts = q.cached(request.app.state.cache, "shifts", version,
                          lambda: views.position_shifts(q.position_rows(conn)))
        ends = [s["before"] for s in shifts] + [s["after"] for s in shifts]
        views.dress_positions(ends, q.records_by_ids(conn, [e["id"] for e in ends]))
        names = _names(conn, page.items + [{"actor": s["actor"]} for s in shifts])
        reversed_ids = [s.get("reverses") for s in page.items if s.get("reverses")]
        earlier = q.records_by_ids(conn, reversed_ids)
        # Reversals and contradictions are derived lists of the resolution stage (when it made them).
        turns = q.list_records(conn, ("reversals",), q.Filters(actor=actor), limit=100, offset=0,
                               cache=request.app.state.cache).items
        disagreements = q.list_records(conn, ("contradictions",), q.Filters(), limit=50, offset=0).items
        objects = q.records_by_ids(conn, [r.get("actor") for r in turns] + [r.get("object") for r in turns])
        names.update({rid: str(r.get("name") or rid) for rid, r in objects.items()})
    reversals = [{"statement": s, "reverses": earlier.get(s.get("reverses"))} for s in page.items if s.get("reverses")]
    return _render(request, "statements.html", statements=page.items, names=names, shifts=shifts,
                   reversals=reversals, turns=[views.reversal_view(r) for r in turns],
                   disagreements=disagreements, filters={"actor": actor or "", "type": kind or ""},
                   pager=_pager(request, page.total, limit, offset))


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request) -> HTMLResponse:
    kind = _choice(request, "type", DOC_KINDS)
    since, until = _date(request, "since"), _date(request, "until")
    limit, offset = _int(request, "limit", 50, 1, 500), _int(request, "offset", 0, 0, 10_000_000)
    with request.app.state.store.engine.connect() as conn:
        page = q.list_documents(conn, q.Filters(type=kind, since=since, until=until), limit=limit, offset=offset)
    return _render(request, "documents.html", documents=page.items, kinds=DOC_KINDS,
                   filters={"type": kind or "", "since": since or "", "until": until or ""},
                   pager=_pager(request, page.total, limit, offset))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    doc_id = _id(doc_id, "document")
    store = request.app.state.store
    doc = store.get_document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document {doc_id}")
    current = views.parse_highlight(request.query_params.get("hl"))
    with store.engine.connect() as conn:
        records = q.records_for_document(conn, doc_id)
        names = _names(conn, [r for recs in records.values() for r in recs])
    segments = views.document_segments(doc.text, [n.to_list() for n in doc.noise], records, doc_id, current)
    return _render(request, "document.html", doc=doc, segments=segments, records=records, names=names,
                   nav="documents")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request) -> HTMLResponse:
    query = _param(request, "q", max_len=500)
    limit, offset = _int(request, "limit", 20, 1, 100), _int(request, "offset", 0, 0, 10_000_000)
    results = None
    names: dict[str, str] = {}
    if query:
        with request.app.state.store.engine.connect() as conn:
            results = q.search(conn, query, limit=limit, offset=offset)
            names = _names(conn, results["statements"])
            for d in results["documents"]:
                d["pieces"] = _pieces(d["snippet"], d["marks"])
    pager = _pager(request, max(results["total_documents"], results["total_statements"]) if results else 0,
                   limit, offset)
    return _render(request, "search.html", query=query or "", results=results, names=names, pager=pager)


def _pieces(snippet: str, marks: list[list[int]]) -> list[tuple[str, bool]]:
    """A snippet as (text, matched) pieces, so the template can mark matches without raw HTML."""
    out, pos = [], 0
    for s, e in marks:
        if s > pos:
            out.append((snippet[pos:s], False))
        out.append((snippet[s:e], True))
        pos = e
    if pos < len(snippet):
        out.append((snippet[pos:], False))
    return out


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI schema (no CDN assets, unlike Swagger UI)."""
    schema = request.app.openapi()
    ops = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                        "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                    "description": p.get("description", ""),
                                    "schema": _schema_text(p.get("schema", {}))} for p in op.get("parameters", [])],
                        "responses": sorted(op.get("responses", {}))})
    return _render(request, "apidocs.html", ops=ops, title=schema["info"]["title"],
                   version=schema["info"]["version"], nav="docs")


def _schema_text(s: dict[str, Any]) -> str:
    if "anyOf" in s:
        return " | ".join(_schema_text(x) for x in s["anyOf"])
    if "enum" in s:
        return " | ".join(str(v) for v in s["enum"])
    bits = [s.get("type", "") + (f" ({s['format']})" if s.get("format") else "")]
    for key, label in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "max length ")):
        if key in s:
            bits.append(f"{label}{s[key]}")
    return " ".join(b for b in bits if b)
