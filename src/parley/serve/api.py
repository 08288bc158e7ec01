"""The JSON API under ``/api``: read-only lists with filters and pagination, one document with
its records, search, export, and ingest when a write token is configured.

Every list answers ``{"items": [...], "total": n, "limit": l, "offset": o}`` (200 with an empty
list on an empty store); every error answers the envelope of ``errors.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from parley.models import (
    DEADLINE_STATUSES,
    DOC_KINDS,
    EVENT_STATUSES,
    EVENT_TYPES,
    ISSUES,
    PROPOSAL_STATUSES,
)
from parley.serve import queries as q
from parley.serve.errors import ERROR_RESPONSES, ApiError
from parley.serve.security import token_ok
from parley.store import Store

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

ID_PATTERN = r"^[A-Za-z0-9_.:\-]{1,80}$"
DocKind = Literal[DOC_KINDS]  # type: ignore[valid-type]
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
EventStatus = Literal[EVENT_STATUSES]  # type: ignore[valid-type]
ProposalStatus = Literal[PROPOSAL_STATUSES]  # type: ignore[valid-type]
DeadlineStatus = Literal[DEADLINE_STATUSES]  # type: ignore[valid-type]
Issue = Literal[ISSUES]  # type: ignore[valid-type]
TimelineType = Literal[(*EVENT_TYPES, "deadline", "proposal")]  # type: ignore[valid-type]
TimelineStatus = Literal[tuple(dict.fromkeys(EVENT_STATUSES + PROPOSAL_STATUSES + DEADLINE_STATUSES))]  # type: ignore[valid-type]

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (1–500).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
ActorQ = Annotated[str | None, Query(min_length=1, max_length=200,
                                     description="An actor id, or part of an actor's name or alias.")]
# Dates are strict ISO strings: pydantic's lax date parsing would read ``until=0`` as 1970-01-01.
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
Since = Annotated[str | None, Query(pattern=ISO_DATE, json_schema_extra={"format": "date"},
                                    description="Dated on or after this day (ISO date, YYYY-MM-DD).")]
Until = Annotated[str | None, Query(pattern=ISO_DATE, json_schema_extra={"format": "date"},
                                    description="Dated on or before this day (ISO date, YYYY-MM-DD).")]
RecordId = Annotated[str, Path(pattern=ID_PATTERN, description="A record or document id.")]


class ListPage(BaseModel):
    """One page of a list."""

    items: list[dict[str, Any]]
    total: int = Field(ge=0)
    limit: int
    offset: int


class DocumentOut(BaseModel):
    """A document in the export shape, with the records it supports, by kind."""

    model_config = {"extra": "allow"}
    id: str
    text: str
    noise: list[list[Any]]
    records: dict[str, list[dict[str, Any]]]


class SearchOut(BaseModel):
    query: str
    documents: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    total_documents: int
    total_statements: int


class IngestIn(BaseModel):
    """An article to add. Only ``text`` is required."""

    text: str = Field(min_length=1, max_length=5_000_000)
    title: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=500)
    authors: list[str] = Field(default_factory=list, max_length=50)
    published: dt.date | None = None


class IngestOut(BaseModel):
    id: str
    status: Literal["added", "unchanged"]


def _store(request: Request) -> Store:
    return request.app.state.store


def _iso(value: str | None) -> str | None:
    """A real calendar day, or a 422 (the pattern alone lets 2031-02-30 through)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(422, f"{value} is not a calendar date (YYYY-MM-DD)", "invalid_parameter") from None


def _check_range(since: str | None, until: str | None) -> None:
    """Both dates must be real days. ``since`` after ``until`` is a valid, empty range (200, no items)."""
    _iso(since), _iso(until)


def _records(request: Request, kinds: tuple[str, ...], f: q.Filters, limit: int, offset: int) -> dict[str, Any]:
    with _store(request).engine.connect() as conn:
        return q.list_records(conn, kinds, f, limit=limit, offset=offset, cache=request.app.state.cache).to_dict()


@router.get("/documents", response_model=ListPage, summary="Documents, newest first (no text)")
def documents(request: Request, type: Annotated[DocKind | None, Query(description="Document kind.")] = None,
              actor: ActorQ = None, since: Since = None, until: Until = None,
              outlet: Annotated[str | None, Query(max_length=500)] = None,
              limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    _check_range(since, until)
    f = q.Filters(actor=actor, type=type, since=_iso(since), until=_iso(until),
                  extra={"outlet": outlet} if outlet else {})
    with _store(request).engine.connect() as conn:
        return q.list_documents(conn, f, limit=limit, offset=offset, cache=request.app.state.cache).to_dict()


@router.get("/documents/{doc_id}", response_model=DocumentOut, summary="One document: text, noise, records")
def document(request: Request, doc_id: RecordId) -> dict[str, Any]:
    store = _store(request)
    doc = store.get_document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document {doc_id}")
    with store.engine.connect() as conn:
        records = q.records_for_document(conn, doc_id)
    return {**doc.to_dict(), "records": records}


@router.post("/documents", response_model=IngestOut, status_code=201,
             responses={200: {"model": IngestOut, "description": "already in the store"},
                        401: ERROR_RESPONSES[422] | {"description": "missing or wrong write token"},
                        403: ERROR_RESPONSES[422] | {"description": "read-only: no write token configured"}},
             summary="Ingest one article (needs the write token)")
def ingest_document(request: Request, article: Annotated[IngestIn, Body()],
                    authorization: Annotated[str | None, Header()] = None) -> Any:
    configured = request.app.state.write_token
    if not configured:
        raise ApiError(403, "this server is read-only: start it with --write-token to allow ingest")
    if not token_ok(configured, authorization):
        raise ApiError(401, "a write needs 'Authorization: Bearer <write token>'")
    from parley.serve.ingest import ingest_text

    doc_id, added = ingest_text(request.app, article.model_dump())
    return JSONResponse({"id": doc_id, "status": "added" if added else "unchanged"}, status_code=201 if added else 200)


@router.get("/actors", response_model=ListPage, summary="Actors")
def actors(request: Request, actor: ActorQ = None,
           type: Annotated[Literal["person", "organization", "state", "group"] | None, Query()] = None,
           limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return _records(request, ("actors",), q.Filters(actor=actor, type=type), limit, offset)


@router.get("/actors/{actor_id}", response_model=dict[str, Any], summary="One actor")
def actor(request: Request, actor_id: RecordId) -> dict[str, Any]:
    with _store(request).engine.connect() as conn:
        rec = q.get_record(conn, actor_id, "actors")
    if rec is None:
        raise ApiError(404, f"no actor {actor_id}")
    rec.pop("record_kind", None)
    return rec


@router.get("/events", response_model=ListPage, summary="Events in date order")
def events(request: Request, actor: ActorQ = None, type: Annotated[EventType | None, Query()] = None,
           status: Annotated[EventStatus | None, Query()] = None, since: Since = None, until: Until = None,
           limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    _check_range(since, until)
    f = q.Filters(actor=actor, type=type, status=status, since=_iso(since), until=_iso(until))
    return _records(request, ("events",), f, limit, offset)


@router.get("/statements", response_model=ListPage, summary="Statements (direct and indirect quotes)")
def statements(request: Request, actor: ActorQ = None,
               type: Annotated[Literal["direct", "indirect"] | None, Query()] = None,
               since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    _check_range(since, until)
    return _records(request, ("statements",),
                    q.Filters(actor=actor, type=type, since=_iso(since), until=_iso(until)), limit, offset)


@router.get("/proposals", response_model=ListPage, summary="Proposals and their versions")
def proposals(request: Request, actor: ActorQ = None, status: Annotated[ProposalStatus | None, Query()] = None,
              since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    _check_range(since, until)
    return _records(request, ("proposals",),
                    q.Filters(actor=actor, status=status, since=_iso(since), until=_iso(until)), limit, offset)


@router.get("/deadlines", response_model=ListPage, summary="Deadlines by due date")
def deadlines(request: Request, actor: ActorQ = None, status: Annotated[DeadlineStatus | None, Query()] = None,
              since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    _check_range(since, until)
    return _records(request, ("deadlines",),
                    q.Filters(actor=actor, status=status, since=_iso(since), until=_iso(until)), limit, offset)


@router.get("/positions", response_model=ListPage, summary="Positions: an actor's stance on an issue")
def positions(request: Request, actor: ActorQ = None, type: Annotated[Issue | None, Query(description="Issue.")] = None,
              since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    _check_range(since, until)
    return _records(request, ("positions",),
                    q.Filters(actor=actor, type=type, since=_iso(since), until=_iso(until)), limit, offset)


@router.get("/claims", response_model=ListPage, summary="Claims: figures stated as facts")
def claims(request: Request, actor: ActorQ = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return _records(request, ("claims",), q.Filters(actor=actor), limit, offset)


@router.get("/predictions", response_model=ListPage, summary="Predictions (optional in export version 1)")
def predictions(request: Request, actor: ActorQ = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return _records(request, ("predictions",), q.Filters(actor=actor), limit, offset)


@router.get("/reversals", response_model=ListPage,
            summary="Reversals: an actor's stance on one object turned (derived by resolution)")
def reversals(request: Request, actor: ActorQ = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return _records(request, ("reversals",), q.Filters(actor=actor), limit, offset)


@router.get("/contradictions", response_model=ListPage,
            summary="Contradictions: sources disagreeing on one fact (derived by resolution)")
def contradictions(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return _records(request, ("contradictions",), q.Filters(), limit, offset)


def timeline_kinds(type: str | None) -> tuple[tuple[str, ...], str | None]:
    """Which record kinds a timeline ``type`` selects, and the event type left to filter on."""
    if type == "deadline":
        return ("deadlines",), None
    if type == "proposal":
        return ("proposals",), None
    if type:
        return ("events",), type
    return q.TIMELINE_KINDS, None


@router.get("/timeline", response_model=ListPage,
            summary="Events, deadlines and proposals in date order (each item has record_kind)")
def timeline(request: Request, actor: ActorQ = None, type: Annotated[TimelineType | None, Query()] = None,
             status: Annotated[TimelineStatus | None, Query()] = None, since: Since = None, until: Until = None,
             limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    _check_range(since, until)
    kinds, event_type = timeline_kinds(type)
    f = q.Filters(actor=actor, type=event_type, status=status, since=_iso(since), until=_iso(until))
    page = _records(request, kinds, f, limit, offset)
    for item in page["items"]:
        item.setdefault("record_kind", kinds[0])
    return page


@router.get("/search", response_model=SearchOut, summary="Full-text search over documents and statements")
def search(request: Request, q_: Annotated[str, Query(alias="q", min_length=1, max_length=500)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0) -> dict[str, Any]:
    with _store(request).engine.connect() as conn:
        return q.search(conn, q_, limit=limit, offset=offset)


@router.get("/stats", response_model=dict[str, Any], summary="Counts of documents and records")
def stats(request: Request) -> dict[str, Any]:
    with _store(request).engine.connect() as conn:
        return q.cached(request.app.state.cache, "counts", q.data_version(conn), lambda: q.counts(conn))


@router.get("/export", summary="The record export (spec/EXPORT.md) as a download",
            responses={200: {"content": {"application/json": {}, "application/x-ndjson": {}, "application/zip": {}},
                             "description": "json: one object; jsonl: one record a line; csv: a zip of CSV files"}})
def export(request: Request, format: Annotated[Literal["json", "jsonl", "csv"], Query()] = "json") -> Response:
    from parley import export as ex

    store = _store(request)
    if format == "jsonl":
        def lines() -> Iterator[bytes]:
            for row in ex.iter_lines(store):
                yield (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")

        return StreamingResponse(lines(), media_type="application/x-ndjson",
                                 headers={"Content-Disposition": 'attachment; filename="parley.jsonl"'})
    if format == "csv":
        with tempfile.TemporaryDirectory(prefix="parley-export-") as tmp:
            target = FsPath(tmp) / "parley-csv.zip"
            ex.write_csv(store, target)
            payload = target.read_bytes()
        return Response(payload, media_type="application/zip",
                        headers={"Content-Disposition": 'attachment; filename="parley-csv.zip"'})
    body = json.dumps(ex.build(store), ensure_ascii=False).encode("utf-8")
    return Response(body, media_type="application/json",
                    headers={"Content-Disposition": 'attachment; filename="parley.json"'})
