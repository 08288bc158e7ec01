"""Full-text search: FTS5 on SQLite, ``to_tsvector`` on PostgreSQL, LIKE elsewhere.

A user's query is untrusted: it is turned into a list of quoted terms, never passed to FTS5's
query language as is (a stray quote or ``NEAR(`` would be a syntax error, not a search).
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Connection, text

from parley.store import schema as t

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(query: str) -> str:
    """Quote every word of a user's query: all words must appear, in any order."""
    words = _WORD.findall(query)
    return " ".join(f'"{w}"' for w in words[:32])


def index_document(conn: Connection, doc_id: str, title: str | None, body: str) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO documents_fts (doc_id, title, text) VALUES (:d, :ti, :tx)"),
                     {"d": doc_id, "ti": title or "", "tx": body})


def index_statements(conn: Connection, rows: list[tuple[str, str]], *, replace: bool) -> None:
    if conn.dialect.name != "sqlite":
        return
    if replace:
        conn.execute(text("DELETE FROM statements_fts"))
    else:
        for rid, _ in rows:
            conn.execute(text("DELETE FROM statements_fts WHERE record_id = :r"), {"r": rid})
    if rows:
        conn.execute(text("INSERT INTO statements_fts (record_id, quote) VALUES (:r, :q)"),
                     [{"r": r, "q": q} for r, q in rows])


def search_documents(conn: Connection, query: str, limit: int) -> list[dict[str, Any]]:
    q = fts_query(query)
    if not q:
        return []
    if conn.dialect.name == "sqlite":
        sql = text(
            "SELECT f.doc_id AS id, d.title, d.published, d.outlet, "
            "snippet(documents_fts, 2, '[', ']', ' … ', 12) AS snippet "
            "FROM documents_fts f JOIN documents d ON d.id = f.doc_id "
            "WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts) LIMIT :n")
        return [dict(r) for r in conn.execute(sql, {"q": q, "n": limit}).mappings()]
    if conn.dialect.name == "postgresql":
        sql = text(
            "SELECT id, title, published, outlet, left(text, 200) AS snippet FROM documents "
            "WHERE to_tsvector('english', coalesce(title, '') || ' ' || text) @@ plainto_tsquery('english', :q) "
            "LIMIT :n")
        return [dict(r) for r in conn.execute(sql, {"q": query, "n": limit}).mappings()]
    like = f"%{query}%"
    rows = conn.execute(t.documents.select().where(t.documents.c.text.like(like)).limit(limit)).mappings()
    return [{"id": r["id"], "title": r["title"], "published": r["published"], "outlet": r["outlet"],
             "snippet": r["text"][:200]} for r in rows]


def search_statements(conn: Connection, query: str, limit: int) -> list[dict[str, Any]]:
    q = fts_query(query)
    if not q or conn.dialect.name != "sqlite":
        return []
    sql = text(
        "SELECT s.record_id AS id, r.data AS data FROM statements_fts s JOIN records r ON r.id = s.record_id "
        "WHERE statements_fts MATCH :q ORDER BY bm25(statements_fts) LIMIT :n")
    return [json.loads(r["data"]) for r in conn.execute(sql, {"q": q, "n": limit}).mappings()]
