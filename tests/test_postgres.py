"""The same store on PostgreSQL: schema, round trip, search, ingest and export.

Runs against a real server when PARLEY_TEST_PG_URL names one (``make test`` starts a local
one through scripts/postgres-for-tests.sh); skips with that reason otherwise."""

from __future__ import annotations

import os
import uuid

import pytest
from helpers import FIXTURES

from parley import export
from parley.ingest.run import ingest
from parley.store import Store

PG_URL = os.environ.get("PARLEY_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="PARLEY_TEST_PG_URL is not set (no PostgreSQL server)")


@pytest.fixture
def pg_store():
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"parley_t_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = PG_URL.rsplit("/", 1)[0] + f"/{name}"
    store = Store.open(url)
    yield store
    store.close()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


def test_postgres_ingest_search_export(pg_store: Store, no_extract):
    assert pg_store.engine.dialect.name == "postgresql"
    first = ingest([str(FIXTURES / "ingest" / "wire.txt"), str(FIXTURES / "ingest" / "items.jsonl")],
                   pg_store, extraction=no_extract)
    assert len(first.added) == 3
    again = ingest([str(FIXTURES / "ingest" / "wire.txt")], pg_store, extraction=no_extract)
    assert again.added == [] and len(again.unchanged) == 1
    assert pg_store.stats()["documents"] == 3 and pg_store.stats()["schema_version"] == 2
    hits = pg_store.search("sanctions shipping")["documents"]
    assert [h["title"] for h in hits] == ["New sanctions"]
    data = export.build(pg_store)
    wire = next(d for d in data["documents"] if d["source"].endswith("wire.txt"))
    assert wire["text"] == (FIXTURES / "ingest" / "wire.txt").read_text(encoding="utf-8")
    assert all(0 <= s < e <= len(wire["text"]) for s, e, _ in wire["noise"])
