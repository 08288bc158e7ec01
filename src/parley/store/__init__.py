"""The store: documents, their extracted records and the resolved record, in SQLite or PostgreSQL.

``Store.open(target)`` takes a file path (SQLite, the default, created on first use) or a
SQLAlchemy URL (``postgresql+psycopg://...``). Every document is written in one transaction
together with everything derived from it, so a crash between documents leaves the store
consistent and the next run resumes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from parley.errors import StoreError
from parley.models import Document, Noise, Record
from parley.store import schema as t
from parley.store.search import index_document, index_statements, search_documents, search_statements

DEFAULT_DB = "parley.db"


def resolve_target(db: str | None) -> str:
    """The store to use: ``--db``, else ``$PARLEY_DB``, else ``./parley.db``."""
    return db or os.environ.get("PARLEY_DB") or DEFAULT_DB


def _url(target: str) -> str:
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


class Store:
    """One Parley store. Use ``Store.open(target)``; close it (or use ``with``) when done."""

    def __init__(self, engine: Engine, target: str):
        self.engine = engine
        self.target = target

    @classmethod
    def open(cls, target: str | None = None, *, create: bool = True) -> Store:
        target = resolve_target(target)
        url = _url(target)
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            if not create and not path.exists():
                raise StoreError(f"no store at {path}: run 'parley ingest' first or pass --db")
            if path.exists() and path.is_dir():
                raise StoreError(f"{path} is a directory, not a store file")
            if path.parent and not path.parent.exists():
                raise StoreError(f"cannot create a store at {path}: folder {path.parent} does not exist")
        try:
            engine = create_engine(url, future=True)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
            with engine.begin() as conn:
                t.migrate(conn)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot open the store {target}: {e.__class__.__name__}: {str(e).splitlines()[0]}") from e
        return cls(engine, target)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # documents ---------------------------------------------------------------------------

    def find_hash(self, content_hash: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.id).where(t.documents.c.hash == content_hash)).scalar()

    def add_document(
        self,
        doc: Document,
        mentions: Iterable[Record] = (),
        *,
        kind_cues: list[str] | None = None,
        minhash: list[int] | None = None,
        bands: list[str] | None = None,
        links: list[tuple[str, float]] | None = None,
        extracted_with: str | None = None,
    ) -> None:
        """Write a document and everything derived from it, in one transaction."""
        row = _document_row(doc)
        row.update(
            kind_cues=json.dumps(kind_cues if kind_cues is not None else doc.kind_cues),
            minhash=json.dumps(minhash) if minhash is not None else None,
            extracted_with=extracted_with,
            added_at=_now(),
        )
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(t.documents).values(**row))
                if bands:
                    conn.execute(insert(t.doc_bands), [{"band": b, "doc_id": doc.id} for b in bands])
                for other, sim in links or []:
                    conn.execute(insert(t.doc_links).values(doc_id=doc.id, other_id=other, similarity=sim))
                    conn.execute(insert(t.doc_links).values(doc_id=other, other_id=doc.id, similarity=sim))
                self._write_mentions(conn, doc.id, mentions)
                index_document(conn, doc.id, doc.title, doc.text)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot write document {doc.id}: {str(e).splitlines()[0]}") from e

    def replace_mentions(self, doc_id: str, mentions: Iterable[Record], *, kind: str, kind_cues: list[str],
                         extracted_with: str) -> None:
        """Re-extraction: swap one document's records (and its kind) in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.mentions).where(t.mentions.c.doc_id == doc_id))
            self._write_mentions(conn, doc_id, mentions)
            conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(
                kind=kind, kind_cues=json.dumps(kind_cues), extracted_with=extracted_with))

    @staticmethod
    def _write_mentions(conn: Any, doc_id: str, mentions: Iterable[Record]) -> None:
        rows = [
            {"id": m.id, "doc_id": doc_id, "kind": m.kind,
             "extractor": next((e.extractor for e in m.evidence if e.extractor), None),
             "data": json.dumps(m.to_dict(), ensure_ascii=False)}
            for m in mentions
        ]
        if rows:
            conn.execute(insert(t.mentions), rows)

    def candidates(self, bands: list[str]) -> list[str]:
        """Documents sharing an LSH band with these keys (near-duplicate candidates)."""
        if not bands:
            return []
        with self.engine.connect() as conn:
            q = select(t.doc_bands.c.doc_id).where(t.doc_bands.c.band.in_(bands)).distinct()
            return [r[0] for r in conn.execute(q)]

    def minhashes(self, doc_ids: list[str]) -> dict[str, list[int]]:
        """The stored MinHash signatures of these documents (those that have one)."""
        if not doc_ids:
            return {}
        q = select(t.documents.c.id, t.documents.c.minhash).where(t.documents.c.id.in_(doc_ids))
        with self.engine.connect() as conn:
            return {i: json.loads(raw) for i, raw in conn.execute(q) if raw}

    def get_document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
            if row is None:
                return None
            return _row_document(row, self._links(conn, [doc_id]).get(doc_id, []))

    def iter_documents(self, *, batch: int = 200) -> Iterator[Document]:
        """Every document, in the order they were added (then by id)."""
        with self.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(
                select(t.documents.c.id).order_by(t.documents.c.added_at, t.documents.c.id))]
            for i in range(0, len(ids), batch):
                chunk = ids[i:i + batch]
                rows = {r["id"]: r for r in conn.execute(
                    select(t.documents).where(t.documents.c.id.in_(chunk))).mappings()}
                links = self._links(conn, chunk)
                for doc_id in chunk:
                    yield _row_document(rows[doc_id], links.get(doc_id, []))

    def list_documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Light rows for listings: no text, a noise share instead."""
        c = t.documents.c
        q = (select(c.id, c.source, c.published, c.published_inferred, c.outlet, c.title, c.kind,
                    c.language, c.noise, func.length(c.text).label("length"), c.added_at)
             .order_by(c.published.is_(None), c.published, c.id).offset(offset))
        if limit is not None:
            q = q.limit(limit)
        out = []
        with self.engine.connect() as conn:
            for r in conn.execute(q).mappings():
                noise = json.loads(r["noise"])
                covered = sum(e - s for s, e, _ in noise)
                row = dict(r)
                row.pop("noise")
                row["noise_share"] = round(covered / r["length"], 3) if r["length"] else 0.0
                out.append(row)
        return out

    @staticmethod
    def _links(conn: Any, ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        q = select(t.doc_links.c.doc_id, t.doc_links.c.other_id).where(t.doc_links.c.doc_id.in_(ids))
        for doc_id, other in conn.execute(q):
            out.setdefault(doc_id, []).append(other)
        return out

    # records -----------------------------------------------------------------------------

    def mentions(self, kind: str | None = None, doc_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Per-document records: each is its export dict plus ``doc_id`` and ``record_kind``
        (``actors``, ``events``...; a statement's own ``kind`` field is direct/indirect)."""
        q = select(t.mentions.c.doc_id, t.mentions.c.kind, t.mentions.c.data).order_by(t.mentions.c.doc_id)
        if kind:
            q = q.where(t.mentions.c.kind == kind)
        if doc_ids is not None:
            q = q.where(t.mentions.c.doc_id.in_(list(doc_ids)))
        with self.engine.connect() as conn:
            return [{**json.loads(data), "doc_id": d, "record_kind": k} for d, k, data in conn.execute(q)]

    def replace_records(self, kind_records: dict[str, list[dict[str, Any]]], *, scope: Iterable[str] | None = None
                        ) -> None:
        """Store resolved records. With ``scope`` (record ids), only those are replaced; else all."""
        with self.engine.begin() as conn:
            if scope is None:
                conn.execute(delete(t.records))
                conn.execute(delete(t.record_docs))
            else:
                ids = list(scope)
                conn.execute(delete(t.records).where(t.records.c.id.in_(ids)))
                conn.execute(delete(t.record_docs).where(t.record_docs.c.record_id.in_(ids)))
            rows, links = [], []
            for kind, recs in kind_records.items():
                for r in recs:
                    date = r.get("date") or r.get("due") or {}
                    rows.append({"id": r["id"], "kind": kind, "data": json.dumps(r, ensure_ascii=False),
                                 "sort_key": (date or {}).get("start")})
                    for d in sorted({e["doc"] for e in r.get("evidence") or []}):
                        links.append({"record_id": r["id"], "doc_id": d})
            if rows:
                conn.execute(insert(t.records), rows)
            if links:
                conn.execute(insert(t.record_docs), links)
            index_statements(conn, [(r["id"], r.get("quote") or "") for r in kind_records.get("statements", [])],
                             replace=scope is None)

    def records(self, kind: str) -> list[dict[str, Any]]:
        q = select(t.records.c.data).where(t.records.c.kind == kind).order_by(
            t.records.c.sort_key.is_(None), t.records.c.sort_key, t.records.c.id)
        with self.engine.connect() as conn:
            return [json.loads(r[0]) for r in conn.execute(q)]

    def records_for_document(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        q = (select(t.records.c.kind, t.records.c.data)
             .join(t.record_docs, t.record_docs.c.record_id == t.records.c.id)
             .where(t.record_docs.c.doc_id == doc_id))
        out: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for kind, data in conn.execute(q):
                out.setdefault(kind, []).append(json.loads(data))
        return out

    # skips, search, stats ----------------------------------------------------------------

    def record_skip(self, source: str, reason: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(t.skips).values(source=source, reason=reason, at=_now()))

    def skips(self, limit: int = 100) -> list[dict[str, Any]]:
        q = select(t.skips.c.source, t.skips.c.reason, t.skips.c.at).order_by(t.skips.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def search(self, query: str, *, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
        with self.engine.connect() as conn:
            return {"documents": search_documents(conn, query, limit),
                    "statements": search_statements(conn, query, limit)}

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            docs = conn.execute(select(func.count()).select_from(t.documents)).scalar() or 0
            chars = conn.execute(select(func.coalesce(func.sum(func.length(t.documents.c.text)), 0))).scalar()
            by_lang = dict(conn.execute(select(t.documents.c.language, func.count()).group_by(t.documents.c.language)).all())
            by_kind = dict(conn.execute(select(t.documents.c.kind, func.count()).group_by(t.documents.c.kind)).all())
            rec = dict(conn.execute(select(t.records.c.kind, func.count()).group_by(t.records.c.kind)).all())
            men = dict(conn.execute(select(t.mentions.c.kind, func.count()).group_by(t.mentions.c.kind)).all())
            links = conn.execute(select(func.count()).select_from(t.doc_links)).scalar() or 0
            skipped = conn.execute(select(func.count()).select_from(t.skips)).scalar() or 0
            dates = conn.execute(select(func.min(t.documents.c.published), func.max(t.documents.c.published))).first()
            version = t.current_version(conn)
        return {
            "store": self.target, "schema_version": version, "documents": docs, "characters": chars,
            "languages": {str(k): v for k, v in by_lang.items()}, "kinds": by_kind,
            "published_range": [dates[0], dates[1]] if dates else [None, None],
            "near_duplicate_pairs": links // 2, "skips_recorded": skipped,
            "records": rec, "mentions": men,
        }


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id, "hash": doc.hash, "source": doc.source, "text": doc.text, "title": doc.title,
        "url": doc.url, "outlet": doc.outlet, "authors": json.dumps(doc.authors, ensure_ascii=False),
        "published": doc.published, "published_inferred": doc.published_inferred, "kind": doc.kind,
        "language": doc.language, "noise": json.dumps([n.to_list() for n in doc.noise]),
    }


def _row_document(row: Any, links: list[str]) -> Document:
    return Document(
        id=row["id"], source=row["source"], text=row["text"], title=row["title"], url=row["url"],
        outlet=row["outlet"], authors=json.loads(row["authors"]), published=row["published"],
        published_inferred=bool(row["published_inferred"]), kind=row["kind"],
        kind_cues=json.loads(row["kind_cues"] or "[]"),
        noise=[Noise(s, e, r) for s, e, r in json.loads(row["noise"])], language=row["language"],
        hash=row["hash"], duplicate_of=sorted(links),
    )
